package org.p1powermeter.p1;

/**
 * Reads the bytes after a telegram's {@code !}: 0–4 hex digits (either case; {@code B9F} = 0x0B9F), at most one
 * NUL (some gateways append one), then the line end. Knows nothing of buffers or policies; {@link TelegramFramer}
 * acts on what {@link #accept(int)} says.
 */
final class TrailerReader {

    /** The byte is a CRC digit or the tolerated NUL: keep it and read on. */
    static final int MORE = 0;
    /** The byte is CR or LF: keep it; the telegram ends here (or, after a CR, at the LF that follows). */
    static final int LINE_END = 1;
    /** The byte is a {@code /} right after the digits: the telegram is complete without it, the next one starts. */
    static final int NEXT_TELEGRAM = 2;
    /** The byte may not appear here. */
    static final int MALFORMED = 3;

    private int digits;
    private int value;
    private boolean nulSeen;

    void start() {
        digits = 0;
        value = 0;
        nulSeen = false;
    }

    int accept(int b) {
        if (b == '\r' || b == '\n') {
            return LINE_END;
        }
        if (b == '/') {
            return digits > 0 ? NEXT_TELEGRAM : MALFORMED;
        }
        int digit = hexValue(b);
        if (digit >= 0 && digits < 4 && !nulSeen) {
            value = (value << 4) | digit;
            digits++;
            return MORE;
        }
        if (b == 0 && !nulSeen) {
            nulSeen = true;
            return MORE;
        }
        return MALFORMED;
    }

    boolean hasCrc() {
        return digits > 0;
    }

    /** The CRC read, or {@link RawTelegram#NO_CRC}. */
    int crc() {
        return digits > 0 ? value : RawTelegram.NO_CRC;
    }

    private static int hexValue(int b) {
        int lower = b | 0x20;                   // 'A'..'F' -> 'a'..'f'; digits keep their value
        return b >= '0' && b <= '9' ? b - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
