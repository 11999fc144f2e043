package org.p1powermeter.p1;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The state of parsing one telegram (one instance per {@link TelegramParser#parse} call). */
final class TelegramReader {

    private static final int MAX_ISSUE_LINE = 120;

    private final RawTelegram raw;
    private final byte[] b;
    private final int limit;
    private final ZoneId zone;
    private final List<CosemObject> objects = new ArrayList<>(48);
    private List<ParseIssue> issues;
    private CosemObject clock;

    private int lineNumber = 1;
    private int obisEnd;
    private ObisId pendingObis;
    private CosemValue[] groups = new CosemValue[8];
    private int groupCount;
    private final ValueGroupReader groupReader;
    private final ObisCache obisCache;

    TelegramReader(RawTelegram raw, ZoneId zone, ObisCache obisCache) {
        this.obisCache = obisCache;
        this.raw = raw;
        this.b = raw.bytes();
        int bang = raw.bangIndex();
        this.limit = bang >= 0 && bang < b.length && b[bang] == '!' ? bang : b.length;
        this.zone = zone;
        this.groupReader = new ValueGroupReader(b, limit);
    }

    Telegram read() {
        int p = 0;
        String header = "";
        if (limit > 0 && b[0] == '/') {
            int end = lineEnd(1);
            int trimmed = end;
            while (trimmed > 1 && (b[trimmed - 1] == ' ' || b[trimmed - 1] == '\t')) {
                trimmed--;
            }
            header = new String(b, 1, trimmed - 1, StandardCharsets.ISO_8859_1);
            p = end;
        }
        while (true) {
            p = skipBlank(p);
            if (p >= limit || b[p] == '!') {
                break;
            }
            p = readLine(p);
        }
        flush();
        return Telegram.ofParsed(raw, header, objects, clock == null ? null : clock.value().timestamp(zone),
                issues == null ? List.of() : issues);
    }

    /** Reads the line starting at {@code start}; returns the position after it. */
    private int readLine(int start) {
        int ch = b[start];
        int p;
        if (ch == '(') {
            if (pendingObis == null) {
                return skipWithIssue(start, "value groups without an OBIS id");
            }
            p = start;
        } else if (ch >= '0' && ch <= '9') {
            flush();
            ObisId id = readObis(start);
            if (id == null) {
                return skipWithIssue(start, "not an OBIS id");
            }
            pendingObis = id;
            p = obisEnd;
        } else {
            flush();
            return skipWithIssue(start, "line does not start with an OBIS id");
        }
        int before = groupCount;
        int firstLine = lineNumber;
        int read = 0;
        while (true) {
            while (p < limit && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p >= limit || b[p] == '\r' || b[p] == '\n') {
                break;
            }
            if (b[p] != '(') {
                return failLine(start, before, firstLine,
                        read == 0 ? "no value group after the OBIS id" : "junk after value group");
            }
            if (!groupReader.read(p + 1)) {
                return failLine(start, before, firstLine, groupReader.error());
            }
            add(groupReader.value());
            lineNumber += groupReader.lineBreaks();
            p = groupReader.end();
            read++;
        }
        if (read == 0) {
            return failLine(start, before, firstLine, "no value group after the OBIS id");
        }
        return p;
    }

    /**
     * Drops what this line added (its lines are read again from the next one); an OBIS line also drops its
     * object, a continuation line keeps the object.
     */
    private int failLine(int start, int groupsBefore, int firstLine, String reason) {
        groupCount = groupsBefore;
        lineNumber = firstLine;
        if (b[start] != '(') {
            pendingObis = null;
            groupCount = 0;
        }
        return skipWithIssue(start, reason);
    }

    private int skipWithIssue(int start, String reason) {
        int end = lineEnd(start);
        int shown = Math.min(end - start, MAX_ISSUE_LINE);
        if (issues == null) {
            issues = new ArrayList<>(4);
        }
        issues.add(new ParseIssue(lineNumber, new String(b, start, shown, StandardCharsets.ISO_8859_1), reason));
        return end;
    }

    private void add(CosemValue value) {
        if (groupCount == groups.length) {
            groups = Arrays.copyOf(groups, groupCount * 2);
        }
        groups[groupCount++] = value;
    }

    private void flush() {
        if (pendingObis != null && groupCount > 0) {
            CosemObject object = groupCount == 1 ? new CosemObject(pendingObis, groups[0])
                    : CosemLayout.build(pendingObis, Arrays.copyOf(groups, groupCount));
            objects.add(object);
            if (clock == null && pendingObis.key() == Telegram.TIMESTAMP.key()) {
                clock = object;
            }
        }
        pendingObis = null;
        groupCount = 0;
    }

    /** {@code A-B:C.D.E} with optional {@code .F} / {@code *F}; sets {@link #obisEnd}; null when malformed. */
    private ObisId readObis(int start) {
        final byte[] bytes = b;
        final int end = limit;
        int open = ObisCache.openParen(bytes, start, end);
        if (open < end && bytes[open] == '(') {
            ObisId known = obisCache.get(bytes, start, open);
            if (known != null) {
                obisEnd = open;
                return known;
            }
        }
        ObisId parsed = parseObis(start);
        if (parsed != null && obisEnd == open) {
            obisCache.put(bytes, start, open, parsed);
        }
        return parsed;
    }

    /** Digit-by-digit parse of {@link #readObis}. */
    private ObisId parseObis(int start) {
        final byte[] bytes = b;
        final int end = limit;
        int p = start;
        long key = 0;
        for (int group = 0; group < 6; group++) {
            int value = 0;
            int digits = 0;
            int ch;
            while (p < end && (ch = bytes[p] - '0') >= 0 && ch <= 9 && digits < 4) {
                value = value * 10 + ch;
                digits++;
                p++;
            }
            if (digits == 0 || value > 255) {
                return null;
            }
            if (group < 5) {
                key = key << 8 | value;
            }
            int sep = p < end ? bytes[p] : -1;
            if (group == 5 || (group == 4 && sep != '.' && sep != '*')) {
                break;
            }
            int expected = group == 0 ? '-' : group == 1 ? ':' : '.';
            if (sep != expected && !(group == 4 && sep == '*')) {
                return null;
            }
            p++;
        }
        obisEnd = p;
        return ObisId.fromKey(key);
    }

    /** Skips blank space and line ends, counting lines. */
    private int skipBlank(int p) {
        final byte[] bytes = b;
        final int end = limit;
        while (p < end) {
            byte ch = bytes[p];
            if (ch == '\n') {
                lineNumber++;
            } else if (ch != '\r' && ch != ' ' && ch != '\t') {
                break;
            }
            p++;
        }
        return p;
    }

    /** Position of the CR or LF ending the line that contains {@code p}, or the limit. */
    private int lineEnd(int p) {
        while (p < limit && b[p] != '\r' && b[p] != '\n') {
            p++;
        }
        return p;
    }
}
