package org.p1powermeter.vscp;

/** How a measurement is carried in a Level II VSCP event (VSCP specification:
 * class2.measurement_str.md and class2.measurement_float.md). */
public enum VscpEncoding {
    /** CLASS2.MEASUREMENT_STR (1040): the exact decimal string of the value, 0x00-terminated. The default. */
    MEASUREMENT_STR(1040),
    /** CLASS2.MEASUREMENT_FLOAT (1060): the value as an 8-byte big-endian IEEE-754 double. */
    MEASUREMENT_FLOAT(1060);

    /**
     * Longest ASCII number {@link #MEASUREMENT_STR} carries (S class2.measurement_str.md: "up to 483 characters");
     * the one definition of this limit.
     */
    public static final int MAX_STRING_CHARS = 483;

    private final int vscpClass;

    VscpEncoding(int vscpClass) {
        this.vscpClass = vscpClass;
    }

    public int vscpClass() {
        return vscpClass;
    }
}
