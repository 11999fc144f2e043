package org.p1powermeter.app.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.p1powermeter.measure.MeasurementType;

/**
 * The [VSCP] section. {@code guid} is empty (use the MAC GUID) or 16 upper-case hex bytes separated by ':';
 * the maps hold a sensor index (0-255) and a GUID id (0-65535) for every {@link MeasurementType}.
 */
public record VscpSettings(String guid, String guidInterface, int zone, int subzone, Encoding encoding,
        EventTime eventTime, Map<MeasurementType, Integer> sensorIndexes, Map<MeasurementType, Integer> ids) {

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
        sensorIndexes = Collections.unmodifiableMap(new EnumMap<>(sensorIndexes));
        ids = Collections.unmodifiableMap(new EnumMap<>(ids));
        for (MeasurementType type : MeasurementType.values()) {
            if (!sensorIndexes.containsKey(type) || !ids.containsKey(type)) {
                throw new IllegalArgumentException("no sensor index or id for " + type);
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

    public int sensorIndex(MeasurementType type) {
        return sensorIndexes.get(type);
    }

    /** The id that goes into GUID bytes 14-15 of this measurement's events. */
    public int id(MeasurementType type) {
        return ids.get(type);
    }
}
