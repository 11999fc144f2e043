package org.p1powermeter.spool;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's timer: writes the buffered records and the acknowledged position every {@code periodMillis}
 * (so at most that much is lost when the machine loses power) and applies the age limit.
 */
public final class SpoolFlusher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolFlusher.class);

    private final ScheduledExecutorService timer;

    private SpoolFlusher(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static SpoolFlusher start(DiskSpool spool, long periodMillis) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p1-spool-flush");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                spool.flush();
                spool.expire();
            } catch (IOException e) {
                LOG.error("Spool {}: cannot write: {}", spool.directory(), e.getMessage());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return new SpoolFlusher(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
