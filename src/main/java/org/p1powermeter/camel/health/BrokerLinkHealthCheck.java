package org.p1powermeter.camel.health;

import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.p1powermeter.metrics.OutboxStatus;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.publish.LinkState;

/**
 * Readiness of the link to the MQTT broker: UP while the spool's publisher is connected, DOWN while it connects,
 * cannot reach the broker or is refused its login (events then wait in the spool; the detail says how many).
 */
public class BrokerLinkHealthCheck extends AbstractHealthCheck {

    public static final String ID = "p1-broker-link";

    private final P1Metrics metrics;

    public BrokerLinkHealthCheck(P1Metrics metrics) {
        super(P1HealthChecks.GROUP, ID);
        this.metrics = metrics;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<OutboxStatus> outbox = metrics.outbox();
        if (outbox.isEmpty()) {
            builder.message("no MQTT sink in this run").down();
            return;
        }
        LinkState link = outbox.get().link();
        SpoolCounters counters = outbox.get().counters();
        builder.detail("link", link.name());
        builder.detail("delivered", counters.delivered());
        builder.detail("waiting", counters.depth());
        if (link == LinkState.CONNECTED) {
            builder.message("connected").up();
        } else {
            builder.message(link + ": " + counters.depth() + " events wait in the spool").down();
        }
    }
}
