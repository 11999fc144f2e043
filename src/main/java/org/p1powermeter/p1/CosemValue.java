package org.p1powermeter.p1;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One parenthesised value group of a COSEM line, e.g. {@code (001581.123*kWh)}: its text and optional unit.
 * An empty group {@code ()} is {@link #EMPTY}. Numbers are decoded on demand and cached.
 *
 * <p>Values made by the parser point into the telegram bytes and build their text only when {@link #text()}
 * is asked for; {@link #decimal()} reads the bytes directly. Instances are safe to share between threads
 * (the caches hold immutable objects in single fields).
 */
public final class CosemValue {

    public static final CosemValue EMPTY = new CosemValue(null, null);

    /** Cache marker: the text was checked and is not a decimal number. */
    private static final Object NOT_A_NUMBER = new Object();

    private final byte[] source;
    private final int offset;
    private final int length;
    private final String unit;
    /** Length of the group's text as sent: longer than {@link #length} when a unit followed the number without {@code *}. */
    private final int sentLength;
    private String text;
    private Object decimalCache;

    /**
     * @param text the value text without unit ({@code 001581.123}), or null for {@code ()}
     * @param unit the unit as sent ({@code kWh}), or null when there is none
     */
    public CosemValue(String text, String unit) {
        this.source = null;
        this.offset = 0;
        this.length = text == null ? 0 : text.length();
        this.text = text;
        this.unit = unit;
        this.sentLength = length;
    }

    /** A value whose text is {@code source[offset, offset + length)} read as ISO-8859-1; the array is not copied. */
    CosemValue(byte[] source, int offset, int length, String unit) {
        this(source, offset, length, unit, length);
    }

    /**
     * A number {@code source[offset, offset + length)} followed directly (no {@code *}) by its unit; the whole group
     * text is {@code sentLength} bytes.
     */
    CosemValue(byte[] source, int offset, int length, String unit, int sentLength) {
        this.source = source;
        this.offset = offset;
        this.length = length;
        this.unit = unit;
        this.sentLength = sentLength;
    }

    /** The same text with another unit. */
    CosemValue withUnit(String newUnit) {
        return source == null ? new CosemValue(text, newUnit) : new CosemValue(source, offset, length, newUnit);
    }

    /**
     * The group's text exactly as sent, a unit that followed without {@code *} included ({@code 12A} where
     * {@link #text()} is {@code 12}); null for an empty group. Ids and text messages are read from this.
     */
    public String sent() {
        if (source == null || sentLength == length) {
            return text();
        }
        return new String(source, offset, sentLength, StandardCharsets.ISO_8859_1);
    }

    public boolean isEmpty() {
        return text == null && source == null;
    }

    /** The value text as sent, without the unit; null for an empty group. */
    public String text() {
        String t = text;
        if (t == null && source != null) {
            t = new String(source, offset, length, StandardCharsets.ISO_8859_1);
            text = t;
        }
        return t;
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
        Object cached = decimalCache;
        if (cached == null) {
            BigDecimal parsed = source != null ? DecimalText.parse(source, offset, length) : DecimalText.parse(text);
            cached = parsed == null ? NOT_A_NUMBER : parsed;
            decimalCache = cached;
        }
        return cached == NOT_A_NUMBER ? null : (BigDecimal) cached;
    }

    /** The text as a long integer counter, or null when it is not an integer that fits in 64 bits. */
    public Long integer() {
        BigDecimal d = decimal();
        if (d == null || d.scale() > 0) {
            return null;
        }
        if (d.scale() == 0 && d.precision() <= 18) {
            return d.longValue(); // fits for sure: no exception handler on the common path
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** The text as a P1 timestamp in the given zone, or null when it is not one or is a known placeholder. */
    public Instant timestamp(ZoneId zone) {
        if (source != null) {
            return P1Timestamp.parse(source, offset, length, zone); // checks the shape itself, no string built
        }
        return isTimestamp() ? P1Timestamp.parse(text, zone) : null;
    }

    /** True when the text looks like a P1 timestamp ({@code YYMMDDhhmmss} with optional {@code S}/{@code W}). */
    public boolean isTimestamp() {
        return source != null ? P1Timestamp.looksLikeTimestamp(source, offset, length)
                : P1Timestamp.looksLikeTimestamp(text);
    }

    /** Hex-encoded ASCII decoded to text (ids, messages); the text itself when it is not even-length hex. */
    public String hexDecoded() {
        return HexText.decodeOrSelf(sent());
    }

    @Override
    public String toString() {
        return isEmpty() ? "()" : "(" + text() + (unit == null ? "" : "*" + unit) + ")";
    }
}
