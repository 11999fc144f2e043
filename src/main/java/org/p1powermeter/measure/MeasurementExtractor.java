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
 * <li>Electricity rows match {@code 1-0:C.D.E} and {@code 1-1:C.D.E} (Sagemcom XT211); the first line per row counts.
 * <li>M-Bus rows match {@code 0-n:24.2.1}, {@code 0-n:24.2.3} (BE) and {@code 0-n:24.3.0} (DSMR 2.2/3) on channels
 * 1–4 whose device type {@code 0-n:24.1.0} is the row's medium; the first value line per channel counts.
 * <li>Values are converted to the row's {@link MeterUnit} ({@code W} → kW ×0.001, {@code Wh} → kWh, {@code varh},
 * {@code kVArh}, {@code m³}); a missing unit means the row's unit. {@link Measurement#vscpValue()} is the
 * exact meter value moved by {@link MeasurementType#vscpExponent()} decimal places.
 * <li>Time: the M-Bus capture time, else the telegram time ({@code 0-0:1.0.0}), else null.
 * <li>Empty values, non-numbers, units that do not fit, dead M-Bus channels and duplicates are not emitted but
 * reported in {@link Extraction#skipped()}.
 * </ul>
 *
 * <p>Stateless after construction and thread-safe. Lookups use a precomputed open-addressing table; one call
 * allocates only its result lists and the measurements.
 */
public final class MeasurementExtractor {

    static final int MAX_MBUS_CHANNEL = 4;
    private static final int MBUS_DEVICE_TYPE_C = 24;
    private static final MeasurementType[] ROWS = MeasurementType.values();
    private static final BigDecimal MAX_MEDIUM = BigDecimal.valueOf(255);

    static {
        if (ROWS.length > Long.SIZE) {
            throw new ExceptionInInitializerError("seen-row bit set holds at most 64 rows");
        }
    }

    private final ZoneId meterZone;
    private final ObisRowIndex electricityRows = new ObisRowIndex(128);
    private final MeasurementType[] rowByMedium = new MeasurementType[256];

    /** An extractor reading M-Bus capture times in {@link TelegramParser#DEFAULT_ZONE}. */
    public MeasurementExtractor() {
        this(TelegramParser.DEFAULT_ZONE);
    }

    /** @param meterZone the zone the meter's clock runs in (for M-Bus capture times) */
    public MeasurementExtractor(ZoneId meterZone) {
        this.meterZone = java.util.Objects.requireNonNull(meterZone, "meterZone");
        for (MeasurementType row : ROWS) {
            if (row.isMbus()) {
                if (rowByMedium[row.mbusMedium()] == null) {
                    rowByMedium[row.mbusMedium()] = row;
                }
            } else {
                ObisId o = row.obis();
                electricityRows.put(ObisId.key(o.a(), 0, o.c(), o.d(), o.e()), row);
            }
        }
    }

    /** The measurements of one telegram, and the table lines skipped with their reasons. */
    public Extraction extract(Telegram telegram) {
        List<CosemObject> objects = telegram.objects();
        List<Measurement> out = new ArrayList<>(objects.size());
        List<Skipped> skipped = null;
        int[] mbusDeviceType = null;
        CosemObject[] mbusValue = null;
        long seenRows = 0;
        Instant telegramTime = telegram.timestamp();

        for (int i = 0, n = objects.size(); i < n; i++) {
            CosemObject object = objects.get(i);
            ObisId id = object.obis();
            if (id.a() == 1 && id.b() <= 1) {
                MeasurementType row = electricityRows.get(ObisId.key(1, 0, id.c(), id.d(), id.e()));
                if (row == null) {
                    continue;
                }
                long bit = 1L << row.ordinal();
                Skipped skip;
                if ((seenRows & bit) != 0) {
                    skip = new Skipped(id, row, 0, SkipReason.DUPLICATE, object.toString());
                } else {
                    seenRows |= bit;
                    skip = convert(row, id, object.value(), object.value().unit(), 0, telegramTime, out);
                }
                if (skip != null) {
                    skipped = add(skipped, skip);
                }
            } else if (id.a() == 0 && id.b() >= 1 && id.b() <= MAX_MBUS_CHANNEL && id.c() == MBUS_DEVICE_TYPE_C) {
                if (mbusDeviceType == null) {
                    mbusDeviceType = new int[] {-1, -1, -1, -1, -1};
                    mbusValue = new CosemObject[MAX_MBUS_CHANNEL + 1];
                }
                if (id.d() == 1 && id.e() == 0) {
                    if (mbusDeviceType[id.b()] < 0) {
                        mbusDeviceType[id.b()] = deviceType(object.value());
                    }
                } else if (isMbusValue(id)) {
                    if (mbusValue[id.b()] == null) {
                        mbusValue[id.b()] = object;
                    } else {
                        skipped = add(skipped, new Skipped(id, null, id.b(), SkipReason.DUPLICATE, object.toString()));
                    }
                }
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
        return new Extraction(out, skipped == null ? List.of() : skipped);
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

    private static List<Skipped> add(List<Skipped> list, Skipped skip) {
        List<Skipped> l = list == null ? new ArrayList<>(4) : list;
        l.add(skip);
        return l;
    }
}
