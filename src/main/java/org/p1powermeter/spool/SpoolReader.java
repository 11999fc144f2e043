package org.p1powermeter.spool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader's side of a {@link DiskSpool}: where the reader is in the segment files ({@link SegmentCursor}), the
 * newest records also held in memory ({@link SpoolTail}), the last record read and the highest one ever read (a
 * record read again after a {@link #rewind} counts as resent). Not thread-safe: the spool calls it under its lock.
 */
final class SpoolReader {

    private final SegmentList segments;
    private final SpoolTally tally;
    private final SegmentCursor cursor = new SegmentCursor();
    /** The newest records in memory too: a reader that keeps up never reads back what was just written. */
    private final SpoolTail tail;
    private long lastRead;
    private long highestRead;

    SpoolReader(SegmentList segments, SpoolTally tally, long tailBytes) {
        this.segments = segments;
        this.tally = tally;
        this.tail = new SpoolTail(tailBytes);
    }

    /** At recovery: reads from the first segment, after {@code acknowledged}. */
    void start(long acknowledged) {
        lastRead = acknowledged;
        highestRead = acknowledged;
        cursor.moveTo(segments.first());
    }

    /** The highest sequence ever handed out (records up to it may be in flight). */
    long highestRead() {
        return highestRead;
    }

    /** The sequence of the last record read. */
    long lastRead() {
        return lastRead;
    }

    /** Keeps a record just appended in memory too (the only copy of it until it is written past {@code writtenThrough}). */
    void appended(SpoolRecord record, long writtenThrough) {
        tail.add(record, writtenThrough);
    }

    /** Records up to {@code writtenThrough} are in the files now: memory may let go of them. */
    void written(long writtenThrough) {
        tail.trim(writtenThrough);
    }

    /**
     * Up to {@code max} records after the last one read, in order; empty when the reader is at the end. They come
     * from memory ({@link SpoolTail}) when it still holds them, else from the segment files ({@code writer}'s
     * segment up to what is written).
     */
    List<SpoolRecord> read(int max, SegmentWriter writer) throws IOException {
        List<SpoolRecord> out = new ArrayList<>(Math.min(max, 1024));
        while (out.size() < max && lastRead + 1 < tail.firstSequence() && cursor.segment() != null) {
            SpoolRecord record = cursor.next();
            if (record == null) {
                if (cursor.segment() == writer.segment()) {
                    break;
                }
                cursor.moveTo(segments.after(cursor.segment()));
                continue;
            }
            if (record.sequence() > lastRead) {
                out.add(record);
                lastRead = record.sequence();
            }
        }
        if (out.size() < max && lastRead + 1 >= tail.firstSequence()) {
            int fromFiles = out.size();
            tail.copyAfter(lastRead, max, out);
            if (out.size() > fromFiles) {
                lastRead = out.get(out.size() - 1).sequence();
            }
        }
        for (SpoolRecord r : out) {
            if (r.sequence() <= highestRead) {
                tally.resent++;
            }
        }
        highestRead = Math.max(highestRead, lastRead);
        return out;
    }

    /** Everything up to {@code acknowledged} was delivered (or dropped): memory lets go of it. */
    void acknowledged(long acknowledged) {
        tail.dropThrough(acknowledged);
    }

    /**
     * The oldest segment {@code s} was taken off the list (before its file is deleted) and everything up to
     * {@code acknowledged} is gone: the reader skips past it and leaves its file.
     */
    void segmentRemoved(Segment s, long acknowledged) {
        lastRead = Math.max(lastRead, s.lastSequence);
        tail.dropThrough(acknowledged);
        if (cursor.segment() == s) {
            cursor.moveTo(segments.first());
        }
    }

    /** A new segment was started: a reader that is in no segment yet starts there. */
    void segmentStarted(Segment s) {
        if (cursor.segment() == null) {
            cursor.moveTo(s);
        }
    }

    /** Reads again from the first record after {@code acknowledged}. */
    void rewind(long acknowledged) {
        lastRead = acknowledged;
        cursor.moveTo(segments.firstPendingAfter(acknowledged));
    }

    void close() {
        cursor.close();
    }
}
