package org.p1powermeter.p1;

/**
 * Remembers the OBIS ids seen as text before a {@code (}, so the next telegram (same lines every time) maps
 * each id text to its {@link ObisId} with one table lookup instead of a digit-by-digit parse.
 * Shared by the threads of one {@link TelegramParser}: slots hold immutable entries, so racy reads and
 * writes only ever lose an entry, never return a wrong one.
 */
final class ObisCache {

    /** Longest id text cached ({@code 0-0:96.1.255*255} is 16). */
    static final int MAX_LENGTH = 16;
    private static final int SLOTS = 512;

    private record Entry(long low, long high, int length, ObisId id) {
    }

    private final Entry[] slots = new Entry[SLOTS];

    /** The id for {@code bytes[from, to)}, or null when it was not seen (or is longer than {@link #MAX_LENGTH}). */
    ObisId get(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > MAX_LENGTH) {
            return null;
        }
        long low = pack(bytes, from, Math.min(to, from + 8));
        long high = length > 8 ? pack(bytes, from + 8, to) : 0;
        Entry e = slots[slot(low, high, length)];
        return e != null && e.low == low && e.high == high && e.length == length ? e.id : null;
    }

    /** Remembers that {@code bytes[from, to)} is the text of {@code id}. */
    void put(byte[] bytes, int from, int to, ObisId id) {
        int length = to - from;
        if (length > MAX_LENGTH) {
            return;
        }
        long low = pack(bytes, from, Math.min(to, from + 8));
        long high = length > 8 ? pack(bytes, from + 8, to) : 0;
        slots[slot(low, high, length)] = new Entry(low, high, length, id);
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
        return (int) (h ^ (h >>> 29)) & (SLOTS - 1);
    }
}
