package org.p1powermeter.measure;

import org.p1powermeter.p1.ObisId;

/**
 * A telegram line that matched the measurement table but was not turned into a {@link Measurement}.
 *
 * @param obis    the line's OBIS id as sent
 * @param type    the row it matched, or null when no row could be chosen ({@link SkipReason#UNMAPPED_MBUS_DEVICE})
 * @param channel the M-Bus channel (1–4), or 0 for electricity lines
 * @param reason  why it was skipped
 * @param detail  the offending text (value, unit or device type) for logs
 */
public record Skipped(ObisId obis, MeasurementType type, int channel, SkipReason reason, String detail) {

    @Override
    public String toString() {
        return obis + (type == null ? "" : " (" + type.configName() + ")") + ": " + reason + " " + detail;
    }
}
