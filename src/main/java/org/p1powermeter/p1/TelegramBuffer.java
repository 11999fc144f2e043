package org.p1powermeter.p1;

import java.util.Arrays;

/**
 * The bytes of the telegram {@link TelegramFramer} is assembling: one growable array, reused for every telegram,
 * never larger than the configured maximum. Copied out only when a telegram is emitted.
 */
final class TelegramBuffer {

    private static final int INITIAL_CAPACITY = 4096;

    private final int max;
    private byte[] bytes;
    private int length;

    TelegramBuffer(int max) {
        this.max = max;
        this.bytes = new byte[Math.min(INITIAL_CAPACITY, max)];
    }

    int length() {
        return length;
    }

    /** Bytes that still fit before the maximum is reached. */
    int room() {
        return max - length;
    }

    boolean isFull() {
        return length == max;
    }

    void clear() {
        length = 0;
    }

    /** Appends one byte; the caller has checked {@link #isFull()}. */
    void add(int b) {
        if (length == bytes.length) {
            grow(length + 1);
        }
        bytes[length++] = (byte) b;
    }

    /** Appends {@code count} bytes of {@code in}; the caller has checked {@link #room()}. */
    void add(byte[] in, int from, int count) {
        int needed = length + count;
        if (needed > bytes.length) {
            grow(needed);
        }
        System.arraycopy(in, from, bytes, length, count);
        length = needed;
    }

    private void grow(int needed) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(needed, 2L * bytes.length)));
    }

    /** The last byte added; the buffer is not empty. */
    int last() {
        return bytes[length - 1];
    }

    /** The last {@code (} or {@code )} among bytes {@code [from, length)}, or 0 when there is none. */
    int lastParen(int from) {
        for (int k = length - 1; k >= from; k--) {
            int b = bytes[k];
            if (b == '(' || b == ')') {
                return b;
            }
        }
        return 0;
    }

    byte[] copy() {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * Whether a lone CR ends this telegram's lines, judged by its first line end (the header's): false when that is
     * CR LF (the trailer's CR must then be followed by LF), true for a lone CR or a lone LF.
     *
     * @param before index up to which to look (the {@code !}, which is always preceded by a line end)
     */
    boolean crEndsLines(int before) {
        for (int k = 1; k < before; k++) {
            if (bytes[k] == '\r') {
                return bytes[k + 1] != '\n';
            }
            if (bytes[k] == '\n') {
                return true;
            }
        }
        return true;
    }
}
