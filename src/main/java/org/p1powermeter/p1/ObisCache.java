package org.p1powermeter.p1;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Remembers the OBIS ids seen as text before a {@code (}, so the next telegram (same lines every time) maps
 * each id text to its {@link ObisId} with one table lookup instead of a digit-by-digit parse.
 * Shared by the threads of one {@link TelegramParser}: slots hold immutable entries, so racy reads and
 * writes only ever lose an entry, never return a wrong one.
 */
final class ObisCache {

    /** Longest id text cached ({@code 0-0:96.1.255*255} is 16). */
    static final int MAX_LENGTH = 16;
    private static final int SLOT_BITS = 10;
    private static final int SLOTS = 1 << SLOT_BITS;

    private record Entry(long low, long high, int length, ObisId id) {
    }

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long OPENS = ONES * '(';

    private final Entry[] slots = new Entry[SLOTS];

    /**
     * Where the id text starting at {@code from} ends: the index of the first {@code (} in
     * {@code bytes[from, min(end, from + MAX_LENGTH)]}, or {@code min(end, from + MAX_LENGTH)} when there is none
     * there. Two 8-byte reads and a SWAR test instead of a byte loop when the array allows it.
     */
    static int openParen(byte[] bytes, int from, int end) {
        int max = Math.min(end, from + MAX_LENGTH);
        if (from + MAX_LENGTH + 1 <= bytes.length) {
            long x = (long) LONG_LE.get(bytes, from) ^ OPENS;
            long m = (x - ONES) & ~x & (ONES << 7);   // lowest flagged byte = first '(' (little endian)
            int at;
            if (m != 0) {
                at = from + (Long.numberOfTrailingZeros(m) >>> 3);
            } else {
                x = (long) LONG_LE.get(bytes, from + 8) ^ OPENS;
                m = (x - ONES) & ~x & (ONES << 7);
                at = m != 0 ? from + 8 + (Long.numberOfTrailingZeros(m) >>> 3)
                        : bytes[from + MAX_LENGTH] == '(' ? from + MAX_LENGTH : max;
            }
            return Math.min(at, max);
        }
        int open = from;
        while (open < max && bytes[open] != '(') {
            open++;
        }
        return open;
    }

    /** The id for {@code bytes[from, to)}, or null when it was not seen (or is longer than {@link #MAX_LENGTH}). */
    ObisId get(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > MAX_LENGTH) {
            return null;
        }
        long low = low(bytes, from, to);
        long high = high(bytes, from, to);
        int slot = slot(low, high, length);
        Entry e = slots[slot];
        if (e != null && e.low == low && e.high == high && e.length == length) {
            return e.id;
        }
        e = slots[slot + 1];
        return e != null && e.low == low && e.high == high && e.length == length ? e.id : null;
    }

    /** Remembers that {@code bytes[from, to)} is the text of {@code id}. */
    void put(byte[] bytes, int from, int to, ObisId id) {
        int length = to - from;
        if (length > MAX_LENGTH) {
            return;
        }
        long low = low(bytes, from, to);
        long high = high(bytes, from, to);
        int slot = slot(low, high, length);
        Entry first = slots[slot];
        // two ways per set: ids whose hashes collide (a few per telegram of ~40 ids) do not evict each other
        slots[first == null || first.low == low && first.high == high && first.length == length ? slot : slot + 1] =
                new Entry(low, high, length, id);
    }

    /** The first up-to-8 bytes as one big-endian long (a single 8-byte read when the array allows it). */
    private static long low(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length >= 8) {
            return (long) LONG_BE.get(bytes, from);
        }
        if (from + 8 <= bytes.length) {
            return length == 0 ? 0 : (long) LONG_BE.get(bytes, from) >>> ((8 - length) * 8);
        }
        return pack(bytes, from, to);
    }

    /** For texts longer than 8 bytes the last 8 bytes (overlapping {@link #low}); the length tells them apart. */
    private static long high(byte[] bytes, int from, int to) {
        return to - from > 8 ? (long) LONG_BE.get(bytes, to - 8) : 0;
    }

    private static long pack(byte[] bytes, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v << 8 | (bytes[i] & 0xFF);
        }
        return v;
    }

    private static int slot(long low, long high, int length) {
        long h = (low * 0x9E3779B97F4A7C15L) ^ (high * 0xC2B2AE3D27D4EB4FL) ^ length;
        h *= 0xBF58476D1CE4E5B9L; // mix again: all input bits reach the top bits, which pick the set
        return (int) (h >>> (64 - SLOT_BITS)) & ~1; // even: the set is this slot and the next
    }
}
