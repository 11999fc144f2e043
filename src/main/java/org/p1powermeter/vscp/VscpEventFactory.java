package org.p1powermeter.vscp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.Sensor;

/**
 * Builds the VSCP event of a {@link Measurement} (VSCP specification: class2.measurement_str.md /
 * class2.measurement_float.md for the data, vscp_measurements.md for type and unit codes, vscphead.md,
 * vscp_globally_unique_identifiers.md).
 *
 * <ul>
 * <li>class = {@link VscpEncoding#vscpClass()}, type and unit code from the measurement's table row;
 * <li>data bytes: class 1040 = {@code [sensorindex, zone, subzone, unit, ASCII decimal of the VSCP value, 0x00]};
 * class 1060 = {@code [sensorindex, zone, subzone, unit, 8-byte big-endian IEEE-754 double]};
 * <li>GUID = the base GUID with the row's {@link SensorSettings#id()} in bytes 14–15;
 * <li>vscpDateTime = the measurement time (telegram or M-Bus capture time, UTC, whole seconds) when
 * {@code useTelegramTime} is set and it is known, else the time of receipt;
 * <li>vscpTimeStamp = the time of receipt in µs since the epoch, modulo 2³².
 * </ul>
 *
 * <p>Each M-Bus channel is its own {@link Sensor} with its own sensor index, id (so GUID and topic) and note: two gas
 * meters on channels 1 and 2 are told apart by every consumer.
 *
 * <p>Settings are resolved and checked once, in the constructor; {@link #create} is thread-safe.
 */
public final class VscpEventFactory {

    private static final int FLOAT_DATA_LENGTH = 12;
    private static final long UINT32_MASK = 0xFFFF_FFFFL;
    private static final List<Sensor> SENSORS = Sensor.all();

    private final VscpEncoding encoding;
    private final int zone;
    private final int subzone;
    private final SensorSettings[] settingsBySensor = new SensorSettings[SENSORS.size()];
    private final Guid[] guidBySensor = new Guid[SENSORS.size()];

    /**
     * @param encoding class 1040 or 1060
     * @param zone     data byte 1, 0–255
     * @param subzone  data byte 2, 0–255
     * @param baseGuid the GUID whose low two bytes are replaced per measurement (e.g. {@link Guid#fromMac} with id 0)
     * @param settings the settings of each sensor (called once per sensor here, never on the hot path)
     */
    public VscpEventFactory(VscpEncoding encoding, int zone, int subzone, Guid baseGuid,
            Function<Sensor, SensorSettings> settings) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.zone = checkByte("zone", zone);
        this.subzone = checkByte("subzone", subzone);
        Objects.requireNonNull(baseGuid, "baseGuid");
        Objects.requireNonNull(settings, "settings");
        for (Sensor sensor : SENSORS) {
            SensorSettings s = Objects.requireNonNull(settings.apply(sensor), () -> "no sensor settings for " + sensor);
            settingsBySensor[sensor.index()] = s;
            guidBySensor[sensor.index()] = baseGuid.withId(s.id());
        }
    }

    /** Same, with settings from a map; sensors missing from it get {@link SensorSettings#defaultsFor}. */
    public VscpEventFactory(VscpEncoding encoding, int zone, int subzone, Guid baseGuid,
            Map<Sensor, SensorSettings> settings) {
        this(encoding, zone, subzone, baseGuid,
                (Function<Sensor, SensorSettings>) s -> settings.getOrDefault(s, SensorSettings.defaultsFor(s)));
    }

    /** A factory with the table's default settings (index = id = 1…, default notes). */
    public static VscpEventFactory withDefaults(VscpEncoding encoding, Guid baseGuid) {
        return new VscpEventFactory(encoding, 0, 0, baseGuid, (Function<Sensor, SensorSettings>) SensorSettings::defaultsFor);
    }

    /**
     * @param m               the measurement
     * @param receivedAt      when the telegram was received (vscpTimeStamp, and vscpDateTime as fallback)
     * @param useTelegramTime true to date the event with the meter's time when the telegram carries one
     */
    public VscpEvent create(Measurement m, Instant receivedAt, boolean useTelegramTime) {
        MeasurementType row = m.type();
        int sensor = Sensor.indexOf(row, m.channel());
        SensorSettings s = settingsBySensor[sensor];
        BigDecimal value = m.vscpValue();
        byte[] data = encoding == VscpEncoding.MEASUREMENT_STR
                ? stringData(s.sensorIndex(), row.vscpUnit(), value)
                : floatData(s.sensorIndex(), row.vscpUnit(), value);
        Instant dated = useTelegramTime && m.time() != null ? m.time() : receivedAt;
        return new VscpEvent(VscpEvent.HEAD_DUMB_NORMAL_PRIORITY, 0, dated.truncatedTo(ChronoUnit.SECONDS),
                microsModulo32(receivedAt), encoding.vscpClass(), row.vscpType(), guidBySensor[sensor], data,
                s.note(), new VscpEvent.Measurement(value, row.vscpUnit(), s.sensorIndex(), zone, subzone));
    }

    /** The same factory with another base GUID (e.g. a fleet meter's {@link MeterGuid}); the ids stay per sensor. */
    public VscpEventFactory withBaseGuid(Guid baseGuid) {
        return new VscpEventFactory(encoding, zone, subzone, baseGuid,
                (Function<Sensor, SensorSettings>) sensor -> settingsBySensor[sensor.index()]);
    }

    /** The settings this factory uses for a sensor. */
    public SensorSettings settingsOf(Sensor sensor) {
        return settingsBySensor[sensor.index()];
    }

    /** The settings of a measurement that is not M-Bus. */
    public SensorSettings settingsOf(MeasurementType row) {
        return settingsOf(Sensor.of(row, 0));
    }

    public VscpEncoding encoding() {
        return encoding;
    }

    private byte[] stringData(int sensorIndex, int unit, BigDecimal value) {
        String text = value.toPlainString();
        int n = text.length();
        if (n > VscpEncoding.MAX_STRING_CHARS) {
            throw new IllegalArgumentException("value has " + n + " characters, class 1040 carries at most "
                    + VscpEncoding.MAX_STRING_CHARS);
        }
        byte[] data = new byte[4 + n + 1];
        writeHeader(data, sensorIndex, unit);
        for (int i = 0; i < n; i++) {
            data[4 + i] = (byte) text.charAt(i); // toPlainString is ASCII only: digits, '-', '.'
        }
        return data; // data[4 + n] = 0x00 terminator, as the C reader needs
    }

    private byte[] floatData(int sensorIndex, int unit, BigDecimal value) {
        byte[] data = new byte[FLOAT_DATA_LENGTH];
        writeHeader(data, sensorIndex, unit);
        long bits = Double.doubleToLongBits(value.doubleValue());
        for (int i = 0; i < 8; i++) {
            data[4 + i] = (byte) (bits >>> (56 - 8 * i)); // MSB first
        }
        return data;
    }

    private void writeHeader(byte[] data, int sensorIndex, int unit) {
        data[0] = (byte) sensorIndex;
        data[1] = (byte) zone;
        data[2] = (byte) subzone;
        data[3] = (byte) unit;
    }

    /** µs since the epoch, modulo 2³² (vscpTimeStamp wraps about every 71.6 minutes). */
    static long microsModulo32(Instant t) {
        long micros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        return micros & UINT32_MASK;
    }

    private static int checkByte(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " must be 0-255, got " + value);
        }
        return value;
    }
}
