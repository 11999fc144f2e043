package org.p1powermeter.vscp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Level II VSCP event as published: the classic {@code vscp*} JSON fields plus the optional note and
 * measurement block (the classic JSON event of the VSCP specification, vscp_over_mqtt.md; see {@link VscpJson}).
 *
 * <p>{@code data} is not copied (hot path); treat it as read-only. {@link #equals}, {@link #hashCode} and
 * {@link #toString} compare and show its contents.
 *
 * @param head        vscpHead, 0–65535 ({@link #HEAD_DUMB_NORMAL_PRIORITY} for this publisher)
 * @param obid        vscpObId, uint32 (0 here)
 * @param dateTime    vscpDateTime, UTC, whole seconds
 * @param timeStamp   vscpTimeStamp, relative time in µs, uint32
 * @param vscpClass   0–65535
 * @param vscpType    0–65535
 * @param guid        vscpGuid
 * @param data        vscpData, at most {@link #MAX_DATA} bytes
 * @param note        vscpNote, or null for none
 * @param measurement the optional measurement block, or null
 */
public record VscpEvent(int head, long obid, Instant dateTime, long timeStamp, int vscpClass, int vscpType, Guid guid,
        byte[] data, String note, Measurement measurement) {

    /** {@code VSCP_HEADER16_DUMB 0x8000 | VSCP_PRIORITY_NORMAL 0x60} = 32864. */
    public static final int HEAD_DUMB_NORMAL_PRIORITY = 0x8060;
    /** {@code VSCP_LEVEL2_MAXDATA}. */
    public static final int MAX_DATA = 512;
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public VscpEvent {
        checkRange("vscpHead", head, 0xFFFF);
        checkRange("vscpObId", obid, UINT32_MAX);
        checkRange("vscpTimeStamp", timeStamp, UINT32_MAX);
        checkRange("vscpClass", vscpClass, 0xFFFF);
        checkRange("vscpType", vscpType, 0xFFFF);
        Objects.requireNonNull(dateTime, "vscpDateTime");
        Objects.requireNonNull(guid, "vscpGuid");
        Objects.requireNonNull(data, "vscpData");
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("vscpData has " + data.length + " bytes, at most " + MAX_DATA + " allowed");
        }
    }

    /**
     * The optional {@code measurement} JSON block: the decoded value and where it belongs. Consumers must not rely
     * on it (the data bytes are authoritative); it must agree with them.
     *
     * @param value       the value in the VSCP unit, exact
     * @param unit        the VSCP unit code (data byte 3)
     * @param sensorIndex data byte 0
     * @param zone        data byte 1
     * @param subzone     data byte 2
     */
    public record Measurement(BigDecimal value, int unit, int sensorIndex, int zone, int subzone) {

        public Measurement {
            Objects.requireNonNull(value, "value");
            checkRange("unit", unit, 255);
            checkRange("sensorindex", sensorIndex, 255);
            checkRange("zone", zone, 255);
            checkRange("subzone", subzone, 255);
        }
    }

    /** The GUID's low two bytes. */
    public int nickname() {
        return guid.nickname();
    }

    private static void checkRange(String field, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be 0-" + max + ", got " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VscpEvent e && head == e.head && obid == e.obid && timeStamp == e.timeStamp
                && vscpClass == e.vscpClass && vscpType == e.vscpType && dateTime.equals(e.dateTime)
                && guid.equals(e.guid) && Arrays.equals(data, e.data) && Objects.equals(note, e.note)
                && Objects.equals(measurement, e.measurement);
    }

    @Override
    public int hashCode() {
        return Objects.hash(head, obid, dateTime, timeStamp, vscpClass, vscpType, guid, Arrays.hashCode(data), note,
                measurement);
    }

    @Override
    public String toString() {
        return "VscpEvent[class " + vscpClass + ", type " + vscpType + ", " + guid + ", " + dateTime + ", data "
                + Arrays.toString(data) + ", note " + note + ", " + measurement + "]";
    }
}
