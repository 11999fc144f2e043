package org.p1powermeter.p1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One parenthesised value group of a COSEM line, e.g. {@code (001581.123*kWh)}: its text and optional unit.
 * An empty group {@code ()} is {@link #EMPTY}. Numbers are decoded on demand and cached.
 */
public final class CosemValue {

    public static final CosemValue EMPTY = new CosemValue(null, null);

    private final String text;
    private final String unit;
    private BigDecimal decimal;
    private boolean decimalTried;

    /**
     * @param text the value text without unit ({@code 001581.123}), or null for {@code ()}
     * @param unit the unit as sent ({@code kWh}), or null when there is none
     */
    public CosemValue(String text, String unit) {
        this.text = text;
        this.unit = unit;
    }

    public boolean isEmpty() {
        return text == null;
    }

    /** The value text as sent, without the unit; null for an empty group. */
    public String text() {
        return text;
    }

    /** The unit as sent (case kept), or null. */
    public String unit() {
        return unit;
    }

    /** True when the text is a decimal number ({@code -?digits[.digits]}). */
    public boolean isNumber() {
        return decimal() != null;
    }

    /** The text as an exact decimal, or null when it is empty or not a number. Leading zeros are dropped, scale kept. */
    public BigDecimal decimal() {
        if (!decimalTried) {
            decimal = DecimalText.parse(text);
            decimalTried = true;
        }
        return decimal;
    }

    /** The text as a long integer counter, or null when it is not an integer that fits in 64 bits. */
    public Long integer() {
        BigDecimal d = decimal();
        if (d == null || d.scale() > 0) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** The text as a P1 timestamp in the given zone, or null when it is not one or is a known placeholder. */
    public Instant timestamp(ZoneId zone) {
        return P1Timestamp.parse(text, zone);
    }

    /** True when the text looks like a P1 timestamp ({@code YYMMDDhhmmss} with optional {@code S}/{@code W}). */
    public boolean isTimestamp() {
        return P1Timestamp.looksLikeTimestamp(text);
    }

    /** Hex-encoded ASCII decoded to text (ids, messages); the text itself when it is not even-length hex. */
    public String hexDecoded() {
        return HexText.decodeOrSelf(text);
    }

    @Override
    public String toString() {
        return text == null ? "()" : "(" + text + (unit == null ? "" : "*" + unit) + ")";
    }
}
