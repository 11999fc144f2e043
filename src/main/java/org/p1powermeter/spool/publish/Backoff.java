package org.p1powermeter.spool.publish;

import java.time.Duration;

/** Exponential backoff between connect attempts: doubles from {@code first} up to {@code max}, reset on success. */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The delay before the next attempt; the one after will be twice as long (at most {@code max}). */
    Duration next() {
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return delay;
    }

    void reset() {
        next = first;
    }
}
