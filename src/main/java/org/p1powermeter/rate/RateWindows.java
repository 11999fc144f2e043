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
import java.util.Optional;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.ValueKind;

/**
 * The publish rate: turns each meter's telegrams into {@link MeterPublish}es, one per window of {@code interval} on
 * wall-clock boundaries (UTC epoch multiples: with 10 s at :00, :10, :20 …), or one per telegram when the interval is
 * zero.
 *
 * <ul>
 * <li>Instantaneous values ({@link #isAveraged}): the mean of the window's samples, rounded to the samples' decimals,
 * with min and max.
 * <li>Counters and other values: the latest reading; sent as an event only when it changed since it was last sent,
 * or at the heartbeat. A value a telegram carries several times (a history, an event log) is kept as the latest
 * telegram's list and treated the same way.
 * <li>A counter ({@link #isCounter}) lower than the last one accepted from the same meter is refused in every mode
 * (never published, never replaced by 0) and reported to the {@link Refusals} listener of the call; the last good
 * value stays.
 * <li>The first telegram of a meter is published at once; its samples also count in their window. So is the first
 * after the meter was started afresh (fleet mode, a partition move: {@link #offer(String, List, Instant, Refusals,
 * boolean)}).
 * <li>A window is published when it closes ({@link #due}, or the meter's next telegram after its end) if it had
 * telegrams; an empty window publishes nothing (so a silent meter shows unavailable after {@code expire_after}).
 * A window with only unchanged values is published only at the heartbeat.
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
     * @param heartbeat how long unchanged values may go unsent (at least the interval; in effect rounded up to windows)
     */
    public RateWindows(Duration interval, Duration heartbeat) {
        if (interval.isNegative() || heartbeat.isNegative()) {
            throw new IllegalArgumentException("negative interval or heartbeat: " + interval + ", " + heartbeat);
        }
        this.intervalMillis = interval.toMillis();
        this.heartbeatMillis = Math.max(heartbeat.toMillis(), intervalMillis);
    }

    /** True for a meter reading that only goes up (the table's {@link ValueKind#COUNTER}): it is never let go down. */
    public static boolean isCounter(MeasurementType type) {
        return type.kind() == ValueKind.COUNTER;
    }

    /** True for a value that is averaged over a window ({@link ValueKind#INSTANTANEOUS}); the others keep their latest. */
    public static boolean isAveraged(MeasurementType type) {
        return type.kind() == ValueKind.INSTANTANEOUS;
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
        return offer(meterId, measurements, now, refusals, false);
    }

    /**
     * As {@link #offer(String, List, Instant, Refusals)}; with {@code afresh} (fleet mode: the meter's first telegram
     * after its partition moved here) the meter starts afresh as after a start: a window still open from before is
     * published first (dated at its end, or {@code now} if that is earlier; its readings are real), then the meter's
     * state is forgotten (counter guard, what was last sent) and this telegram is published at once.
     */
    public synchronized List<MeterPublish> offer(String meterId, List<Measurement> measurements, Instant now,
            Refusals refusals, boolean afresh) {
        MeterState meter = meters.get(meterId);
        List<MeterPublish> before = List.of();
        if (afresh && meter != null) {
            if (intervalMillis > 0 && meter.windowEnd != 0) {
                long end = Math.min(meter.windowEnd, now.toEpochMilli());
                before = meter.close(Instant.ofEpochMilli(end), heartbeatMillis).map(List::of).orElse(List.of());
            }
            meters.remove(meterId);
            meter = null;
        }
        boolean first = meter == null;
        if (first) {
            meter = new MeterState(meterId);
            meters.put(meterId, meter);
        }
        List<Measurement> accepted = meter.guard(measurements, refusals);
        long t = now.toEpochMilli();
        if (intervalMillis == 0) {
            return accepted.isEmpty() ? List.of() : List.of(new MeterPublish(meterId, now, asEvents(accepted)));
        }
        List<MeterPublish> out = new ArrayList<>(before);
        if (meter.windowEnd != 0 && t >= meter.windowEnd) {
            meter.close(Instant.ofEpochMilli(meter.windowEnd), heartbeatMillis).ifPresent(out::add);
            meter.windowEnd = 0;
        }
        if (first && !accepted.isEmpty()) {
            meter.sentAtOnce(accepted, t);
            out.add(new MeterPublish(meterId, now, asEvents(accepted)));
        }
        if (meter.windowEnd == 0) {
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
            if (meter.windowEnd != 0) {
                meter.close(now, 0).ifPresent(out::add);
                meter.windowEnd = 0;
            }
        }
        return out;
    }

    private static List<WindowValue> asEvents(List<Measurement> measurements) {
        List<WindowValue> values = new ArrayList<>(measurements.size());
        for (Measurement m : measurements) {
            values.add(new WindowValue(m, null, null, true));
        }
        return values;
    }

    /** One meter's open window and what was last sent. */
    private static final class MeterState {
        private final String meterId;
        /** Averaged values of the open window, by name (insertion = table order). */
        private final Map<String, Sum> sums = new LinkedHashMap<>();
        /** The latest reading of each other value (a list for values a telegram carries several times), by name. */
        private final Map<String, List<Measurement>> latest = new LinkedHashMap<>();
        /** Highest counter value accepted so far, by name (the guard). */
        private final Map<String, BigDecimal> accepted = new HashMap<>();
        /** What was last sent as events of each latest-value, and when, by name. */
        private final Map<String, Sent> sent = new HashMap<>();
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

        /** The first telegram went out at once: its latest-values count as sent. */
        void sentAtOnce(List<Measurement> measurements, long t) {
            for (Map.Entry<String, List<Measurement>> e : group(measurements).entrySet()) {
                sent.put(e.getKey(), new Sent(values(e.getValue()), t));
            }
        }

        void add(List<Measurement> measurements) {
            if (measurements.isEmpty()) {
                return;
            }
            samples = true;
            Map<String, List<Measurement>> byName = byName(measurements);
            for (List<Measurement> entries : byName.values()) {
                Measurement m = entries.get(0);
                if (isAveraged(m.type()) && entries.size() == 1) {
                    sums.computeIfAbsent(m.name(), k -> new Sum()).add(m);
                } else {
                    latest.put(m.name(), entries);
                }
            }
        }

        /**
         * The latest-values of a telegram by name: counters and states, and any value the telegram carries more than
         * once (a history, a log: the list of its entries, never averaged).
         */
        private static Map<String, List<Measurement>> group(List<Measurement> measurements) {
            Map<String, List<Measurement>> out = byName(measurements);
            out.values().removeIf(entries -> entries.size() == 1 && isAveraged(entries.get(0).type()));
            return out;
        }

        private static Map<String, List<Measurement>> byName(List<Measurement> measurements) {
            Map<String, List<Measurement>> out = new LinkedHashMap<>();
            for (Measurement m : measurements) {
                out.computeIfAbsent(m.name(), k -> new ArrayList<>(1)).add(m);
            }
            return out;
        }

        /** The publish of the open window, ending at {@code end}, or nothing; resets the window. */
        Optional<MeterPublish> close(Instant end, long heartbeatMillis) {
            long t = end.toEpochMilli();
            List<WindowValue> values = new ArrayList<>(sums.size() + latest.size());
            boolean anyEvent = false;
            List<String> sentNow = new ArrayList<>();
            if (samples) {
                for (Sum s : sums.values()) {
                    values.add(s.value(end));
                    anyEvent = true;
                }
                for (Map.Entry<String, List<Measurement>> e : latest.entrySet()) {
                    Sent last = sent.get(e.getKey());
                    List<BigDecimal> now = values(e.getValue());
                    boolean event = last == null || !last.values().equals(now) || heartbeatMillis == 0
                            || t - last.at() >= heartbeatMillis;
                    anyEvent |= event;
                    if (event) {
                        sentNow.add(e.getKey());
                    }
                    for (Measurement m : e.getValue()) {
                        values.add(new WindowValue(e.getValue().size() == 1 ? at(m, end) : m, null, null, event));
                    }
                }
            }
            sums.clear();
            samples = false;
            if (!anyEvent) {
                return Optional.empty();
            }
            for (String name : sentNow) {
                sent.put(name, new Sent(values(latest.get(name)), t));
            }
            return Optional.of(new MeterPublish(meterId, end, values));
        }

        private static List<BigDecimal> values(List<Measurement> measurements) {
            List<BigDecimal> out = new ArrayList<>(measurements.size());
            for (Measurement m : measurements) {
                out.add(m.meterValue().stripTrailingZeros());
            }
            return out;
        }
    }

    /** The values last sent as events for a name, and when (epoch millis). */
    private record Sent(List<BigDecimal> values, long at) {
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
