package org.p1powermeter.measure;

import java.math.BigDecimal;
import java.time.Instant;
import org.p1powermeter.p1.ObisId;

/**
 * One named reading taken from a telegram.
 *
 * @param type       which measurement (the table row)
 * @param obis       the OBIS id as it appeared (M-Bus: with its channel)
 * @param meterValue the value in the table's meter unit ({@link MeasurementType#meterUnit()}), e.g. 12.345 (kW)
 * @param vscpValue  the value in the VSCP unit, e.g. 12345 (W)
 * @param channel    the M-Bus channel (1–4), or 0 for electricity values
 * @param time       when it was measured: the M-Bus capture time, else the telegram time; null when unknown
 */
public record Measurement(MeasurementType type, ObisId obis, BigDecimal meterValue, BigDecimal vscpValue, int channel,
        Instant time) {

    /**
     * The value as a plain decimal number in the table's meter unit, for the {@code no_vscp} mode:
     * {@code 0012.345*kW} → {@code "12.345"}, {@code 540*W} on a kW row → {@code "0.540"} (never an exponent).
     */
    public String meterValuePlain() {
        return meterValue.toPlainString();
    }

    /** The OBIS id as text, e.g. {@code 1-0:1.8.0} (M-Bus: with its channel, {@code 0-1:24.2.1}). */
    public String obisText() {
        return obis.equals(type.obis()) ? type.obisText() : obis.toString();
    }

    /** The sensor it belongs to: its row, and for M-Bus its channel. */
    public Sensor sensor() {
        return Sensor.of(type, channel);
    }

    /** The sensor's config name, with {@code _<channel>} for M-Bus values, e.g. {@code gas_volume_2}. */
    public String name() {
        return channel == 0 ? type.configName() : sensor().configName();
    }
}
