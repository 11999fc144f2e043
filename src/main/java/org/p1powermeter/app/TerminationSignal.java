package org.p1powermeter.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM (a service manager stopping the bridge) as an orderly stop: instead of the JVM's shutdown (exit code
 * 143), the handler asks the app to stop; it stops reading, gives the broker what is spooled (bounded wait) and
 * exits 0. A second SIGTERM does the same again (the app is already stopping).
 */
final class TerminationSignal {

    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignal.class);

    private TerminationSignal() {
    }

    static void onTerm(Runnable stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> {
                LOG.info("SIGTERM: stopping");
                stop.run();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("SIGTERM handler not installed ({}); the JVM's shutdown hook stops the app", e.getMessage());
        }
    }
}
