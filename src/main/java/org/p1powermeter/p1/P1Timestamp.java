package org.p1powermeter.p1;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * P1 timestamps {@code YYMMDDhhmmss} + {@code S} (summer time) / {@code W} (standard time) as local time of a meter zone.
 *
 * <p>The zone rules decide the offset; the flag only picks the instance of the repeated hour when clocks go back
 * ({@code S} = the earlier, summer-time instance, {@code W} = the later, standard-time one). A flag that contradicts
 * the zone elsewhere is ignored: Fluvius history entries carry {@code S} on winter dates and dsmr_parser's expected
 * values read them with the winter offset. Without a flag the earlier instance is used. A local time inside the
 * spring-forward gap is moved forward by the length of the gap. Known placeholders ({@code 000101000001W},
 * {@code 000101010000W}, {@code 700101010000W}, {@code 6325…}, {@code 000000000000}) and impossible dates give null.
 * For meters that never switch to summer time (Sweden) configure a fixed {@link ZoneOffset} such as {@code +01:00}.
 */
public final class P1Timestamp {

    /**
     * The offset of the last hour read, when that hour is clear of any zone transition: telegrams arrive every
     * 1–10 s, so nearly every timestamp hits it. Immutable, so a racy read sees a whole entry or an older one.
     */
    private static volatile HourOffset lastHour;

    private record HourOffset(ZoneId zone, int hourKey, char flag, LocalDateTime hourStart, ZoneOffset offset) {
    }

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

    /** {@link #looksLikeTimestamp(String)} for {@code bytes[offset, offset + length)}. */
    static boolean looksLikeTimestamp(byte[] bytes, int offset, int length) {
        if (length != 12 && length != 13) {
            return false;
        }
        for (int i = offset; i < offset + 12; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return length == 12 || bytes[offset + 12] == 'S' || bytes[offset + 12] == 'W';
    }

    /** True for the timestamps meters send when they have no date (log filler, unset clock, dead M-Bus channel). */
    public static boolean isPlaceholder(String text) {
        return text != null && (text.startsWith("000101000001") || text.startsWith("000101010000")
                || text.startsWith("700101010000") || text.startsWith("6325") || text.startsWith("000000000000"));
    }

    /**
     * @return the instant, or null when the text is not a timestamp, is a placeholder or names an impossible date
     */
    public static Instant parse(String text, ZoneId zone) {
        if (!looksLikeTimestamp(text) || isPlaceholder(text)) {
            return null;
        }
        char flag = text.length() == 13 ? text.charAt(12) : ' ';
        int minute = two(text, 8);
        int second = two(text, 10);
        int hourKey = ((two(text, 0) * 100 + two(text, 2)) * 100 + two(text, 4)) * 100 + two(text, 6);
        HourOffset cached = lastHour;
        if (cached != null && cached.hourKey == hourKey && cached.flag == flag && minute < 60 && second < 60
                && cached.zone.equals(zone)) {
            return Instant.ofEpochSecond(cached.hourStart.toEpochSecond(cached.offset) + minute * 60L + second);
        }
        try {
            LocalDateTime local = LocalDateTime.of(2000 + two(text, 0), two(text, 2), two(text, 4),
                    two(text, 6), minute, second);
            ZoneRules rules = zone.getRules();
            ZoneOffset offset = offsetFor(local, flag, rules);
            rememberHour(zone, hourKey, flag, local, offset, rules);
            return Instant.ofEpochSecond(local.toEpochSecond(offset));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static void rememberHour(ZoneId zone, int hourKey, char flag, LocalDateTime local, ZoneOffset offset,
            ZoneRules rules) {
        LocalDateTime start = local.withMinute(0).withSecond(0);
        List<ZoneOffset> atStart = rules.getValidOffsets(start);
        List<ZoneOffset> atEnd = rules.getValidOffsets(start.plusSeconds(3599));
        if (atStart.size() == 1 && atEnd.size() == 1 && atStart.get(0).equals(offset) && atEnd.get(0).equals(offset)) {
            lastHour = new HourOffset(zone, hourKey, flag, start, offset);
        }
    }

    private static ZoneOffset offsetFor(LocalDateTime local, char flag, ZoneRules rules) {
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1) {
            return valid.get(0);
        }
        if (valid.isEmpty()) {
            // spring-forward gap: read with the offset before the transition, i.e. shifted forward by the gap
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getOffsetBefore();
        }
        ZoneOffset first = valid.get(0);
        ZoneOffset second = valid.get(1);
        boolean firstIsSummer = first.getTotalSeconds() > second.getTotalSeconds();
        if (flag == 'W') {
            return firstIsSummer ? second : first;
        }
        if (flag == 'S') {
            return firstIsSummer ? first : second;
        }
        return first;
    }

    private static int two(String s, int i) {
        return (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
    }
}
