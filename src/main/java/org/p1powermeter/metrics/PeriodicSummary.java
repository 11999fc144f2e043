package org.p1powermeter.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes {@link P1Metrics#summary()} every interval whatever happened, so a healthy service is visibly alive in its
 * journal ({@link SummaryLog} writes only when something went wrong). One sleeping daemon thread.
 */
public final class PeriodicSummary implements AutoCloseable {

    /** The logger of the periodic lines: at info level also without -v (see the app's Logging). */
    public static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PeriodicSummary.class);

    /** The start of every summary line. */
    public static final String PREFIX = "P1 metrics: ";

    private final ScheduledExecutorService timer;

    private PeriodicSummary(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts writing to {@code sink} every {@code interval}; a zero interval writes nothing (and starts no thread). */
    public static PeriodicSummary start(P1Metrics metrics, Duration interval, Consumer<String> sink) {
        if (interval.isZero() || interval.isNegative()) {
            return new PeriodicSummary(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p1-summary");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleAtFixedRate(() -> sink.accept(PREFIX + metrics.summary()), millis, millis, TimeUnit.MILLISECONDS);
        return new PeriodicSummary(timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS); // a line being written is finished before close returns
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
