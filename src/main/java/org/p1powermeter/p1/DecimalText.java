package org.p1powermeter.p1;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Decimal text as P1 meters send it ({@code -?digits[.digits]}) to an exact {@link BigDecimal}, without regex. */
final class DecimalText {

    /** 18 digits always fit in a long. */
    private static final int MAX_LONG_DIGITS = 18;

    private DecimalText() {
    }

    /** The exact value, or null when {@code text} is null, empty or not a plain decimal. */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        // chars above 0xFF become '?', which is not a digit, so the result stays correct
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    /** The exact value of {@code bytes[offset, offset + length)}, or null when it is empty or not a plain decimal. */
    static BigDecimal parse(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = length > 0 && bytes[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < end; i++) {
            int ch = bytes[i];
            if (ch >= '0' && ch <= '9') {
                if (digits < MAX_LONG_DIGITS) {
                    unscaled = unscaled * 10 + (ch - '0');
                }
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (ch == '.' && scale < 0 && digits > 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || scale == 0) {
            return null;
        }
        if (digits > MAX_LONG_DIGITS) {
            return new BigDecimal(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }
}
