package org.p1powermeter.measure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.p1powermeter.p1.CosemObject;
import org.p1powermeter.p1.CosemValue;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.p1.Telegram;
import org.p1powermeter.p1.TelegramParser;

/**
 * Turns a parsed {@link Telegram} into {@link Measurement}s using the {@link MeasurementType} table.
 *
 * <ul>
 * <li>Rows match their OBIS id; electricity rows ({@code A = 1}) also match {@code B = 1} (Sagemcom XT211); the first
 * line per row counts. When the unit sent does not fit a row, the next row with the same id is tried
 * ({@code 0-0:17.0.0} in kW or A).
 * <li>M-Bus rows match {@code 0-n:24.2.1}, {@code 0-n:24.2.3} (BE) and {@code 0-n:24.3.0} (DSMR 2.2/3) on channels
 * 1–4 whose device type {@code 0-n:24.1.0} is one of the row's media; the first value line per channel counts, and
 * each channel is its own sensor.
 * <li>{@link Layout#HISTORY} and {@link Layout#EVENT_LOG} rows give one measurement per entry, each with its own time.
 * <li>Values are converted to the row's {@link MeterUnit} ({@code W} → kW ×0.001, {@code Wh} → kWh, {@code varh},
 * {@code kVArh}, {@code m³}); a missing unit means the row's unit. {@link Measurement#vscpValue()} is the
 * exact meter value moved by {@link MeasurementType#vscpExponent()} decimal places.
 * <li>Time: the line's own capture time (M-Bus, month peak, history and log entries), else the telegram time
 * ({@code 0-0:1.0.0}), else null.
 * <li>Empty values, non-numbers, units that do not fit, dead M-Bus channels and duplicates are not emitted but
 * reported in {@link Extraction#skipped()}; OBIS ids in neither this table nor {@link TextObject} in
 * {@link Extraction#unknown()}.
 * </ul>
 *
 * <p>Stateless after construction and thread-safe. Lookups use a precomputed open-addressing table; one call
 * allocates only its result lists, the measurements and a two-word bit set of the rows seen.
 */
public final class MeasurementExtractor {

    static final int MAX_MBUS_CHANNEL = Sensor.MBUS_CHANNELS;
    private static final int MBUS_DEVICE_TYPE_C = 24;
    private static final MeasurementType[] ROWS = MeasurementType.values();
    private static final BigDecimal MAX_MEDIUM = BigDecimal.valueOf(255);
    /** The failure-log duration meters write for "unknown" (2³¹ − 1 s, Kaifa fillers). */
    private static final BigDecimal UNKNOWN_DURATION = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final ZoneId meterZone;
    private final ObisRowIndex rowIndex = new ObisRowIndex(256);
    /** The next row with the same OBIS id (another unit), by ordinal, or null. */
    private final MeasurementType[] sameObis = new MeasurementType[ROWS.length];
    private final MeasurementType[] rowByMedium = new MeasurementType[256];

    /** An extractor reading capture times in {@link TelegramParser#DEFAULT_ZONE}. */
    public MeasurementExtractor() {
        this(TelegramParser.DEFAULT_ZONE);
    }

    /** @param meterZone the zone the meter's clock runs in (for capture times) */
    public MeasurementExtractor(ZoneId meterZone) {
        this.meterZone = java.util.Objects.requireNonNull(meterZone, "meterZone");
        for (MeasurementType row : ROWS) {
            if (row.isMbus()) {
                for (int medium : row.mbusMedia()) {
                    if (rowByMedium[medium] == null) {
                        rowByMedium[medium] = row;
                    }
                }
                continue;
            }
            long key = row.obis().key();
            MeasurementType first = rowIndex.get(key);
            if (first == null) {
                rowIndex.put(key, row);
            } else {
                MeasurementType last = first;
                while (sameObis[last.ordinal()] != null) {
                    last = sameObis[last.ordinal()];
                }
                sameObis[last.ordinal()] = row;
            }
        }
    }

    /** The measurements of one telegram, the table lines skipped with their reasons, and the unknown ids. */
    public Extraction extract(Telegram telegram) {
        List<CosemObject> objects = telegram.objects();
        List<Measurement> out = new ArrayList<>(objects.size());
        List<Skipped> skipped = null;
        List<ObisId> unknown = null;
        int[] mbusDeviceType = null;
        CosemObject[] mbusValue = null;
        long[] seenRows = new long[(ROWS.length + 63) / 64];
        Instant telegramTime = telegram.timestamp();

        for (int i = 0, n = objects.size(); i < n; i++) {
            CosemObject object = objects.get(i);
            ObisId id = object.obis();
            if (id.a() == 0 && id.b() >= 1 && id.b() <= MAX_MBUS_CHANNEL && id.c() == MBUS_DEVICE_TYPE_C
                    && (isMbusValue(id) || (id.d() == 1 && id.e() == 0))) {
                if (mbusDeviceType == null) {
                    mbusDeviceType = new int[] {-1, -1, -1, -1, -1};
                    mbusValue = new CosemObject[MAX_MBUS_CHANNEL + 1];
                }
                if (id.d() == 1) {
                    if (mbusDeviceType[id.b()] < 0) {
                        mbusDeviceType[id.b()] = deviceType(object.value());
                    }
                } else if (mbusValue[id.b()] == null) {
                    mbusValue[id.b()] = object;
                } else {
                    skipped = add(skipped, new Skipped(id, null, id.b(), SkipReason.DUPLICATE, object.toString()));
                }
                continue;
            }
            long key = id.a() == 1 && id.b() <= 1 ? ObisId.key(1, 0, id.c(), id.d(), id.e()) : id.key();
            MeasurementType row = rowIndex.get(key);
            if (row == null) {
                if (TextObject.of(id) == null) {
                    unknown = add(unknown, id);
                }
                continue;
            }
            int word = row.ordinal() >>> 6;
            long bit = 1L << row.ordinal();
            Skipped skip;
            if ((seenRows[word] & bit) != 0) {
                skip = new Skipped(id, row, 0, SkipReason.DUPLICATE, object.toString());
            } else {
                seenRows[word] |= bit;
                skip = switch (row.layout()) {
                    case VALUE -> value(row, object, telegramTime, out);
                    case HISTORY -> history(row, object, telegramTime, out);
                    case EVENT_LOG -> eventLog(row, object, out);
                };
            }
            if (skip != null) {
                skipped = add(skipped, skip);
            }
        }
        if (mbusValue != null) {
            for (int channel = 1; channel <= MAX_MBUS_CHANNEL; channel++) {
                CosemObject object = mbusValue[channel];
                if (object != null) {
                    Skipped skip = extractMbus(object, channel, mbusDeviceType[channel], telegramTime, out);
                    if (skip != null) {
                        skipped = add(skipped, skip);
                    }
                }
            }
        }
        return new Extraction(out, skipped == null ? List.of() : skipped, unknown == null ? List.of() : unknown);
    }

    /** A one-value line; a unit that does not fit tries the next row with the same id. */
    private Skipped value(MeasurementType row, CosemObject object, Instant telegramTime, List<Measurement> out) {
        Instant captured = object.timestampIndex() < 0 ? null : object.captureTime(meterZone);
        Instant time = captured != null ? captured : telegramTime;
        CosemValue value = object.value();
        Skipped skip = convert(row, object.obis(), value, value.unit(), 0, time, out);
        for (MeasurementType other = sameObis[row.ordinal()]; skip != null && skip.reason() == SkipReason.UNIT_MISMATCH
                && other != null; other = sameObis[other.ordinal()]) {
            skip = convert(other, object.obis(), value, value.unit(), 0, time, out);
        }
        return skip;
    }

    /** {@code (count)(obis)(obis)} + n × {@code (month start)(time of peak)(value)}: one measurement per month. */
    private Skipped history(MeasurementType row, CosemObject object, Instant telegramTime, List<Measurement> out) {
        if (object.mainIndex() != 0) {
            return new Skipped(object.obis(), row, 0, SkipReason.UNREADABLE_LAYOUT, object.toString());
        }
        Skipped first = null;
        for (int k = 3; k + 2 < object.valueCount(); k += 3) {
            Instant peak = object.value(k + 1).timestamp(meterZone);
            Instant month = object.value(k).timestamp(meterZone);
            CosemValue value = object.value(k + 2);
            Skipped skip = convert(row, object.obis(), value, value.unit(), 0,
                    peak != null ? peak : month != null ? month : telegramTime, out);
            first = first == null ? skip : first;
        }
        return first;
    }

    /** {@code (count)(obis)} + n × {@code (end time)(duration*s)}: one measurement per failure, fillers left out. */
    private Skipped eventLog(MeasurementType row, CosemObject object, List<Measurement> out) {
        Skipped first = null;
        for (int k = 2; k + 1 < object.valueCount(); k += 2) {
            Instant end = object.value(k).timestamp(meterZone);
            CosemValue duration = object.value(k + 1);
            if (end == null || UNKNOWN_DURATION.equals(duration.decimal())) {
                continue;
            }
            Skipped skip = convert(row, object.obis(), duration, duration.unit(), 0, end, out);
            first = first == null ? skip : first;
        }
        return first;
    }

    /** The M-Bus medium 0–255 of a {@code 0-n:24.1.0} value, or -1: what {@code integer()} would give, unboxed. */
    private static int deviceType(CosemValue value) {
        BigDecimal d = value.decimal();
        return d != null && d.scale() == 0 && d.signum() >= 0 && d.compareTo(MAX_MEDIUM) <= 0 ? d.intValue() : -1;
    }

    private static boolean isMbusValue(ObisId id) {
        return (id.d() == 2 && (id.e() == 1 || id.e() == 3)) || (id.d() == 3 && id.e() == 0);
    }
    private Skipped extractMbus(CosemObject object, int channel, int deviceType, Instant telegramTime,
            List<Measurement> out) {
        ObisId id = object.obis();
        MeasurementType row = deviceType < 0 ? null : rowByMedium[deviceType];
        if (row == null) {
            return new Skipped(id, null, channel, SkipReason.UNMAPPED_MBUS_DEVICE,
                    deviceType < 0 ? "no device type 0-" + channel + ":24.1.0" : "device type " + deviceType);
        }
        CosemValue value = object.value();
        String unit = value.unit() != null ? value.unit() : unitGroupOf(object, row);
        Instant captured = object.captureTime(meterZone);
        if (captured == null && unit == null) {
            return new Skipped(id, row, channel, SkipReason.DEAD_MBUS_CHANNEL, object.toString());
        }
        return convert(row, id, value, unit, channel, captured != null ? captured : telegramTime, out);
    }

    /** DSMR 2.2/3 {@code 24.3.0} sends the unit in its own group, {@code ...(0-1:24.2.1)(m3)}; find it. */
    private static String unitGroupOf(CosemObject object, MeasurementType row) {
        if (object.obis().d() != 3) {
            return null;
        }
        for (CosemValue group : object.values()) {
            String text = group.text();
            if (text != null && !text.isEmpty() && !group.isNumber() && row.meterUnit().exponentFrom(text) != Integer.MIN_VALUE) {
                return text;
            }
        }
        return null;
    }

    /** Adds the measurement to {@code out}, or returns why not. */
    private static Skipped convert(MeasurementType row, ObisId id, CosemValue value, String unit, int channel,
            Instant time, List<Measurement> out) {
        // a number is never empty text: the text (a string the parser does not build) is only looked at otherwise
        BigDecimal sent = value.isEmpty() ? null : value.decimal();
        if (sent == null) {
            return new Skipped(id, row, channel,
                    value.isEmpty() || value.text().isEmpty() ? SkipReason.EMPTY_VALUE : SkipReason.NOT_A_NUMBER,
                    value.toString());
        }
        int exponent = row.meterUnit().exponentFrom(unit);
        if (exponent == Integer.MIN_VALUE) {
            return new Skipped(id, row, channel, SkipReason.UNIT_MISMATCH,
                    "sent '" + unit + "', expected '" + row.meterUnit().symbol() + "'");
        }
        BigDecimal meterValue = exponent == 0 ? sent : sent.movePointRight(exponent);
        BigDecimal vscpValue = row.vscpExponent() == 0 ? meterValue : meterValue.movePointRight(row.vscpExponent());
        out.add(new Measurement(row, id, meterValue, vscpValue, channel, time));
        return null;
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> l = list == null ? new ArrayList<>(4) : list;
        l.add(item);
        return l;
    }
}
