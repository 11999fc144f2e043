package org.p1powermeter.app;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.p1powermeter.camel.source.SourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the app stops and with which exit code: after the first telegram in one-shot mode (1 when the route
 * failed, e.g. the spool could not be written), at the end of a capture input (1 when it held no valid telegram).
 * The route ends when the events are spooled; whether the broker acknowledged them is the {@code p1spool:}
 * endpoint's part (it drains at stop; {@link BridgeRunner#deliveryExitCode}), so one-shot exits 0 only when it did.
 */
final class RunControl implements SourceListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunControl.class);

    private final boolean oneShot;
    private final Runnable stop;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger exitCode = new AtomicInteger();

    RunControl(boolean oneShot, Runnable stop) {
        this.oneShot = oneShot;
        this.stop = stop;
    }

    @Override
    public void telegramDone(String source, long sequence, Throwable failure) {
        if (failure != null) {
            LOG.error("Telegram {} from {} was not delivered: {}", sequence, source, failure.getMessage());
        }
        if (oneShot && stopping.compareAndSet(false, true)) {
            exitCode.set(failure == null ? 0 : 1);
            stop.run();
        }
    }

    @Override
    public void sourceCompleted(String source, long telegrams) {
        if (stopping.compareAndSet(false, true)) {
            if (telegrams == 0) {
                LOG.error("No valid telegram in {}", source);
                exitCode.set(1);
            }
            stop.run();
        }
    }

    /** True when the source ended the run (one-shot, end of a capture), not a signal. */
    boolean endedBySource() {
        return stopping.get();
    }

    int exitCode() {
        return exitCode.get();
    }
}
