package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, persistent, append-only queue of MQTT messages in segment files (see {@link SpoolDirectory}).
 * Appends are buffered (no fsync per event); {@link #flush()} writes the buffer and the acknowledged position and
 * is called on a short timer by the owner ({@link SpoolFlusher}) and at {@link #close()}. One reader (the
 * publisher) takes records in order with {@link #read}, confirms them with {@link #acknowledge} and goes back to
 * the first unconfirmed one with {@link #rewind} after a lost connection: delivery is at-least-once. When the
 * size limit is passed, or at {@link #expire()} for the age limit, the oldest segment is dropped and its
 * undelivered records counted. Thread-safe: everything runs under the spool's lock, including the reader's side
 * ({@link SpoolReader}) and the writer's ({@link SpoolWriter}); only the flusher waits on a lock of its own
 * ({@link FlushSignal}).
 */
public final class DiskSpool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);
    /** How much of the newest records is also held in memory (about 2,000 events of 450 bytes). */
    static final long TAIL_BYTES = 1 << 20;

    private final SpoolDirectory dir;
    private final SpoolLimits limits;
    private final Clock clock;
    private final SegmentList segments = new SegmentList();
    private final SpoolTally tally = new SpoolTally();
    private final SpoolReader reader = new SpoolReader(segments, tally, TAIL_BYTES);
    private final SpoolWriter writer;
    /** Appended records or an acknowledged position not yet written by {@link #flush()}; the flusher waits on it. */
    private final FlushSignal flushSignal = new FlushSignal();
    private long acknowledged;
    private long writtenAcknowledged;
    private int waiters;
    private boolean closed;

    private DiskSpool(SpoolDirectory dir, SpoolLimits limits, Clock clock) {
        this.dir = dir;
        this.limits = limits;
        this.clock = clock;
        this.writer = new SpoolWriter(dir, segments, reader, limits.segmentBytes(), clock);
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
        SpoolDirectory.Recovery r = dir.recoverSegments(acknowledged);
        r.segments().forEach(segments::addLast);
        tally.corruptBytes = r.corruptBytes();
        writtenAcknowledged = acknowledged;
        tally.recovered = depth();
        writer.start(acknowledged);
        reader.start(acknowledged);
        if (tally.recovered > 0) {
            LOG.info("Spool {}: {} undelivered events from the last run", dir.path(), tally.recovered);
        }
    }

    /** Appends one message; returns its sequence. Never blocks on the broker; drops the oldest when full. */
    public synchronized long append(String topic, byte[] payload, int qos, boolean retained) throws IOException {
        ensureOpen();
        SpoolRecord record = writer.append(topic, payload, qos, retained);
        reader.appended(record);
        tally.appended++;
        enforceSize();
        if (waiters > 0) {
            notifyAll();
        }
        flushSignal.markUnflushed();
        return record.sequence();
    }

    /**
     * Up to {@code max} records after the last one read, in order; empty when the reader is at the end. They come
     * from memory ({@link SpoolTail}) when it still holds them, else from the segment files.
     */
    public synchronized List<SpoolRecord> read(int max) throws IOException {
        ensureOpen();
        return reader.read(max, writer.segmentWriter());
    }

    /** Waits up to {@code millis} until there is something to read; true when there is. */
    public boolean awaitRecords(long millis) throws InterruptedException {
        return awaitRecords(millis, () -> false);
    }

    /**
     * Waits up to {@code millis} until there is something to read, or until {@code stop} holds (checked under the
     * spool's lock, so a {@link #wakeReaders()} after {@code stop} became true is never missed); true when there
     * is something to read.
     */
    public synchronized boolean awaitRecords(long millis, BooleanSupplier stop) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        waiters++;
        try {
            long left;
            while (!closed && writer.lastSequence() <= reader.lastRead() && !stop.getAsBoolean()
                    && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
            return writer.lastSequence() > reader.lastRead();
        } finally {
            waiters--;
        }
    }

    /** Wakes a thread in {@link #awaitRecords(long, BooleanSupplier)} to check its stop condition. */
    public synchronized void wakeReaders() {
        notifyAll();
    }

    /**
     * Waits up to {@code millis} until something was appended or acknowledged since the last {@link #flush()},
     * or until {@code stop} holds (after which {@link #wakeFlusher()} must be called); true when there is
     * something to flush. Lets the flusher sleep while nothing happens instead of waking on a timer.
     */
    public boolean awaitUnflushed(long millis, BooleanSupplier stop) throws InterruptedException {
        return flushSignal.await(millis, stop);
    }

    /** Wakes a thread in {@link #awaitUnflushed} to check its stop condition. */
    public void wakeFlusher() {
        flushSignal.wake();
    }

    /** Every record up to {@code sequence} was delivered; they are not read again, also not after a restart. */
    public synchronized void acknowledge(long sequence) throws IOException {
        if (sequence <= acknowledged) {
            return;
        }
        tally.delivered += segments.pendingAfter(acknowledged) - segments.pendingAfter(sequence);
        acknowledged = Math.min(sequence, writer.lastSequence());
        reader.acknowledged(acknowledged);
        while (segments.size() > 1 && segments.first().lastSequence <= acknowledged) {
            deleteOldest();
        }
        flushSignal.markUnflushed();
    }

    /** Reads again from the first record not acknowledged (after a lost connection). */
    public synchronized void rewind() {
        reader.rewind(acknowledged);
    }

    /** Writes the buffered records to the segment file and the acknowledged position, without fsync. */
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        writer.writeOut();
        if (writtenAcknowledged != acknowledged) {
            dir.writeAcknowledged(acknowledged);
            writtenAcknowledged = acknowledged;
        }
        flushSignal.markFlushed(); // only once written: a failed write is tried again at the next flush
    }

    /** Drops the segments whose newest record is older than the age limit. */
    public synchronized void expire() throws IOException {
        long oldest = clock.millis() - limits.maxAge().toMillis();
        while (!closed && !segments.isEmpty() && segments.first().newestAppendMillis < oldest
                && !segments.first().isEmpty()) {
            if (writer.isWriting(segments.first())) {
                writer.startSegment();
            }
            tally.countDroppedExpired(deleteOldest(), dir.path(), limits.maxAge());
        }
    }

    public synchronized long lastSequence() {
        return writer.lastSequence();
    }

    public synchronized long acknowledgedSequence() {
        return acknowledged;
    }

    public synchronized SpoolCounters counters() {
        return tally.snapshot(depth(), segments.bytes());
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
            writer.close();
            reader.close();
        } finally {
            closed = true;
            notifyAll();
            wakeFlusher();
            dir.close();
        }
    }

    private long depth() {
        return segments.pendingAfter(acknowledged);
    }

    private void enforceSize() throws IOException {
        long total = segments.bytes();
        while (total > limits.maxBytes() && segments.size() > 1) {
            total -= segments.first().bytes;
            tally.countDroppedFull(deleteOldest(), dir.path(), limits.maxBytes());
        }
    }

    /** Deletes the oldest segment; returns how many undelivered records went with it. */
    private long deleteOldest() throws IOException {
        Segment s = segments.removeFirst();
        long dropped = s.pendingAfter(acknowledged);
        acknowledged = Math.max(acknowledged, s.lastSequence);
        reader.segmentRemoved(s, acknowledged);
        Files.deleteIfExists(s.path);
        flushSignal.markUnflushed();
        return dropped;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the spool " + dir.path() + " is closed");
        }
    }
}
