package org.p1powermeter.spool;

import java.util.function.BooleanSupplier;

/**
 * Whether a {@link DiskSpool} holds appended records or an acknowledged position not yet written by its flush,
 * and the flusher's wait for that. The flusher waits on this object's monitor, not on the spool's (whose waiters
 * are the reader); lock order: spool, then this.
 */
final class FlushSignal {

    /** Set and cleared under the spool's lock; read by the flusher without it. */
    private volatile boolean unflushed;
    private boolean flusherWaiting; // guarded by this

    /**
     * Waits up to {@code millis} until something is unflushed, or until {@code stop} holds (after which
     * {@link #wake()} must be called); true when something is unflushed.
     */
    boolean await(long millis, BooleanSupplier stop) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (this) {
            flusherWaiting = true;
            try {
                long left;
                while (!unflushed && !stop.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
                    wait(Math.max(1, left / 1_000_000));
                }
                return unflushed;
            } finally {
                flusherWaiting = false;
            }
        }
    }

    /** Wakes a thread in {@link #await} to check its stop condition. */
    synchronized void wake() {
        notifyAll();
    }

    /** Called under the spool's lock: the first change after a flush wakes a waiting flusher (once). */
    void markUnflushed() {
        if (!unflushed) {
            unflushed = true;
            synchronized (this) {
                if (flusherWaiting) {
                    notifyAll();
                }
            }
        }
    }

    /** Called under the spool's lock, only once everything was written: a failed write is tried again. */
    void markFlushed() {
        unflushed = false;
    }
}
