package org.p1powermeter.p1;

/**
 * Decides for {@link TelegramFramer} whether a {@code !} or {@code /} found by {@link BodyScan} ends the body. Both
 * must be at the start of a line. A {@code !} must also be outside {@code ( )} (a value wrapped over lines may hold
 * one); a {@code /} at the start of a line always ends the body, even inside an open {@code (}: a stream cut inside a
 * value ({@code 1-0:1.7.0(00.321*k}) must not swallow the next telegram, and no meter wraps a value so that a line
 * starts with {@code /}. The bytes before the marker are in the current chunk {@code in[start, i)} and, from earlier
 * chunks, in the telegram buffer.
 */
final class MarkerCheck {

    /** Whether the first {@link #parensKnown} bytes of the telegram leave it inside {@code ( )}. */
    private boolean inParens;
    private int parensKnown;

    /** A telegram starts: its {@code /} is in the buffer. */
    void start() {
        inParens = false;
        parensKnown = 1;
    }

    /** Whether the marker {@code in[i]} ends the body; the bytes {@code in[start, i)} follow the buffer's. */
    boolean endsBody(TelegramBuffer buffer, byte[] in, int start, int i) {
        return atLineStart(buffer, in, start, i) && (in[i] == '/' || !insideParens(buffer, in, start, i));
    }

    /** Whether {@code in[i]} follows a CR or LF (the byte before may be in the buffer, from an earlier chunk). */
    private static boolean atLineStart(TelegramBuffer buffer, byte[] in, int start, int i) {
        int before = i > start ? in[i - 1] : buffer.last();
        return before == '\r' || before == '\n';
    }

    /**
     * Whether {@code in[i]} is inside {@code ( )}: the last {@code (} or {@code )} before it is a {@code (}. Looks
     * back from {@code i} (the closing {@code )} of the line before is a few bytes away), never further than where
     * the previous call stopped ({@link #parensKnown} telegram bytes, earlier chunks in the buffer), so a telegram
     * is looked at at most once however many markers it has.
     */
    private boolean insideParens(TelegramBuffer buffer, byte[] in, int start, int i) {
        int buffered = buffer.length();
        int known = parensKnown;
        int last = 0;
        for (int k = i - 1, stop = start + Math.max(known - buffered, 0); k >= stop && last == 0; k--) {
            int b = in[k];
            last = b == '(' || b == ')' ? b : 0;
        }
        if (last == 0 && known < buffered) {
            last = buffer.lastParen(known);
        }
        boolean parens = last == 0 ? inParens : last == '(';
        parensKnown = buffered + (i - start);
        inParens = parens;
        return parens;
    }
}
