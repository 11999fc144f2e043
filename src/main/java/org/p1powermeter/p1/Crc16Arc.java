package org.p1powermeter.p1;

/**
 * CRC-16/ARC (a.k.a. CRC-16/IBM, CRC-16/LHA), the checksum of DSMR P1 telegrams: polynomial x^16+x^15+x^2+1
 * (0x8005, processed LSB first as 0xA001), initial value 0, input and output reflected, no final XOR.
 * Check value: CRC("123456789") = 0xBB3D.
 *
 * <p>Table driven (the JDK {@code CRC32} way): {@link #update(int, int)} does one lookup in a 256-entry table per byte;
 * the array forms use "slicing by 8" (eight derived tables, eight independent lookups per 8 bytes), which removes
 * most of the byte-to-byte dependency of the register and is several times faster on telegram-sized inputs.
 * The register is an {@code int} holding 16 bits; start with {@code 0}.
 */
public final class Crc16Arc {

    /** Reflected polynomial. */
    public static final int POLY_REFLECTED = 0xA001;

    /** Register after byte {@code i} when the register was 0 before it; shared with {@link TelegramFramer}. */
    static final char[] TABLE = buildTable();
    /**
     * {@code SLICES[k * 256 + n]}: register after byte {@code n} followed by {@code k} zero bytes, k = 0 … 15
     * (this class uses 8, {@link BodyScan} all 16).
     */
    static final char[] SLICES = buildSlices();

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

    private static char[] buildSlices() {
        char[] slices = new char[16 * 256];
        System.arraycopy(TABLE, 0, slices, 0, 256);
        for (int k = 1; k < 16; k++) {
            for (int n = 0; n < 256; n++) {
                int prev = slices[(k - 1) * 256 + n];
                slices[k * 256 + n] = (char) ((prev >>> 8) ^ TABLE[prev & 0xFF]);
            }
        }
        return slices;
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
        int i = off;
        int end = off + len;
        char[] t = SLICES;
        for (int stop = end - 7; i < stop; i += 8) {
            c ^= (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
            c = t[7 * 256 + (c & 0xFF)] ^ t[6 * 256 + (c >>> 8)]
                    ^ t[5 * 256 + (b[i + 2] & 0xFF)] ^ t[4 * 256 + (b[i + 3] & 0xFF)]
                    ^ t[3 * 256 + (b[i + 4] & 0xFF)] ^ t[2 * 256 + (b[i + 5] & 0xFF)]
                    ^ t[256 + (b[i + 6] & 0xFF)] ^ t[b[i + 7] & 0xFF];
        }
        for (; i < end; i++) {
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
