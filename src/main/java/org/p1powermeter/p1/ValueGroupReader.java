package org.p1powermeter.p1;

/**
 * Reads one value group {@code (text*unit)} from the telegram bytes, starting just after its {@code (}.
 * A value wrapped over lines inside its parentheses is joined without the line breaks. Reused for every
 * group of a telegram: the results of the last {@link #read} are in {@link #value()}, {@link #end()} etc.
 */
final class ValueGroupReader {

    private final byte[] b;
    private final int limit;
    private CosemValue value;
    private int end;
    private int lineBreaks;
    private String error;

    ValueGroupReader(byte[] bytes, int limit) {
        this.b = bytes;
        this.limit = limit;
    }

    /**
     * @param start position after the {@code (}
     * @return true when a closing {@code )} was found; false with {@link #error()} otherwise
     */
    boolean read(int start) {
        int star = -1;
        int breaks = 0;
        boolean wrapped = false;
        final byte[] bytes = b;
        final int end = limit;
        int p = start;
        for (; p < end; p++) {
            byte ch = bytes[p];
            if (ch > '*') {
                continue; // digits, letters, '.', '-', ':' (all above the bytes that matter here)
            }
            if (ch == ')') {
                break;
            }
            if (ch == '(') {
                error = "unbalanced parentheses";
                return false;
            }
            if (ch == '\n') {
                breaks++;
                wrapped = true;
            } else if (ch == '\r') {
                wrapped = true;
            } else if (ch == '*' && star < 0) {
                star = p;
            }
        }
        if (p >= end) {
            error = "unbalanced parentheses";
            return false;
        }
        this.end = p + 1;
        lineBreaks = breaks;
        if (wrapped) {
            byte[] joined = withoutLineBreaks(start, p);
            value = valueOf(joined, 0, joined.length, indexOfStar(joined));
        } else {
            value = valueOf(b, start, p, star);
        }
        return true;
    }

    CosemValue value() {
        return value;
    }

    /** Position after the closing {@code )}. */
    int end() {
        return end;
    }

    /** Line breaks inside the group (wrapped value). */
    int lineBreaks() {
        return lineBreaks;
    }

    String error() {
        return error;
    }

    private static CosemValue valueOf(byte[] src, int from, int to, int star) {
        if (from == to) {
            return CosemValue.EMPTY;
        }
        if (star > from) {
            int known = UnitText.known(src, star + 1, to);
            if (known >= 0) {
                return new CosemValue(src, from, star - from, UnitText.name(known));
            }
            if (UnitText.isUnit(src, star + 1, to)) {
                return new CosemValue(src, from, star - from, UnitText.text(src, star + 1, to));
            }
        }
        if (star < 0) {
            // a unit without '*' (e-MUCS: 1-0:42.7.0(00.000kW)): judged by the value alone, never by the OBIS code;
            // the whole text stays available (CosemValue#sent) for ids and texts that merely look like it
            int numberEnd = numberEnd(src, from, to);
            if (numberEnd > from && numberEnd < to && !P1Timestamp.looksLikeTimestamp(src, from, to - from)) {
                int known = UnitText.known(src, numberEnd, to);
                if (known >= 0) {
                    return new CosemValue(src, from, numberEnd - from, UnitText.name(known), to - from);
                }
            }
        }
        return new CosemValue(src, from, to - from, null);
    }

    /** End of a leading {@code -?digits[.digits]}, or {@code from} when the text does not start like a number. */
    private static int numberEnd(byte[] src, int from, int to) {
        int p = from;
        if (p < to && src[p] == '-') {
            p++;
        }
        int digitsStart = p;
        while (p < to && src[p] >= '0' && src[p] <= '9') {
            p++;
        }
        if (p == digitsStart) {
            return from;
        }
        if (p + 1 < to && src[p] == '.' && src[p + 1] >= '0' && src[p + 1] <= '9') {
            p++;
            while (p < to && src[p] >= '0' && src[p] <= '9') {
                p++;
            }
        }
        return p;
    }

    private byte[] withoutLineBreaks(int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] != '\r' && b[i] != '\n') {
                out[n++] = b[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int indexOfStar(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '*') {
                return i;
            }
        }
        return -1;
    }
}
