package org.p1powermeter.spool;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The newest appended records, also kept in memory (bounded by bytes), so a reader that keeps up with the writer
 * takes them from here instead of reading back what was just written to the segment file. The files stay the
 * truth: what is not here (after a restart, or once the tail dropped it because the reader fell behind) is read
 * from them. Records up to the acknowledged position are let go at once; records not yet written to a file are
 * never let go before they are. Not thread-safe (the spool's lock).
 */
final class SpoolTail {

    private final ArrayDeque<SpoolRecord> records = new ArrayDeque<>();
    private final long maxBytes;
    private long bytes;

    SpoolTail(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Keeps a record just appended; drops the oldest ones past the bound, but only those up to
     * {@code writtenThrough}: a record not in a segment file yet (the open block, or held because the disk refused
     * it) is read from here alone.
     */
    void add(SpoolRecord record, long writtenThrough) {
        records.addLast(record);
        bytes += size(record);
        trim(writtenThrough);
    }

    /** Drops the oldest records past the bound, those up to {@code writtenThrough} only. */
    void trim(long writtenThrough) {
        while (bytes > maxBytes && !records.isEmpty() && records.peekFirst().sequence() <= writtenThrough) {
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
