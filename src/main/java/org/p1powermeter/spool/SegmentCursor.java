package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Where the spool's reader is: a segment and a position in it (the file is opened on the first read). */
final class SegmentCursor {

    private Segment segment;
    private FileChannel channel;
    private Segment.ChunkReader reader;

    Segment segment() {
        return segment;
    }

    /** Moves to the start of {@code next} (null: nowhere). */
    void moveTo(Segment next) {
        close();
        segment = next;
    }

    /** The next record of the segment, or null at its (current) end. */
    SpoolRecord next() throws IOException {
        if (reader == null) {
            channel = FileChannel.open(segment.path, StandardOpenOption.READ);
            reader = new Segment.ChunkReader(channel);
        }
        try {
            return reader.next(segment.bytes);
        } catch (RecordCodec.Corrupt e) {
            throw new IOException("spool segment " + segment.path + " changed under the reader: " + e.getMessage());
        }
    }

    void close() {
        reader = null;
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
