package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Where the spool's reader is: a segment and a position in it (the file is opened on the first read). */
final class SegmentCursor {

    private Segment segment;
    private FileChannel channel;
    private Segment.ChunkReader reader;
    /** The rest of the block read last. */
    private final java.util.ArrayDeque<SpoolRecord> block = new java.util.ArrayDeque<>();

    Segment segment() {
        return segment;
    }

    /** Moves to the start of {@code next} (null: nowhere). */
    void moveTo(Segment next) {
        close();
        segment = next;
    }

    /** The next record of the segment, or null at its (current, written) end. */
    SpoolRecord next() throws IOException {
        if (!block.isEmpty()) {
            return block.pollFirst();
        }
        if (reader == null) {
            channel = FileChannel.open(segment.path, StandardOpenOption.READ);
            reader = new Segment.ChunkReader(channel);
        }
        try {
            java.util.List<SpoolRecord> next = reader.next(segment.writtenBytes);
            if (next == null) {
                return null;
            }
            block.addAll(next);
            return block.pollFirst();
        } catch (RecordCodec.Corrupt e) {
            throw new IOException("spool segment " + segment.path + " changed under the reader: " + e.getMessage());
        }
    }

    void close() {
        reader = null;
        block.clear();
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // a read-only channel: nothing was lost
            }
            channel = null;
        }
    }
}
