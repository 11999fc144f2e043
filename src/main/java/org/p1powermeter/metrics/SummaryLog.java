package org.p1powermeter.metrics;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes {@link P1Metrics#summary()} at most once per interval, and only when something went wrong since the last
 * line ({@link P1Metrics#troubleCount()} changed): a healthy bridge stays quiet. Driven by {@link #tick()} from a
 * thread that runs anyway (the serial reader wakes at least once a second), so it needs no timer thread.
 */
public final class SummaryLog {

    private final P1Metrics metrics;
    private final Consumer<String> sink;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long lastWritten;
    private long lastTrouble;

    public SummaryLog(P1Metrics metrics, Consumer<String> sink, Duration interval, LongSupplier nanoClock) {
        this.metrics = metrics;
        this.sink = sink;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.lastWritten = nanoClock.getAsLong();
        this.lastTrouble = metrics.troubleCount();
    }

    /** Writes the summary if the interval passed and the trouble count changed; returns true when it did. */
    public synchronized boolean tick() {
        long now = nanoClock.getAsLong();
        if (now - lastWritten < intervalNanos) {
            return false;
        }
        long trouble = metrics.troubleCount();
        if (trouble == lastTrouble) {
            return false;
        }
        lastWritten = now;
        lastTrouble = trouble;
        sink.accept(PeriodicSummary.PREFIX + metrics.summary());
        return true;
    }

    /** Writes the summary now, whatever changed (e.g. when the source stops). */
    public synchronized void writeNow() {
        lastWritten = nanoClock.getAsLong();
        lastTrouble = metrics.troubleCount();
        sink.accept(PeriodicSummary.PREFIX + metrics.summary());
    }
}
