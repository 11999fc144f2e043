package org.p1powermeter.p1;

/**
 * CRC-16/ARC (a.k.a. CRC-16/IBM, CRC-16/LHA), the checksum of DSMR P1 telegrams: polynomial x^16+x^15+x^2+1
 * (0x8005, processed LSB first as 0xA001), initial value 0, input and output reflected, no final XOR.
 * Check value: CRC("123456789") = 0xBB3D.
 *
 * <p>Table driven, one lookup per byte. The register is an {@code int} holding 16 bits; start with {@code 0}.
 */
public final class Crc16Arc {

    /** Reflected polynomial. */
    public static final int POLY_REFLECTED = 0xA001;

    /** Register after byte {@code i} when the register was 0 before it; shared with {@link TelegramFramer}. */
    static final char[] TABLE = buildTable();

    private Crc16Arc() {
    }

    private static char[] buildTable() {
        char[] table = new char[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY_REFLECTED : crc >>> 1;
            }
            table[i] = (char) crc;
        }
        return table;
    }

    /**
     * Feeds one byte into the register.
     *
     * @param crc the register so far (0 to start), only the low 16 bits are used
     * @param b   the byte; only the low 8 bits are used, so a signed {@code byte} may be passed as is
     * @return the new register, 0 … 0xFFFF
     */
    public static int update(int crc, int b) {
        return ((crc & 0xFFFF) >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }

    /** Feeds {@code len} bytes of {@code b} from {@code off} into the register and returns the new register. */
    public static int update(int crc, byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        int c = crc & 0xFFFF;
        for (int i = off, end = off + len; i < end; i++) {
            c = (c >>> 8) ^ TABLE[(c ^ b[i]) & 0xFF];
        }
        return c;
    }

    /** CRC-16/ARC of {@code len} bytes of {@code b} starting at {@code off}. */
    public static int compute(byte[] b, int off, int len) {
        return update(0, b, off, len);
    }

    /** CRC-16/ARC of all of {@code b}. */
    public static int compute(byte[] b) {
        return update(0, b, 0, b.length);
    }
}
