package org.p1powermeter.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * At most one log line per key (e.g. a drop reason) per interval: the first occurrence is written at once, the
 * ones that follow within the interval are only counted, and the next line written for the key says how many were
 * held back. Noise from a bad cable therefore costs one line per minute per reason instead of one per telegram.
 * Thread-safe.
 */
public final class RateLimitedLog {

    /** The default interval: one line per minute per key. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Consumer<String> sink;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        long lastWritten;
        boolean written;
        long heldBack;
    }

    /**
     * @param sink      where lines go (e.g. {@code log::warn})
     * @param interval  the shortest time between two lines of one key
     * @param nanoClock the time source ({@code System::nanoTime}; tests pass their own)
     */
    public RateLimitedLog(Consumer<String> sink, Duration interval, LongSupplier nanoClock) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        this.sink = sink;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Warnings to {@code log}, one line per key per minute. */
    public static RateLimitedLog warnings(Logger log) {
        return new RateLimitedLog(log::warn, DEFAULT_INTERVAL, System::nanoTime);
    }

    /**
     * Writes {@code message} unless a line for {@code key} was written less than the interval ago.
     *
     * @return true when the line was written
     */
    public boolean log(String key, String message) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        long now = nanoClock.getAsLong();
        long heldBack;
        synchronized (slot) {
            if (slot.written && now - slot.lastWritten < intervalNanos) {
                slot.heldBack++;
                return false;
            }
            heldBack = slot.heldBack;
            slot.written = true;
            slot.lastWritten = now;
            slot.heldBack = 0;
        }
        sink.accept(heldBack == 0 ? message
                : message + " (and " + heldBack + " more like it since the last such line)");
        return true;
    }

    /** Writes one line per key for the occurrences held back so far (e.g. when the source stops). */
    public void flush() {
        slots.forEach((key, slot) -> {
            long heldBack;
            synchronized (slot) {
                heldBack = slot.heldBack;
                slot.heldBack = 0;
            }
            if (heldBack > 0) {
                sink.accept(key + ": " + heldBack + " more since the last line about it");
            }
        });
    }

    /** Occurrences of {@code key} counted but not written yet. */
    public long heldBack(String key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return 0;
        }
        synchronized (slot) {
            return slot.heldBack;
        }
    }
}
