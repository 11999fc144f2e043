package org.p1powermeter.p1;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The framer's hot loop: runs CRC-16/ARC over telegram body bytes up to the next {@code !} or {@code /}, the only
 * bytes that can end a body. Eight bytes per step: one little-endian {@code long} read, a SWAR test for the two
 * marker bytes and, when neither is among them, a slicing-by-8 CRC step on the same word. So every byte is read
 * once, for framing and CRC together, with no per-byte branch (the other bytes never decide anything; line starts
 * and parentheses are only looked at around a marker, see {@link TelegramFramer}).
 */
final class BodyScan {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long BANGS = ONES * '!';
    private static final long SLASHES = ONES * '/';

    private BodyScan() {
    }

    /** Non-zero when one of the 8 bytes of {@code w} is {@code !} or {@code /} (may also flag a byte above one). */
    private static long hasMarker(long w) {
        long x = w ^ BANGS;
        long y = w ^ SLASHES;
        return ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
    }

    /**
     * Feeds {@code b[from, p)} into the CRC register {@code crc}, where {@code p} is the index of the first {@code !}
     * or {@code /} in {@code b[from, to)}, or {@code to} when there is none.
     *
     * @return {@code p << 16 | crc}: the stop position and the new register
     */
    static long crcUntilMarker(int crc, byte[] b, int from, int to) {
        char[] t = Crc16Arc.SLICES;
        int c = crc & 0xFFFF;
        int i = from;
        while (true) {
            for (int stop = to - 15; i < stop; i += 16) {
                long w = (long) LONG_LE.get(b, i);
                long v = (long) LONG_LE.get(b, i + 8);
                if ((hasMarker(w) | hasMarker(v)) != 0) {
                    break; // a marker (or, rarely, a false alarm) in these 16 bytes: look at them one by one
                }
                c ^= (int) w & 0xFFFF;
                c = t[15 * 256 + (c & 0xFF)] ^ t[14 * 256 + (c >>> 8)]
                        ^ t[13 * 256 + ((int) (w >>> 16) & 0xFF)] ^ t[12 * 256 + ((int) (w >>> 24) & 0xFF)]
                        ^ t[11 * 256 + ((int) (w >>> 32) & 0xFF)] ^ t[10 * 256 + ((int) (w >>> 40) & 0xFF)]
                        ^ t[9 * 256 + ((int) (w >>> 48) & 0xFF)] ^ t[8 * 256 + (int) (w >>> 56)]
                        ^ t[7 * 256 + ((int) v & 0xFF)] ^ t[6 * 256 + ((int) (v >>> 8) & 0xFF)]
                        ^ t[5 * 256 + ((int) (v >>> 16) & 0xFF)] ^ t[4 * 256 + ((int) (v >>> 24) & 0xFF)]
                        ^ t[3 * 256 + ((int) (v >>> 32) & 0xFF)] ^ t[2 * 256 + ((int) (v >>> 40) & 0xFF)]
                        ^ t[256 + ((int) (v >>> 48) & 0xFF)] ^ t[(int) (v >>> 56)];
            }
            int stop = Math.min(i + 16, to);
            for (; i < stop; i++) {
                byte ch = b[i];
                if (ch == '!' || ch == '/') {
                    return (long) i << 16 | c;
                }
                c = (c >>> 8) ^ t[(c ^ ch) & 0xFF];
            }
            if (i >= to) {
                return (long) to << 16 | c;
            }
        }
    }
}
