package org.p1powermeter.p1;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * P1 timestamps {@code YYMMDDhhmmss} + {@code S} (daylight time) / {@code W} (standard time) as local time of a meter.
 *
 * <p>The meter's clock is the truth, not the zone rules: the flag decides the offset. {@code W} is the meter zone's
 * standard offset at that date (Europe/Stockholm: +01:00), {@code S} its daylight offset, one hour more (+02:00: every
 * P1 country's summer time is one hour). So a Swedish meter that sends {@code W} all year is read at +01:00 in summer
 * too, and the repeated hour in October is told apart by the flag alone. Only a timestamp without flag (the 12 digits
 * of DSMR 2.2/3 gas) is read with the zone rules (the earlier instance of a repeated hour; a local time inside the
 * spring-forward gap is moved forward by the gap).
 *
 * <p>An unset meter clock ({@code 000101010000W}, 2000-01-01 01:00) is read as the meter says;
 * {@link #isUnsetClock(String)} lets the caller warn about it. Known fillers ({@code 000101000001W} log entries,
 * {@code 700101010000W} dead M-Bus channels, {@code 6325…}, {@code 000000000000}) and impossible dates give null.
 */
public final class P1Timestamp {

    /**
     * The offsets of the last few hours read, each clear of any zone transition: telegrams arrive every 1–10 s and
     * carry the telegram time plus an M-Bus capture time (usually another hour), so nearly every timestamp hits one.
     * Entries are immutable (final fields), so a racy read sees a whole entry, an older one or none.
     */
    private static final HourOffset[] HOURS = new HourOffset[4];
    /** Seconds {@code S} (daylight time) adds to the standard offset: one hour in every P1 country. */
    private static final int DAYLIGHT_SAVING = 3600;
    /** Round-robin victim for the next entry; racy on purpose (any value is fine). */
    private static int nextHour;

    private record HourOffset(ZoneId zone, int hourKey, char flag, long hourStartEpoch) {
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

    /** True for the timestamps meters send when they have no date (log filler, dead M-Bus channel, invalid). */
    public static boolean isPlaceholder(String text) {
        return text != null && (text.startsWith("000101000001") || text.startsWith("700101010000")
                || text.startsWith("6325") || text.startsWith("000000000000"));
    }

    /** True for the time a meter sends while its clock is not set ({@code 000101010000W}); read as sent, worth a warning. */
    public static boolean isUnsetClock(String text) {
        return text != null && text.startsWith("000101010000");
    }

    /**
     * @return the instant, or null when the text is not a timestamp, is a placeholder or names an impossible date
     */
    public static Instant parse(String text, ZoneId zone) {
        if (!looksLikeTimestamp(text)) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1); // 12 or 13 ASCII characters
        return parse(bytes, 0, bytes.length, zone);
    }

    /** {@link #parse(String, ZoneId)} for {@code bytes[offset, offset + length)}, without building a string. */
    static Instant parse(byte[] bytes, int offset, int length, ZoneId zone) {
        if (!looksLikeTimestamp(bytes, offset, length) || isPlaceholder(bytes, offset)) {
            return null;
        }
        char flag = length == 13 ? (char) bytes[offset + 12] : ' ';
        int minute = two(bytes, offset + 8);
        int second = two(bytes, offset + 10);
        int hourKey = ((two(bytes, offset) * 100 + two(bytes, offset + 2)) * 100 + two(bytes, offset + 4)) * 100
                + two(bytes, offset + 6);
        if (minute < 60 && second < 60) {
            for (HourOffset cached : HOURS) {
                if (cached != null && cached.hourKey == hourKey && cached.flag == flag && cached.zone.equals(zone)) {
                    return Instant.ofEpochSecond(cached.hourStartEpoch + minute * 60L + second);
                }
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(2000 + two(bytes, offset), two(bytes, offset + 2),
                    two(bytes, offset + 4), two(bytes, offset + 6), minute, second);
            ZoneRules rules = zone.getRules();
            ZoneOffset zoneOffset = offsetFor(local, flag, rules);
            rememberHour(zone, hourKey, flag, local, zoneOffset, rules);
            return Instant.ofEpochSecond(local.toEpochSecond(zoneOffset));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@link #isPlaceholder(String)} for the 12 digits at {@code bytes[offset]} (already checked to be digits). */
    private static boolean isPlaceholder(byte[] bytes, int offset) {
        int date = (two(bytes, offset) * 100 + two(bytes, offset + 2)) * 100 + two(bytes, offset + 4);
        int time = (two(bytes, offset + 6) * 100 + two(bytes, offset + 8)) * 100 + two(bytes, offset + 10);
        return (date == 101 && time == 1) || (date == 700101 && time == 10000)
                || (two(bytes, offset) == 63 && two(bytes, offset + 2) == 25) || (date == 0 && time == 0);
    }

    /** Caches the hour when every second of it has the same offset for this flag (no transition inside it). */
    private static void rememberHour(ZoneId zone, int hourKey, char flag, LocalDateTime local, ZoneOffset offset,
            ZoneRules rules) {
        LocalDateTime start = local.withMinute(0).withSecond(0);
        LocalDateTime end = start.plusSeconds(3599);
        boolean steady = flag == ' '
                ? rules.getValidOffsets(start).equals(List.of(offset)) && rules.getValidOffsets(end).equals(List.of(offset))
                : offsetFor(start, flag, rules).equals(offset) && offsetFor(end, flag, rules).equals(offset);
        if (steady) {
            int slot = nextHour & (HOURS.length - 1);
            nextHour = slot + 1;
            HOURS[slot] = new HourOffset(zone, hourKey, flag, start.toEpochSecond(offset));
        }
    }

    /** The offset of a local time: the flag's ({@code W} standard, {@code S} daylight), else the zone rules'. */
    private static ZoneOffset offsetFor(LocalDateTime local, char flag, ZoneRules rules) {
        if (flag == 'W' || flag == 'S') {
            ZoneOffset standard = rules.getStandardOffset(local.toInstant(rules.getOffset(local)));
            return flag == 'W' ? standard : ZoneOffset.ofTotalSeconds(standard.getTotalSeconds() + DAYLIGHT_SAVING);
        }
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1) {
            return valid.get(0);
        }
        if (valid.isEmpty()) {
            // spring-forward gap: read with the offset before the transition, i.e. shifted forward by the gap
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getOffsetBefore();
        }
        return valid.get(0);
    }

    private static int two(byte[] b, int i) {
        return (b[i] - '0') * 10 + (b[i + 1] - '0');
    }
}
