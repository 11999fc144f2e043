package org.p1powermeter.p1;

import java.nio.charset.StandardCharsets;

/** Units of P1 value groups: which byte runs are units, and shared strings for the common ones. */
final class UnitText {

    /** Units meters send, case as sent; also the only ones split off a number when there is no {@code *}. */
    private static final String[] KNOWN = {
        "kWh", "kW", "V", "A", "m3", "s", "Wh", "W", "GJ", "Hz", "kvarh", "kvar", "varh", "var", "kVArh", "kVAr",
        "kVA", "VA", "kVAh", "VAh", "MWh", "MW", "MJ", "kV", "mA", "l", "m\u00b3",
    };
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

    static {
        for (int i = 0; i < KNOWN.length; i++) {
            KNOWN_BYTES[i] = KNOWN[i].getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private UnitText() {
    }

    /** True when {@code bytes[from, to)} can be a unit: 1–16 letters/digits (or Latin-1 letters like ³), letter first. */
    static boolean isUnit(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 16 || !isLetter(bytes[from])) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            int ch = bytes[i];
            if (!isLetter(ch) && (ch < '0' || ch > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Index of {@code bytes[from, to)} among the known units, or -1. */
    static int known(byte[] bytes, int from, int to) {
        int length = to - from;
        for (int k = 0; k < KNOWN_BYTES.length; k++) {
            byte[] unit = KNOWN_BYTES[k];
            if (unit.length == length && same(unit, bytes, from)) {
                return k;
            }
        }
        return -1;
    }

    /** The known unit with index {@code k} from {@link #known}. */
    static String name(int k) {
        return KNOWN[k];
    }

    /** The unit as a string, shared for known units (no allocation). */
    static String text(byte[] bytes, int from, int to) {
        int k = known(bytes, from, to);
        return k >= 0 ? KNOWN[k] : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean same(byte[] unit, byte[] bytes, int from) {
        for (int i = 0; i < unit.length; i++) {
            if (unit[i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(int b) {
        int ch = b & 0xFF;
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0xA0;
    }
}
