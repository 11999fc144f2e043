package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, persistent, append-only queue of MQTT messages in segment files (see {@link SpoolDirectory}).
 * Appends are buffered (no fsync per event); {@link #flush()} writes the buffer and the acknowledged position and
 * is called on a short timer by the owner ({@link SpoolFlusher}) and at {@link #close()}. One reader (the
 * publisher) takes records in order with {@link #read}, confirms them with {@link #acknowledge} and goes back to
 * the first unconfirmed one with {@link #rewind} after a lost connection: delivery is at-least-once. When the
 * size limit is passed, or at {@link #expire()} for the age limit, the oldest segment is dropped and its
 * undelivered records counted. Thread-safe.
 */
public final class DiskSpool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);

    private final SpoolDirectory dir;
    private final SpoolLimits limits;
    private final Clock clock;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(64 * 1024);
    private final SpoolTally tally = new SpoolTally();
    private Segment current;
    private FileChannel writeChannel;
    private long nextSequence;
    private long acknowledged;
    private long writtenAcknowledged;
    private Segment readSegment;
    private Segment.ChunkReader reader;
    private FileChannel readChannel;
    private long lastRead;
    private long highestRead;
    private int waiters;
    private boolean closed;

    private DiskSpool(SpoolDirectory dir, SpoolLimits limits, Clock clock) {
        this.dir = dir;
        this.limits = limits;
        this.clock = clock;
    }

    /** Opens (or creates) the spool in {@code directory}, recovering what an earlier run left there. */
    public static DiskSpool open(Path directory, SpoolLimits limits, Clock clock) throws IOException {
        SpoolDirectory dir = SpoolDirectory.open(directory.toAbsolutePath().normalize());
        DiskSpool spool = new DiskSpool(dir, limits, clock);
        try {
            spool.recover();
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        return spool;
    }

    private void recover() throws IOException {
        acknowledged = dir.readAcknowledged();
        long last = 0;
        for (Path file : dir.segmentFiles()) {
            Segment.Recovered r = Segment.recover(file, SpoolDirectory.firstSequenceOf(file));
            if (r.corruptBytes() > 0) {
                tally.corruptBytes += r.corruptBytes();
                LOG.warn("Spool {}: skipped {} damaged bytes at the end of {} ({}), the rest is kept", dir.path(),
                        r.corruptBytes(), file.getFileName(), r.reason());
            }
            Segment s = r.segment();
            if (s.isEmpty() || s.lastSequence <= acknowledged || s.firstSequence <= last) { // delivered or overlapping
                Files.deleteIfExists(file);
                continue;
            }
            segments.addLast(s);
            last = s.lastSequence;
        }
        nextSequence = Math.max(last, acknowledged) + 1;
        writtenAcknowledged = acknowledged;
        lastRead = acknowledged;
        highestRead = acknowledged;
        tally.recovered = depth();
        startSegment();
        readSegment = segments.peekFirst();
        if (tally.recovered > 0) {
            LOG.info("Spool {}: {} undelivered events from the last run", dir.path(), tally.recovered);
        }
    }

    /** Appends one message; returns its sequence. Never blocks on the broker; drops the oldest when full. */
    public synchronized long append(String topic, byte[] payload, int qos, boolean retained) throws IOException {
        ensureOpen();
        byte[] topicBytes = RecordCodec.topicBytes(topic);
        int size = RecordCodec.encodedSize(topicBytes, payload);
        if (current.bytes + size > limits.segmentBytes() && !current.isEmpty()) {
            startSegment();
        }
        if (writeBuffer.remaining() < size) {
            writeOut();
        }
        long sequence = nextSequence++;
        long now = clock.millis();
        ByteBuffer target = size <= writeBuffer.capacity() ? writeBuffer : ByteBuffer.allocate(size);
        RecordCodec.encode(target, sequence, now, topicBytes, payload, qos, retained);
        if (target != writeBuffer) {
            target.flip();
            while (target.hasRemaining()) {
                writeChannel.write(target);
            }
        }
        current.added(new SpoolRecord(sequence, now, topic, payload, qos, retained), size);
        tally.appended++;
        enforceSize();
        if (waiters > 0) {
            notifyAll();
        }
        return sequence;
    }

    /** Up to {@code max} records after the last one read, in order; empty when the reader is at the end. */
    public synchronized List<SpoolRecord> read(int max) throws IOException {
        ensureOpen();
        List<SpoolRecord> out = new ArrayList<>(Math.min(max, 1024));
        while (out.size() < max && readSegment != null) {
            if (readSegment == current) {
                writeOut();
            }
            if (reader == null) {
                readChannel = FileChannel.open(readSegment.path, StandardOpenOption.READ);
                reader = new Segment.ChunkReader(readChannel);
            }
            SpoolRecord record;
            try {
                record = reader.next(readSegment.bytes);
            } catch (RecordCodec.Corrupt e) {
                throw new IOException("spool segment " + readSegment.path + " changed under the reader: " + e.getMessage());
            }
            if (record == null) {
                if (readSegment == current) {
                    break;
                }
                moveReaderTo(next(readSegment));
                continue;
            }
            if (record.sequence() <= lastRead) {
                continue;
            }
            if (record.sequence() <= highestRead) {
                tally.resent++;
            }
            lastRead = record.sequence();
            highestRead = Math.max(highestRead, lastRead);
            out.add(record);
        }
        return out;
    }

    /** Waits up to {@code millis} until there is something to read; true when there is. */
    public synchronized boolean awaitRecords(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        waiters++;
        try {
            long left;
            while (!closed && nextSequence - 1 <= lastRead && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
            return nextSequence - 1 > lastRead;
        } finally {
            waiters--;
        }
    }

    /** Every record up to {@code sequence} was delivered; they are not read again, also not after a restart. */
    public synchronized void acknowledge(long sequence) throws IOException {
        if (sequence <= acknowledged) {
            return;
        }
        long advanced = 0;
        for (Segment s : segments) {
            advanced += s.pendingAfter(acknowledged) - s.pendingAfter(sequence);
        }
        tally.delivered += advanced;
        acknowledged = Math.min(sequence, nextSequence - 1);
        while (segments.size() > 1 && segments.peekFirst().lastSequence <= acknowledged) {
            deleteOldest();
        }
    }

    /** Reads again from the first record not acknowledged (after a lost connection). */
    public synchronized void rewind() {
        lastRead = acknowledged;
        Segment first = segments.peekFirst();
        for (Segment s : segments) {
            if (s.lastSequence > acknowledged) {
                first = s;
                break;
            }
        }
        moveReaderTo(first);
    }

    /** Writes the buffered records to the segment file and the acknowledged position, without fsync. */
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        writeOut();
        if (writtenAcknowledged != acknowledged) {
            dir.writeAcknowledged(acknowledged);
            writtenAcknowledged = acknowledged;
        }
    }

    /** Drops the segments whose newest record is older than the age limit. */
    public synchronized void expire() throws IOException {
        long oldest = clock.millis() - limits.maxAge().toMillis();
        while (!closed && !segments.isEmpty() && segments.peekFirst().newestAppendMillis < oldest
                && !segments.peekFirst().isEmpty()) {
            if (segments.peekFirst() == current) {
                startSegment();
            }
            long dropped = deleteOldest();
            tally.droppedExpired += dropped;
            if (dropped > 0) {
                LOG.warn("Spool {}: dropped {} undelivered events older than {} h ({} so far)", dir.path(), dropped,
                        limits.maxAge().toHours(), tally.droppedExpired);
            }
        }
    }

    public synchronized long lastSequence() {
        return nextSequence - 1;
    }

    public synchronized long acknowledgedSequence() {
        return acknowledged;
    }

    public synchronized SpoolCounters counters() {
        long bytes = 0;
        for (Segment s : segments) {
            bytes += s.bytes;
        }
        return tally.snapshot(depth(), bytes);
    }

    public Path directory() {
        return dir.path();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
            writeChannel.force(false);
            writeChannel.close();
            closeReader();
        } finally {
            closed = true;
            notifyAll();
            dir.close();
        }
    }

    private long depth() {
        long depth = 0;
        for (Segment s : segments) {
            depth += s.pendingAfter(acknowledged);
        }
        return depth;
    }

    private void enforceSize() throws IOException {
        long total = 0;
        for (Segment s : segments) {
            total += s.bytes;
        }
        while (total > limits.maxBytes() && segments.size() > 1) {
            total -= segments.peekFirst().bytes;
            long dropped = deleteOldest();
            tally.droppedFull += dropped;
            if (dropped > 0) {
                LOG.warn("Spool {} is full ({} bytes): dropped the {} oldest undelivered events ({} so far)",
                        dir.path(), limits.maxBytes(), dropped, tally.droppedFull);
            }
        }
    }

    /** Deletes the oldest segment; returns how many undelivered records went with it. */
    private long deleteOldest() throws IOException {
        Segment s = segments.pollFirst();
        long dropped = s.pendingAfter(acknowledged);
        acknowledged = Math.max(acknowledged, s.lastSequence);
        lastRead = Math.max(lastRead, s.lastSequence);
        if (readSegment == s) {
            moveReaderTo(segments.peekFirst());
        }
        Files.deleteIfExists(s.path);
        return dropped;
    }

    private void startSegment() throws IOException {
        if (writeChannel != null) {
            writeOut();
            writeChannel.close();
        }
        current = new Segment(dir.segmentPath(nextSequence), nextSequence);
        writeChannel = FileChannel.open(current.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        segments.addLast(current);
        if (readSegment == null) {
            moveReaderTo(current);
        }
    }

    private void writeOut() throws IOException {
        writeBuffer.flip();
        while (writeBuffer.hasRemaining()) {
            writeChannel.write(writeBuffer);
        }
        writeBuffer.clear();
    }

    private Segment next(Segment s) {
        boolean found = false;
        for (Segment candidate : segments) {
            if (found) {
                return candidate;
            }
            found = candidate == s;
        }
        return null;
    }

    private void moveReaderTo(Segment s) {
        closeReader();
        readSegment = s;
    }

    private void closeReader() {
        reader = null;
        if (readChannel != null) {
            try {
                readChannel.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", readSegment.path, e.getMessage());
            }
            readChannel = null;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the spool " + dir.path() + " is closed");
        }
    }
}
