package org.p1powermeter.p1;

/** What the framer does with a telegram's CRC. */
public enum CrcPolicy {
    /** A CRC that is present must match; a telegram without CRC (DSMR 2.2/3) is accepted. The default. */
    AUTO,
    /** Every telegram must carry a matching CRC; one without is dropped with {@link DropReason#CRC_MISSING}. */
    REQUIRED,
    /** The CRC is not checked (a mismatch is still counted, the telegram is passed on). */
    OFF;

    public static CrcPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("crc policy must be auto, required or off, not '" + text + "'");
        }
    }
}
