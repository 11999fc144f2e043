package org.p1powermeter.spool.publish;

import java.nio.file.Path;
import org.p1powermeter.spool.SpoolCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's {@link LinkState} and its log: one line per change of state (retries in the same state are
 * logged at DEBUG only), e.g. {@code MQTT broker tcp://127.0.0.1:1883 refused the login for user vscp (bad user
 * name or password); retrying in 30 s}.
 */
final class LinkLog {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolPublisher.class);

    private final BrokerTarget target;
    private final Path spoolDir;
    private volatile LinkState state = LinkState.STOPPED;

    LinkLog(BrokerTarget target, Path spoolDir) {
        this.target = target;
        this.spoolDir = spoolDir;
    }

    LinkState state() {
        return state;
    }

    void change(LinkState next, String reason, SpoolCounters counters, long retrySeconds) {
        LinkState previous = state;
        state = next;
        if (next == previous) {
            LOG.debug("MQTT broker {}: still {} ({}); retrying in {} s", target.url(), next, reason, retrySeconds);
            return;
        }
        String user = target.options().getUserName();
        switch (next) {
            case CONNECTED -> {
                String text = "MQTT broker {} connected{}; {} spooled events to deliver";
                Object[] args = {target.url(), user == null ? "" : " as user " + user, counters.depth()};
                if (previous == LinkState.BROKER_DOWN || previous == LinkState.AUTH_FAILED) {
                    LOG.warn(text, args);
                } else {
                    LOG.info(text, args);
                }
            }
            case BROKER_DOWN -> LOG.warn("MQTT broker {} is not reachable ({}); events are kept in the spool {} ({}"
                    + " waiting); {}", target.url(), reason, spoolDir, counters.depth(),
                    retrySeconds > 0 ? "retrying in " + retrySeconds + " s" : "reconnecting");
            case AUTH_FAILED -> LOG.error("MQTT broker {} refused the login for user {} ({}); events are kept in the"
                    + " spool {}; retrying in {} s", target.url(), user == null ? "(none)" : user, reason, spoolDir,
                    retrySeconds);
            case CONNECTING -> LOG.info("MQTT broker {}: connecting", target.url());
            case STOPPED -> LOG.info("MQTT publisher stopped");
        }
    }
}
