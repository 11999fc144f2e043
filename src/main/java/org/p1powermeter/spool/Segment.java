package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file of a {@link DiskSpool}: {@code <first sequence, 20 digits>.seg}, blocks ({@link RecordCodec})
 * of records with consecutive sequence numbers. Tracks the sequences it holds, its size ({@code bytes}, blocks
 * not yet written because the disk refused them included; {@code writtenBytes} without them) and when its newest
 * record was appended.
 */
final class Segment {

    static final String SUFFIX = ".seg";

    final Path path;
    final long firstSequence;
    long lastSequence;
    long bytes;
    long writtenBytes;
    long newestAppendMillis;

    Segment(Path path, long firstSequence) {
        this.path = path;
        this.firstSequence = firstSequence;
        this.lastSequence = firstSequence - 1;
    }

    static String fileName(long firstSequence) {
        return String.format("%020d%s", firstSequence, SUFFIX);
    }

    boolean isEmpty() {
        return lastSequence < firstSequence;
    }

    /** Records in this segment with a sequence above {@code acknowledged}. */
    long pendingAfter(long acknowledged) {
        return Math.max(0, lastSequence - Math.max(firstSequence - 1, acknowledged));
    }

    /** A block of records up to {@code last}, {@code size} bytes, was added (written or not yet). */
    void added(long last, long appendedAtMillis, int size) {
        lastSequence = last;
        bytes += size;
        newestAppendMillis = appendedAtMillis;
    }

    /** What opening an existing segment found: the segment and the damaged bytes cut off its end. */
    record Recovered(Segment segment, long corruptBytes, String reason) {
    }

    /**
     * Reads a segment left by an earlier run. A damaged or incomplete record (the app died while writing) and
     * everything after it are cut off, so appends and reads never see them.
     */
    static Recovered recover(Path path, long firstSequence) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            Segment segment = null;
            ChunkReader reader = new ChunkReader(channel);
            String reason = null;
            while (reader.offset() < size) {
                java.util.List<SpoolRecord> block;
                try {
                    block = reader.next(size);
                } catch (RecordCodec.Corrupt e) {
                    reason = e.getMessage();
                    break;
                }
                if (block == null) {
                    reason = "incomplete record at the end";
                    break;
                }
                SpoolRecord first = block.get(0);
                SpoolRecord last = block.get(block.size() - 1);
                if (segment == null) {
                    segment = new Segment(path, first.sequence());
                } else if (first.sequence() != segment.lastSequence + 1) {
                    reason = "sequence " + first.sequence() + " after " + segment.lastSequence;
                    break;
                }
                segment.added(last.sequence(), last.appendedAtMillis(), reader.lastRecordBytes());
            }
            if (segment != null) {
                segment.writtenBytes = segment.bytes;
            }
            long good = segment == null ? 0 : segment.bytes;
            if (good < size) {
                channel.truncate(good);
            }
            return new Recovered(segment == null ? new Segment(path, firstSequence) : segment, size - good, reason);
        }
    }

    /** Reads records one by one from a channel through a buffer that grows for a large record. */
    static final class ChunkReader {
        private final FileChannel channel;
        private ByteBuffer buffer = ByteBuffer.allocate(256 * 1024).flip();
        private long bufferStart;
        private long offset;
        private int lastRecordBytes;
        /** The raw form of the last block read: the dictionary of the next one. */
        private byte[] previousRaw;

        ChunkReader(FileChannel channel) {
            this(channel, 0);
        }

        ChunkReader(FileChannel channel, long offset) {
            this.channel = channel;
            this.offset = offset;
            this.bufferStart = offset;
        }

        long offset() {
            return offset;
        }

        int lastRecordBytes() {
            return lastRecordBytes;
        }

        /** The block at the offset, or null when the bytes up to {@code end} hold no complete block. */
        java.util.List<SpoolRecord> next(long end) throws IOException, RecordCodec.Corrupt {
            while (true) {
                int before = buffer.position();
                RecordCodec.Decoded decoded = RecordCodec.decode(buffer, previousRaw);
                java.util.List<SpoolRecord> record = decoded == null ? null : decoded.records();
                if (record != null) {
                    previousRaw = decoded.raw();
                    lastRecordBytes = buffer.position() - before;
                    offset += lastRecordBytes;
                    return record;
                }
                if (!fill(end)) {
                    return null;
                }
            }
        }

        /** Refills the buffer from the offset; false when no more bytes up to {@code end} can be added. */
        private boolean fill(long end) throws IOException {
            long available = end - offset;
            if (available <= buffer.remaining()) {
                return false;
            }
            if (buffer.remaining() == buffer.capacity()) {
                buffer = ByteBuffer.allocate(buffer.capacity() * 2).flip(); // a record larger than the buffer
            }
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), available));
            bufferStart = offset;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
                    break;
                }
            }
            buffer.flip();
            return true;
        }
    }
}
