package org.p1powermeter.spool;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The newest appended records, also kept in memory (bounded by bytes), so a reader that keeps up with the writer
 * takes them from here instead of reading back what was just written to the segment file. The files stay the
 * truth: what is not here (after a restart, or once the tail dropped it because the reader fell behind) is read
 * from them. Records up to the acknowledged position are let go at once. Not thread-safe (the spool's lock).
 */
final class SpoolTail {

    private final ArrayDeque<SpoolRecord> records = new ArrayDeque<>();
    private final long maxBytes;
    private long bytes;

    SpoolTail(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Keeps a record just appended; drops the oldest ones past the bound. */
    void add(SpoolRecord record) {
        records.addLast(record);
        bytes += size(record);
        while (bytes > maxBytes && !records.isEmpty()) {
            removeFirst();
        }
    }

    /** The sequence of the oldest record held, or {@link Long#MAX_VALUE} when none is. */
    long firstSequence() {
        SpoolRecord first = records.peekFirst();
        return first == null ? Long.MAX_VALUE : first.sequence();
    }

    /** Adds to {@code out} the records after {@code sequence}, up to {@code max} in all; needs firstSequence() <= sequence + 1. */
    void copyAfter(long sequence, int max, List<SpoolRecord> out) {
        for (SpoolRecord r : records) {
            if (out.size() >= max) {
                return;
            }
            if (r.sequence() > sequence) {
                out.add(r);
            }
        }
    }

    /** Lets go of the records up to {@code sequence} (delivered or dropped). */
    void dropThrough(long sequence) {
        while (!records.isEmpty() && records.peekFirst().sequence() <= sequence) {
            removeFirst();
        }
    }

    void clear() {
        records.clear();
        bytes = 0;
    }

    private void removeFirst() {
        bytes -= size(records.removeFirst());
    }

    /** What a record holds on to, roughly: its payload, its topic and the objects around them. */
    private static long size(SpoolRecord r) {
        return r.payload().length + r.topic().length() + 64L;
    }
}
