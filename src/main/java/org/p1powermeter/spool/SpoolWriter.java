package org.p1powermeter.spool;

import java.io.IOException;
import java.time.Clock;

/**
 * The writer's side of a {@link DiskSpool}: the next sequence and the newest segment's {@link SegmentWriter}; a new
 * segment is started (and added to the list) when a record does not fit in the current one. Not thread-safe: the
 * spool calls it under its lock.
 */
final class SpoolWriter {

    private final SpoolDirectory dir;
    private final SegmentList segments;
    private final SpoolReader reader;
    private final long segmentBytes;
    private final Clock clock;
    private SegmentWriter writer;
    private long nextSequence;

    SpoolWriter(SpoolDirectory dir, SegmentList segments, SpoolReader reader, long segmentBytes, Clock clock) {
        this.dir = dir;
        this.segments = segments;
        this.reader = reader;
        this.segmentBytes = segmentBytes;
        this.clock = clock;
    }

    /** At recovery: continues after the newest record in the segments (or {@code acknowledged}), in a new segment. */
    void start(long acknowledged) throws IOException {
        nextSequence = Math.max(segments.isEmpty() ? 0 : segments.last().lastSequence, acknowledged) + 1;
        startSegment();
    }

    /** Appends one record (buffered) under the next sequence. */
    SpoolRecord append(String topic, byte[] payload, int qos, boolean retained) throws IOException {
        byte[] topicBytes = RecordCodec.topicBytes(topic);
        int size = RecordCodec.encodedSize(topicBytes, payload);
        if (writer.isFullFor(size, segmentBytes)) {
            startSegment();
        }
        long sequence = nextSequence++;
        SpoolRecord record = new SpoolRecord(sequence, clock.millis(), topic, payload, qos, retained);
        writer.append(record, topicBytes, size);
        return record;
    }

    /** The sequence of the last record appended (or recovered). */
    long lastSequence() {
        return nextSequence - 1;
    }

    /** The writer of the newest segment (which receives the appends). */
    SegmentWriter segmentWriter() {
        return writer;
    }

    /** True when {@code s} is the segment being written. */
    boolean isWriting(Segment s) {
        return s == writer.segment();
    }

    /** Writes the buffered records to the newest segment file, without fsync. */
    void writeOut() throws IOException {
        writer.writeOut();
    }

    /** Writes out, syncs the newest segment file to the disk and closes it. */
    void close() throws IOException {
        writer.close(true);
    }

    /** Closes the current segment (without fsync) and starts the next one, named by the next sequence. */
    void startSegment() throws IOException {
        if (writer != null) {
            writer.close(false);
        }
        writer = new SegmentWriter(new Segment(dir.segmentPath(nextSequence), nextSequence));
        segments.addLast(writer.segment());
        reader.segmentStarted(writer.segment());
    }
}
