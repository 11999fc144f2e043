package org.p1powermeter.app;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM (a service manager stopping the bridge) and SIGINT (Ctrl-C) as an orderly stop: instead of the JVM's
 * shutdown (exit code 143 or 130, racing the app's own cleanup such as the demo's temporary spool), the handler
 * asks the app to stop; it stops reading, gives the broker what is spooled (bounded wait) and exits 0. A second
 * SIGTERM does the same again (the app is already stopping); a second Ctrl-C is the impatient user's: the JVM's
 * shutdown at once, exit code 130. A signal that was ignored when the JVM started (nohup) stays ignored.
 */
final class TerminationSignal {

    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignal.class);

    private TerminationSignal() {
    }

    static void install(Runnable stop) {
        handle("TERM", stop, null);
        AtomicBoolean interrupted = new AtomicBoolean();
        handle("INT", stop, () -> {
            if (interrupted.getAndSet(true)) {
                LOG.warn("Ctrl-C again: exiting without waiting for the broker");
                System.exit(130);
            }
        });
    }

    private static void handle(String name, Runnable stop, Runnable before) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                if (before != null) {
                    before.run();
                }
                LOG.info("SIG{}: stopping", name);
                stop.run();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("SIG{} handler not installed ({}); the JVM's shutdown hook stops the app", name, e.getMessage());
        }
    }
}
