package org.p1powermeter.measure;

/**
 * A tiny open-addressing hash table from a packed OBIS key ({@link org.p1powermeter.p1.ObisId#key()}) to a table
 * row: no boxing, no allocation on lookup. Built once; read-only afterwards, so safe to share between threads.
 */
final class ObisRowIndex {

    private static final long EMPTY = -1L; // no OBIS key is negative (five 8-bit groups)

    private final long[] keys;
    private final MeasurementType[] rows;
    private final int mask;

    ObisRowIndex(int capacityPowerOfTwo) {
        keys = new long[capacityPowerOfTwo];
        rows = new MeasurementType[capacityPowerOfTwo];
        mask = capacityPowerOfTwo - 1;
        java.util.Arrays.fill(keys, EMPTY);
    }

    /** Adds a row; the first row put for a key wins. */
    void put(long key, MeasurementType row) {
        int i = slot(key);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        rows[i] = row;
    }

    /** The row for the key, or null. */
    MeasurementType get(long key) {
        int i = slot(key);
        long k;
        while ((k = keys[i]) != EMPTY) {
            if (k == key) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
