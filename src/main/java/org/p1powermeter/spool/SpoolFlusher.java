package org.p1powermeter.spool;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's flusher thread ({@code p1-spool-flush}): once something was appended or acknowledged, it waits
 * {@code periodMillis} (gathering what follows) and writes the buffered records and the acknowledged position
 * (so at most that much is lost when the machine loses power); it also applies the age limit, at least every
 * {@link #EXPIRE_MILLIS}. While nothing happens it sleeps without waking (no timer): an idle bridge costs no CPU.
 */
public final class SpoolFlusher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolFlusher.class);
    /** The longest the flusher sleeps while idle before it checks the age limit. */
    static final long EXPIRE_MILLIS = 60_000;

    private final DiskSpool spool;
    private final long periodMillis;
    private final Object pause = new Object();
    private final Thread thread;
    private volatile boolean running = true;

    private SpoolFlusher(DiskSpool spool, long periodMillis) {
        this.spool = spool;
        this.periodMillis = periodMillis;
        this.thread = new Thread(this::run, "p1-spool-flush");
        thread.setDaemon(true);
    }

    public static SpoolFlusher start(DiskSpool spool, long periodMillis) {
        SpoolFlusher flusher = new SpoolFlusher(spool, periodMillis);
        flusher.thread.start();
        return flusher;
    }

    private void run() {
        try {
            while (running) {
                boolean dirty = spool.awaitUnflushed(EXPIRE_MILLIS, () -> !running);
                if (dirty) {
                    synchronized (pause) { // let the rest of the telegram (or the burst) come: one write for all
                        long deadline = System.nanoTime() + periodMillis * 1_000_000;
                        long left;
                        while (running && (left = deadline - System.nanoTime()) > 0) {
                            pause.wait(Math.max(1, (left + 999_999) / 1_000_000)); // rounded up: one wake-up, not 199 ms + 1 ms
                        }
                    }
                }
                if (!running) {
                    return;
                }
                try {
                    spool.flush();
                    spool.expire();
                } catch (IOException e) {
                    LOG.error("Spool {}: cannot write: {}", spool.directory(), e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        spool.wakeFlusher();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
