package org.p1powermeter.p1;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * P1 timestamps {@code YYMMDDhhmmss} + {@code S} (summer time) / {@code W} (standard time) in a meter zone.
 * Known placeholders ({@code 000101000001W}, {@code 000101010000W}, {@code 700101010000W}, {@code 632525252525S})
 * and impossible dates give null.
 */
public final class P1Timestamp {

    private P1Timestamp() {
    }

    public static boolean looksLikeTimestamp(String text) {
        if (text == null || (text.length() != 12 && text.length() != 13)) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return text.length() == 12 || text.charAt(12) == 'S' || text.charAt(12) == 'W';
    }

    /**
     * @return the instant, or null when the text is not a timestamp, is a placeholder or names an impossible date
     */
    public static Instant parse(String text, ZoneId zone) {
        if (!looksLikeTimestamp(text) || isPlaceholder(text)) {
            return null;
        }
        int yy = two(text, 0);
        try {
            LocalDateTime local = LocalDateTime.of(2000 + yy, two(text, 2), two(text, 4), two(text, 6), two(text, 8), two(text, 10));
            char flag = text.length() == 13 ? text.charAt(12) : ' ';
            ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
            if (flag == 'W' || flag == 'S') {
                ZoneOffset standard = zone.getRules().getStandardOffset(zoned.toInstant());
                ZoneOffset wanted = flag == 'W' ? standard
                        : ZoneOffset.ofTotalSeconds(standard.getTotalSeconds() + 3600);
                // the flag picks the instance of an ambiguous local time; it does not override the zone otherwise
                ZonedDateTime withOffset = ZonedDateTime.ofLocal(local, zone, wanted);
                return withOffset.toInstant();
            }
            return zoned.toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isPlaceholder(String text) {
        String digits = text.substring(0, 12);
        return digits.equals("000101000001") || digits.equals("000101010000") || digits.equals("700101010000")
                || digits.startsWith("6325") || digits.equals("000000000000");
    }

    private static int two(String s, int i) {
        return (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
    }
}
