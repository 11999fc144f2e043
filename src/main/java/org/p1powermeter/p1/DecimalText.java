package org.p1powermeter.p1;

import java.math.BigDecimal;

/** Decimal text as P1 meters send it ({@code -?digits[.digits]}) to an exact {@link BigDecimal}, without regex. */
final class DecimalText {

    private DecimalText() {
    }

    /** The exact value, or null when {@code text} is null, empty or not a plain decimal. */
    static BigDecimal parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int i = 0;
        int n = text.length();
        boolean negative = text.charAt(0) == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        boolean overflow = false;
        for (; i < n; i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (unscaled > (Long.MAX_VALUE - 9) / 10) {
                    overflow = true;
                }
                unscaled = unscaled * 10 + (ch - '0');
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
        if (overflow) {
            return new BigDecimal(text);
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }
}
