package org.p1powermeter.metrics;

import java.math.BigDecimal;
import org.p1powermeter.vscp.VscpEncoding;

/**
 * Whether a value can be carried by every output the bridge has: the VSCP class 1040 string (at most
 * {@value #MAX_PLAIN_CHARS} characters of plain decimal), the class 1060 IEEE-754 double (finite) and the
 * {@code no_vscp} plain number. A value outside is a counted drop ({@link P1Metrics#VALUE_OUT_OF_RANGE}), never an
 * exception in the middle of a telegram's events. Real meters send at most about 12 digits; only garbage with a
 * valid CRC gets near these limits.
 */
public final class ValueRange {

    /** Longest plain decimal (sign and point included) class 1040 carries: {@link VscpEncoding#MAX_STRING_CHARS}. */
    public static final int MAX_PLAIN_CHARS = VscpEncoding.MAX_STRING_CHARS;
    private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);

    private ValueRange() {
    }

    /** Length of {@code v.toPlainString()}, computed without building the string. */
    public static long plainLength(BigDecimal v) {
        long precision = v.precision();
        long scale = v.scale();
        long sign = v.signum() < 0 ? 1 : 0;
        if (scale <= 0) {
            return sign + (v.signum() == 0 ? 1 : precision - scale);
        }
        return sign + Math.max(precision, scale + 1) + 1;
    }

    /** True when the value fits class 1040, class 1060 (finite double) and plain mode. */
    public static boolean fits(BigDecimal v) {
        return v != null && plainLength(v) <= MAX_PLAIN_CHARS && v.abs().compareTo(MAX_DOUBLE) <= 0;
    }
}
