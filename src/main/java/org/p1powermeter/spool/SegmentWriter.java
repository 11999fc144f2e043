package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * Writes whole blocks to the spool's newest segment, each with one positional write (no fsync). A block the disk
 * refuses (full, failing) is held in memory, in order with those after it, and the file is cut back to the end of
 * the last whole block, so what was written stays readable and a later write never lands after a torn one.
 */
final class SegmentWriter {

    /** A block not yet in the file, and the sequence of its last record. */
    private record Held(ByteBuffer block, long lastSequence) {
    }

    private final Segment segment;
    private final FileChannel channel;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long heldBytes;
    private long writtenThrough;
    /** The raw form of the last block added: the dictionary of the next one (null: none yet in this file). */
    private byte[] lastRaw;

    SegmentWriter(Segment segment, long writtenThrough) throws IOException {
        this.segment = segment;
        this.writtenThrough = writtenThrough;
        this.channel = FileChannel.open(segment.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    Segment segment() {
        return segment;
    }

    /** The raw form of the last block added to this file, or null. */
    byte[] lastRaw() {
        return lastRaw;
    }

    /** True when a block of {@code size} bytes belongs in a new segment. */
    boolean isFullFor(int size, long segmentBytes) {
        return segment.bytes + size > segmentBytes && !segment.isEmpty();
    }

    /**
     * Adds a block (its records up to {@code lastSequence}) to the segment and writes it, after the ones held before.
     * Throws when the disk refuses it: the block is then held and written by a later {@link #writeHeld()}.
     */
    void append(RecordCodec.Encoded encoded, long lastSequence, long appendedAtMillis) throws IOException {
        ByteBuffer block = encoded.block();
        lastRaw = encoded.raw();
        segment.added(lastSequence, appendedAtMillis, block.remaining());
        held.addLast(new Held(block, lastSequence));
        heldBytes += block.remaining();
        writeHeld();
    }

    /** Writes the held blocks, oldest first; throws (and keeps the rest held) when the disk refuses one. */
    void writeHeld() throws IOException {
        while (!held.isEmpty()) {
            Held h = held.peekFirst();
            ByteBuffer data = h.block().duplicate();
            long at = segment.writtenBytes;
            try {
                while (data.hasRemaining()) {
                    at += channel.write(data, at);
                }
            } catch (IOException e) {
                try {
                    channel.truncate(segment.writtenBytes); // a torn block must not stay before the next one
                } catch (IOException ignored) {
                    // the recovery cuts a torn end off too
                }
                throw e;
            }
            segment.writtenBytes += h.block().remaining();
            heldBytes -= h.block().remaining();
            writtenThrough = h.lastSequence();
            held.pollFirst();
        }
    }

    /** Bytes of the blocks held in memory (not in the file). */
    long heldBytes() {
        return heldBytes;
    }

    /** Blocks held in memory. */
    int heldBlocks() {
        return held.size();
    }

    /** The sequence of the last record in the file. */
    long writtenThrough() {
        return writtenThrough;
    }

    /** Writes what is held and closes; {@code force} also syncs the file to the disk. */
    void close(boolean force) throws IOException {
        try {
            writeHeld();
            if (force) {
                channel.force(false);
            }
        } finally {
            channel.close();
        }
    }
}
