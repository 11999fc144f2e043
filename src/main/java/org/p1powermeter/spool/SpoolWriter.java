package org.p1powermeter.spool;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer's side of a {@link DiskSpool}: the next sequence, the open block (the records appended since the last
 * {@link #seal()}, in memory only) and the newest segment's {@link SegmentWriter}. Sealing encodes the open block
 * ({@link RecordCodec}, compressed) and writes it at once; a new segment is started when the block does not fit in
 * the current one (never while blocks are held because the disk refused them). Not thread-safe: the spool calls it
 * under its lock.
 */
final class SpoolWriter {

    private final SpoolDirectory dir;
    private final SegmentList segments;
    private final SpoolReader reader;
    private final long segmentBytes;
    private final Clock clock;
    private final List<RecordCodec.Message> open = new ArrayList<>();
    private long openFirst;
    private long openAppendedAt;
    private long openBytes;
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

    /** Adds one record to the open block under the next sequence (nothing is written before {@link #seal()}). */
    SpoolRecord append(String topic, byte[] payload, int qos, boolean retained) {
        RecordCodec.topicBytes(topic); // refuses a topic too long before it gets a sequence
        long sequence = nextSequence++;
        long now = clock.millis();
        if (open.isEmpty()) {
            openFirst = sequence;
            openAppendedAt = now;
        }
        open.add(new RecordCodec.Message(topic, payload, qos, retained));
        openBytes += payload.length + topic.length();
        return new SpoolRecord(sequence, now, topic, payload, qos, retained);
    }

    /** Records in the open block. */
    int openRecords() {
        return open.size();
    }

    /** Uncompressed bytes in the open block (payloads and topics). */
    long openBytes() {
        return openBytes;
    }

    /** When the first record of the open block was appended (epoch millis). */
    long openSince() {
        return openAppendedAt;
    }

    /** Open records with a sequence above {@code acknowledged}. */
    long openPendingAfter(long acknowledged) {
        return open.isEmpty() ? 0 : Math.max(0, nextSequence - 1 - Math.max(openFirst - 1, acknowledged));
    }

    /**
     * Encodes the open block and writes it (after any held ones). Throws when the disk refuses it; the block is then
     * held in memory by the segment writer, in order, and written by {@link #writeHeld()} once the disk takes it.
     */
    void seal() throws IOException {
        if (open.isEmpty()) {
            return;
        }
        RecordCodec.Encoded block = RecordCodec.encode(openFirst, openAppendedAt, open, writer.lastRaw());
        if (writer.isFullFor(block.block().remaining(), segmentBytes) && writer.heldBlocks() == 0) {
            try {
                startSegment(); // named after the open block's first record
                block = RecordCodec.encode(openFirst, openAppendedAt, open, null); // a file's first block stands alone
            } catch (IOException e) {
                // cannot create the next file (a full or failing disk): the block goes into the current one
            }
        }
        long last = nextSequence - 1;
        open.clear();
        openBytes = 0;
        writer.append(block, last, openAppendedAt);
    }

    /** Writes the blocks held since the disk refused them; throws while it still does. */
    void writeHeld() throws IOException {
        writer.writeHeld();
    }

    /** Bytes held in memory because the disk refused them. */
    long heldBytes() {
        return writer.heldBytes();
    }

    /** The sequence of the last record in a segment file. */
    long writtenThrough() {
        return writer.writtenThrough();
    }

    /** The sequence of the last record appended (or recovered). */
    long lastSequence() {
        return nextSequence - 1;
    }

    /** The writer of the newest segment. */
    SegmentWriter segmentWriter() {
        return writer;
    }

    /** True when {@code s} is the segment being written. */
    boolean isWriting(Segment s) {
        return s == writer.segment();
    }

    /** Seals, writes what is held, syncs the newest segment file to the disk and closes it. */
    void close() throws IOException {
        try {
            seal();
        } finally {
            writer.close(true);
        }
    }

    /** Closes the current segment (without fsync) and starts the next one, named by the next sequence. */
    void startSegment() throws IOException {
        long writtenThrough = nextSequence - 1 - open.size();
        SegmentWriter next = new SegmentWriter(new Segment(dir.segmentPath(nextSequence - open.size()),
                nextSequence - open.size()), writer == null ? writtenThrough : writer.writtenThrough());
        if (writer != null) {
            writer.close(false);
        }
        writer = next;
        segments.addLast(writer.segment());
        reader.segmentStarted(writer.segment());
    }
}
