package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Appends records to the spool's newest segment through a 64 KiB buffer (written out on demand, no fsync). */
final class SegmentWriter {

    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final Segment segment;
    private final FileChannel channel;

    SegmentWriter(Segment segment) throws IOException {
        this.segment = segment;
        this.channel = FileChannel.open(segment.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    Segment segment() {
        return segment;
    }

    /** True when a record of {@code size} bytes belongs in a new segment. */
    boolean isFullFor(int size, long segmentBytes) {
        return segment.bytes + size > segmentBytes && !segment.isEmpty();
    }

    void append(SpoolRecord record, byte[] topicBytes, int size) throws IOException {
        if (buffer.remaining() < size) {
            writeOut();
        }
        ByteBuffer target = size <= buffer.capacity() ? buffer : ByteBuffer.allocate(size);
        RecordCodec.encode(target, record.sequence(), record.appendedAtMillis(), topicBytes, record.payload(),
                record.qos(), record.retained());
        if (target != buffer) {
            target.flip();
            while (target.hasRemaining()) {
                channel.write(target);
            }
        }
        segment.added(record, size);
    }

    /** Writes the buffer to the file (readers then see every appended record). */
    void writeOut() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Writes out and closes; {@code force} also syncs the file to the disk. */
    void close(boolean force) throws IOException {
        try {
            writeOut();
            if (force) {
                channel.force(false);
            }
        } finally {
            channel.close();
        }
    }
}
