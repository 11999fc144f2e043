package org.p1powermeter.app.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.Sensor;

/**
 * The [VSCP] section. {@code guid} is empty (use the MAC GUID) or 16 upper-case hex bytes separated by ':';
 * the maps hold a sensor index (0-255) and a GUID id (0-65535) for every {@link Sensor} (M-Bus: per channel).
 */
public record VscpSettings(String guid, String guidInterface, int zone, int subzone, Encoding encoding,
        EventTime eventTime, Map<Sensor, Integer> sensorIndexes, Map<Sensor, Integer> ids) {

    /** Which Level II measurement class the events use. */
    public enum Encoding {
        /** CLASS2.MEASUREMENT_STR: the value as a decimal string. */
        STRING(1040),
        /** CLASS2.MEASUREMENT_FLOAT: the value as a big-endian double. */
        FLOAT(1060);

        private final int vscpClass;

        Encoding(int vscpClass) {
            this.vscpClass = vscpClass;
        }

        public int vscpClass() {
            return vscpClass;
        }
    }

    /** Where the event time comes from. */
    public enum EventTime {
        /** The meter's own timestamp (0-0:1.0.0), the receipt time if a telegram has none. */
        TELEGRAM,
        /** The time the telegram was read. */
        RECEIPT
    }

    public VscpSettings {
        sensorIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(sensorIndexes));
        ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
        for (Sensor sensor : Sensor.all()) {
            if (!sensorIndexes.containsKey(sensor) || !ids.containsKey(sensor)) {
                throw new IllegalArgumentException("no sensor index or id for " + sensor);
            }
        }
    }

    /** The 16 bytes of the configured GUID, or empty when the MAC GUID is to be used. */
    public Optional<byte[]> configuredGuid() {
        if (guid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.ofDelimiter(":").parseHex(guid));
    }

    public int sensorIndex(Sensor sensor) {
        return sensorIndexes.get(sensor);
    }

    /** The id that goes into GUID bytes 14-15 of this sensor's events. */
    public int id(Sensor sensor) {
        return ids.get(sensor);
    }

    /** The sensor index of a measurement that is not M-Bus. */
    public int sensorIndex(MeasurementType type) {
        return sensorIndex(Sensor.of(type, 0));
    }

    /** The id of a measurement that is not M-Bus. */
    public int id(MeasurementType type) {
        return id(Sensor.of(type, 0));
    }
}
