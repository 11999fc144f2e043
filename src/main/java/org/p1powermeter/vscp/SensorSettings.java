package org.p1powermeter.vscp;

import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.Sensor;

/**
 * Per-sensor VSCP settings (a measurement, or one M-Bus channel of it), the Python script's {@code sensorindex_*}, {@code id_*} and {@code note_*} keys.
 *
 * @param sensorIndex data byte 0 of the event, 0–255
 * @param id          GUID bytes 14–15 (and nickname) of the event, 0–65535
 * @param note        the {@code vscpNote} text, or null for none
 */
public record SensorSettings(int sensorIndex, int id, String note) {

    public SensorSettings {
        if (sensorIndex < 0 || sensorIndex > 255) {
            throw new IllegalArgumentException("sensor index must be 0-255, got " + sensorIndex);
        }
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("sensor id must be 0-65535, got " + id);
        }
    }

    /** The table's defaults: index = id = {@link Sensor#defaultIndex()}, note = {@link Sensor#defaultNote()}. */
    public static SensorSettings defaultsFor(Sensor sensor) {
        return new SensorSettings(sensor.defaultIndex(), sensor.defaultIndex(), sensor.defaultNote());
    }

    /** The defaults of a measurement that is not M-Bus. */
    public static SensorSettings defaultsFor(MeasurementType type) {
        return defaultsFor(Sensor.of(type, 0));
    }
}
