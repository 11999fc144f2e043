package org.p1powermeter.p1;

/**
 * An OBIS reduced id {@code A-B:C.D.E} (the F group, {@code .255} or {@code *255}, is dropped).
 * Each group is 0–255. Comparable by value; {@link #key()} packs it into one long for fast lookup.
 */
public record ObisId(int a, int b, int c, int d, int e) {

    public ObisId {
        if ((a | b | c | d | e) < 0 || a > 255 || b > 255 || c > 255 || d > 255 || e > 255) {
            throw new IllegalArgumentException("OBIS group out of range 0-255: " + a + "-" + b + ":" + c + "." + d + "." + e);
        }
    }

    /** Packs the five groups into one long (8 bits each). */
    public long key() {
        return key(a, b, c, d, e);
    }

    public static long key(int a, int b, int c, int d, int e) {
        return ((long) a << 32) | ((long) b << 24) | ((long) c << 16) | ((long) d << 8) | e;
    }

    public static ObisId fromKey(long key) {
        return new ObisId((int) (key >>> 32) & 0xFF, (int) (key >>> 24) & 0xFF, (int) (key >>> 16) & 0xFF,
                (int) (key >>> 8) & 0xFF, (int) key & 0xFF);
    }

    /** The same id on another M-Bus channel / B group. */
    public ObisId withB(int channel) {
        return new ObisId(a, channel, c, d, e);
    }

    /**
     * Parses {@code A-B:C.D.E}, tolerating a trailing {@code .F} or {@code *F}.
     *
     * @throws IllegalArgumentException when the text is not an OBIS id
     */
    public static ObisId parse(String text) {
        int[] g = new int[6];
        int n = 0;
        int value = -1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                value = (value < 0 ? 0 : value * 10) + (ch - '0');
                if (value > 255) {
                    throw new IllegalArgumentException("not an OBIS id: '" + text + "'");
                }
            } else {
                char expected = n == 0 ? '-' : n == 1 ? ':' : n == 4 ? (ch == '*' ? '*' : '.') : '.';
                if (value < 0 || ch != expected || n >= 5) {
                    throw new IllegalArgumentException("not an OBIS id: '" + text + "'");
                }
                g[n++] = value;
                value = -1;
            }
        }
        if (value < 0 || n < 4) {
            throw new IllegalArgumentException("not an OBIS id: '" + text + "'");
        }
        g[n++] = value;
        return new ObisId(g[0], g[1], g[2], g[3], g[4]);
    }

    @Override
    public String toString() {
        return a + "-" + b + ":" + c + "." + d + "." + e;
    }
}
