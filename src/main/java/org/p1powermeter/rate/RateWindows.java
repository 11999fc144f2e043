package org.p1powermeter.rate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementType;

/**
 * The publish rate: turns each meter's telegrams into {@link MeterPublish}es, one per window of {@code interval} on
 * wall-clock boundaries (UTC epoch multiples: with 10 s at :00, :10, :20 …), or one per telegram when the interval is
 * zero.
 *
 * <ul>
 * <li>Instantaneous values (not {@link #isCounter}): the mean of the
 * window's samples, rounded to the samples' decimals, with min and max.
 * <li>Counters: the latest reading; sent as an event only when it changed since it was last sent, or at the
 * heartbeat. A counter lower than the last one accepted from the same meter is refused (never published, never
 * replaced by 0) and reported to the {@link Refusals} listener of the call; the last good value stays.
 * <li>The first telegram of a meter is published at once; its samples also count in their window.
 * <li>A window is published when it closes ({@link #due}, or the meter's next telegram after its end) if it had
 * telegrams; an empty window publishes nothing (so a silent meter shows unavailable after {@code expire_after}).
 * <li>A window with only unchanged counters is published only at the heartbeat.
 * <li>{@link #flush} closes every open window (at shutdown), dated at that moment.
 * </ul>
 *
 * <p>Time is always passed in (no clock is read here), so tests drive it. Thread-safe (one lock).
 */
public final class RateWindows {

    /** Told about every refused counter reading (to count it and log it once). */
    public interface Refusals {
        void counterDecreased(String meterId, Measurement refused, BigDecimal lastAccepted);
    }

    private final long intervalMillis;
    private final long heartbeatMillis;
    private final Map<String, MeterState> meters = new HashMap<>();

    /**
     * @param interval  the window; zero publishes every telegram
     * @param heartbeat how long unchanged counters may go unsent (at least the interval; rounded up to windows)
     */
    public RateWindows(Duration interval, Duration heartbeat) {
        if (interval.isNegative() || heartbeat.isNegative()) {
            throw new IllegalArgumentException("negative interval or heartbeat: " + interval + ", " + heartbeat);
        }
        this.intervalMillis = interval.toMillis();
        this.heartbeatMillis = Math.max(heartbeat.toMillis(), intervalMillis);
    }

    /**
     * True for a meter reading that only goes up (energy, volume): its unit says so. The one place this is decided;
     * Home Assistant's state class comes from it too.
     */
    public static boolean isCounter(MeasurementType type) {
        return switch (type.meterUnit()) {
            case KWH, KVARH, M3, GJ -> true;
            default -> false;
        };
    }

    /** True when telegrams are gathered in windows (interval above zero). */
    public boolean windowed() {
        return intervalMillis > 0;
    }

    /** The heartbeat in effect (never shorter than the interval). */
    public Duration heartbeat() {
        return Duration.ofMillis(heartbeatMillis);
    }

    /**
     * Takes one telegram's measurements of a meter, received at {@code now}. Returns what is to be published now: the
     * telegram itself (no windows, or the meter's first telegram), and/or the meter's window that this telegram
     * shows to be closed.
     */
    public synchronized List<MeterPublish> offer(String meterId, List<Measurement> measurements, Instant now,
            Refusals refusals) {
        MeterState meter = meters.get(meterId);
        boolean first = meter == null;
        if (first) {
            meter = new MeterState(meterId);
            meters.put(meterId, meter);
        }
        List<Measurement> accepted = meter.guard(measurements, refusals);
        long t = now.toEpochMilli();
        if (intervalMillis == 0) {
            List<WindowValue> values = new ArrayList<>(accepted.size());
            for (Measurement m : accepted) {
                values.add(new WindowValue(m, null, null, true));
            }
            return values.isEmpty() ? List.of() : List.of(new MeterPublish(meterId, now, values));
        }
        List<MeterPublish> out = new ArrayList<>(2);
        if (meter.windowEnd != 0 && t >= meter.windowEnd) {
            meter.close(Instant.ofEpochMilli(meter.windowEnd), heartbeatMillis).ifPresent(out::add);
        }
        if (first) {
            List<WindowValue> values = new ArrayList<>(accepted.size());
            for (Measurement m : accepted) {
                values.add(new WindowValue(m, null, null, true));
                if (isCounter(m.type())) {
                    meter.sentCounter.put(m.name(), new Sent(m.meterValue(), t));
                }
            }
            if (!values.isEmpty()) {
                out.add(new MeterPublish(meterId, now, values));
            }
        }
        if (meter.windowEnd == 0 || t >= meter.windowEnd) {
            meter.windowEnd = (Math.floorDiv(t, intervalMillis) + 1) * intervalMillis;
        }
        meter.add(accepted);
        return out;
    }

    /** Closes the windows that ended at or before {@code now} (the 1-second tick). */
    public synchronized List<MeterPublish> due(Instant now) {
        if (intervalMillis == 0) {
            return List.of();
        }
        long t = now.toEpochMilli();
        List<MeterPublish> out = new ArrayList<>();
        for (MeterState meter : meters.values()) {
            if (meter.windowEnd != 0 && t >= meter.windowEnd) {
                meter.close(Instant.ofEpochMilli(meter.windowEnd), heartbeatMillis).ifPresent(out::add);
                meter.windowEnd = 0; // the next telegram opens the next window
            }
        }
        return out;
    }

    /** Closes every open window now (at shutdown): what was gathered is published, dated {@code now}. */
    public synchronized List<MeterPublish> flush(Instant now) {
        List<MeterPublish> out = new ArrayList<>();
        if (intervalMillis == 0) {
            return out;
        }
        for (MeterState meter : meters.values()) {
            if (meter.windowEnd != 0 && meter.hasSamples()) {
                meter.close(now, 0).ifPresent(out::add);
                meter.windowEnd = 0;
            }
        }
        return out;
    }

    /** One meter's open window and what was last published. */
    private static final class MeterState {
        private final String meterId;
        /** Instantaneous values of the open window, by name (insertion = table order). */
        private final Map<String, Sum> sums = new LinkedHashMap<>();
        /** Latest accepted counter of the open window, by name. */
        private final Map<String, Measurement> counters = new LinkedHashMap<>();
        /** Highest counter value accepted so far, by name (the guard). */
        private final Map<String, BigDecimal> accepted = new HashMap<>();
        /** Latest counter value known, by name (carried into windows without a new reading). */
        private final Map<String, Measurement> latestCounter = new LinkedHashMap<>();
        /** Counter value last sent as an event, and when, by name. */
        private final Map<String, Sent> sentCounter = new HashMap<>();
        private long windowEnd;
        private boolean samples;

        MeterState(String meterId) {
            this.meterId = meterId;
        }

        List<Measurement> guard(List<Measurement> measurements, Refusals refusals) {
            List<Measurement> out = null;
            for (int i = 0; i < measurements.size(); i++) {
                Measurement m = measurements.get(i);
                boolean ok = true;
                if (isCounter(m.type())) {
                    BigDecimal last = accepted.get(m.name());
                    if (last != null && m.meterValue().compareTo(last) < 0) {
                        ok = false;
                        refusals.counterDecreased(meterId, m, last);
                    } else {
                        accepted.put(m.name(), m.meterValue());
                    }
                }
                if (!ok && out == null) {
                    out = new ArrayList<>(measurements.subList(0, i));
                } else if (ok && out != null) {
                    out.add(m);
                }
            }
            return out == null ? measurements : out;
        }

        void add(List<Measurement> measurements) {
            for (Measurement m : measurements) {
                samples = true;
                if (isCounter(m.type())) {
                    counters.put(m.name(), m);
                    latestCounter.put(m.name(), m);
                } else {
                    sums.computeIfAbsent(m.name(), k -> new Sum()).add(m);
                }
            }
        }

        boolean hasSamples() {
            return samples;
        }

        /** The publish of the open window, ending at {@code end}, or nothing; resets the window. */
        java.util.Optional<MeterPublish> close(Instant end, long heartbeatMillis) {
            long t = end.toEpochMilli();
            List<WindowValue> values = new ArrayList<>(sums.size() + latestCounter.size());
            boolean anyEvent = false;
            if (samples) {
                for (Sum s : sums.values()) {
                    values.add(s.value(end));
                    anyEvent = true;
                }
                for (Measurement latest : latestCounter.values()) {
                    Sent sent = sentCounter.get(latest.name());
                    boolean changed = sent == null || sent.value().compareTo(latest.meterValue()) != 0;
                    boolean event = changed || heartbeatMillis == 0 || t - sent.at() >= heartbeatMillis;
                    anyEvent |= event;
                    values.add(new WindowValue(at(latest, end), null, null, event));
                }
            }
            sums.clear();
            counters.clear();
            samples = false;
            if (!anyEvent) {
                return java.util.Optional.empty();
            }
            for (WindowValue v : values) {
                if (v.event() && isCounter(v.value().type())) {
                    sentCounter.put(v.name(), new Sent(v.value().meterValue(), t));
                }
            }
            return java.util.Optional.of(new MeterPublish(meterId, end, values));
        }
    }

    /** A counter value sent as an event, and when (epoch millis). */
    private record Sent(BigDecimal value, long at) {
    }

    private static Measurement at(Measurement m, Instant time) {
        return new Measurement(m.type(), m.obis(), m.meterValue(), m.vscpValue(), m.channel(), time);
    }

    /** Sum, count, min and max of one instantaneous value in a window. */
    private static final class Sum {
        private Measurement first;
        private BigDecimal sum = BigDecimal.ZERO;
        private BigDecimal min;
        private BigDecimal max;
        private int count;
        private int scale;

        void add(Measurement m) {
            BigDecimal v = m.meterValue();
            if (first == null) {
                first = m;
                min = v;
                max = v;
            } else {
                min = min.min(v);
                max = max.max(v);
            }
            sum = sum.add(v);
            count++;
            scale = Math.max(scale, v.scale());
        }

        WindowValue value(Instant end) {
            BigDecimal mean = count == 1 ? sum : sum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_EVEN);
            int exponent = first.type().vscpExponent();
            BigDecimal vscp = exponent == 0 ? mean : mean.movePointRight(exponent);
            return new WindowValue(new Measurement(first.type(), first.obis(), mean, vscp, first.channel(), end), min, max,
                    true);
        }
    }
}
