package org.p1powermeter.spool;

import java.util.ArrayDeque;
import java.util.Iterator;

/** The spool's segments, oldest first (the last one is being written), and sums over them. */
final class SegmentList implements Iterable<Segment> {

    private final ArrayDeque<Segment> segments = new ArrayDeque<>();

    void addLast(Segment s) {
        segments.addLast(s);
    }

    Segment first() {
        return segments.peekFirst();
    }

    Segment last() {
        return segments.peekLast();
    }

    Segment removeFirst() {
        return segments.pollFirst();
    }

    int size() {
        return segments.size();
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The segment after {@code s}, or null. */
    Segment after(Segment s) {
        boolean found = false;
        for (Segment candidate : segments) {
            if (found) {
                return candidate;
            }
            found = candidate == s;
        }
        return null;
    }

    /** The first segment holding a record after {@code acknowledged}, else the first one. */
    Segment firstPendingAfter(long acknowledged) {
        for (Segment s : segments) {
            if (s.lastSequence > acknowledged) {
                return s;
            }
        }
        return segments.peekFirst();
    }

    /** Records after {@code acknowledged}. */
    long pendingAfter(long acknowledged) {
        long pending = 0;
        for (Segment s : segments) {
            pending += s.pendingAfter(acknowledged);
        }
        return pending;
    }

    long bytes() {
        long bytes = 0;
        for (Segment s : segments) {
            bytes += s.bytes;
        }
        return bytes;
    }

    @Override
    public Iterator<Segment> iterator() {
        return segments.iterator();
    }
}
