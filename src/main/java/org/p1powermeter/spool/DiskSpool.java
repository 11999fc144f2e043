package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
 * undelivered records counted. Thread-safe.
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
    private final SegmentCursor cursor = new SegmentCursor();
    /** The newest records in memory too: a reader that keeps up never reads back what was just written. */
    private final SpoolTail tail = new SpoolTail(TAIL_BYTES);
    private SegmentWriter writer;
    private long nextSequence;
    private long acknowledged;
    private long writtenAcknowledged;
    private long lastRead;
    private long highestRead;
    private int waiters;
    private boolean closed;
    /** Appended records or an acknowledged position not yet written by {@link #flush()}; set under this lock. */
    private volatile boolean unflushed;
    /** The flusher waits on this (not on the spool, whose waiters are the reader); lock order: spool, then this. */
    private final Object flushSignal = new Object();
    private boolean flusherWaiting; // guarded by flushSignal

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
        SpoolDirectory.Recovery r = dir.recoverSegments(acknowledged);
        r.segments().forEach(segments::addLast);
        tally.corruptBytes = r.corruptBytes();
        nextSequence = Math.max(segments.isEmpty() ? 0 : segments.last().lastSequence, acknowledged) + 1;
        writtenAcknowledged = acknowledged;
        lastRead = acknowledged;
        highestRead = acknowledged;
        tally.recovered = depth();
        startSegment();
        cursor.moveTo(segments.first());
        if (tally.recovered > 0) {
            LOG.info("Spool {}: {} undelivered events from the last run", dir.path(), tally.recovered);
        }
    }

    /** Appends one message; returns its sequence. Never blocks on the broker; drops the oldest when full. */
    public synchronized long append(String topic, byte[] payload, int qos, boolean retained) throws IOException {
        ensureOpen();
        byte[] topicBytes = RecordCodec.topicBytes(topic);
        int size = RecordCodec.encodedSize(topicBytes, payload);
        if (writer.isFullFor(size, limits.segmentBytes())) {
            startSegment();
        }
        long sequence = nextSequence++;
        SpoolRecord record = new SpoolRecord(sequence, clock.millis(), topic, payload, qos, retained);
        writer.append(record, topicBytes, size);
        tail.add(record);
        tally.appended++;
        enforceSize();
        if (waiters > 0) {
            notifyAll();
        }
        markUnflushed();
        return sequence;
    }

    /**
     * Up to {@code max} records after the last one read, in order; empty when the reader is at the end. They come
     * from memory ({@link SpoolTail}) when it still holds them, else from the segment files.
     */
    public synchronized List<SpoolRecord> read(int max) throws IOException {
        ensureOpen();
        List<SpoolRecord> out = new ArrayList<>(Math.min(max, 1024));
        while (out.size() < max && lastRead + 1 < tail.firstSequence() && cursor.segment() != null) {
            if (cursor.segment() == writer.segment()) {
                writer.writeOut();
            }
            SpoolRecord record = cursor.next();
            if (record == null) {
                if (cursor.segment() == writer.segment()) {
                    break;
                }
                cursor.moveTo(segments.after(cursor.segment()));
                continue;
            }
            if (record.sequence() > lastRead) {
                out.add(record);
                lastRead = record.sequence();
            }
        }
        if (out.size() < max && lastRead + 1 >= tail.firstSequence()) {
            int fromFiles = out.size();
            tail.copyAfter(lastRead, max, out);
            if (out.size() > fromFiles) {
                lastRead = out.get(out.size() - 1).sequence();
            }
        }
        for (SpoolRecord r : out) {
            if (r.sequence() <= highestRead) {
                tally.resent++;
            }
        }
        highestRead = Math.max(highestRead, lastRead);
        return out;
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
            while (!closed && nextSequence - 1 <= lastRead && !stop.getAsBoolean()
                    && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
            return nextSequence - 1 > lastRead;
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
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (flushSignal) {
            flusherWaiting = true;
            try {
                long left;
                while (!unflushed && !stop.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
                    flushSignal.wait(Math.max(1, left / 1_000_000));
                }
                return unflushed;
            } finally {
                flusherWaiting = false;
            }
        }
    }

    /** Wakes a thread in {@link #awaitUnflushed} to check its stop condition. */
    public void wakeFlusher() {
        synchronized (flushSignal) {
            flushSignal.notifyAll();
        }
    }

    /** Called under the spool's lock: the first change after a flush wakes a waiting flusher (once). */
    private void markUnflushed() {
        if (!unflushed) {
            unflushed = true;
            synchronized (flushSignal) {
                if (flusherWaiting) {
                    flushSignal.notifyAll();
                }
            }
        }
    }

    /** Every record up to {@code sequence} was delivered; they are not read again, also not after a restart. */
    public synchronized void acknowledge(long sequence) throws IOException {
        if (sequence <= acknowledged) {
            return;
        }
        tally.delivered += segments.pendingAfter(acknowledged) - segments.pendingAfter(sequence);
        acknowledged = Math.min(sequence, nextSequence - 1);
        tail.dropThrough(acknowledged);
        while (segments.size() > 1 && segments.first().lastSequence <= acknowledged) {
            deleteOldest();
        }
        markUnflushed();
    }

    /** Reads again from the first record not acknowledged (after a lost connection). */
    public synchronized void rewind() {
        lastRead = acknowledged;
        cursor.moveTo(segments.firstPendingAfter(acknowledged));
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
        unflushed = false; // only once written: a failed write is tried again at the next flush
    }

    /** Drops the segments whose newest record is older than the age limit. */
    public synchronized void expire() throws IOException {
        long oldest = clock.millis() - limits.maxAge().toMillis();
        while (!closed && !segments.isEmpty() && segments.first().newestAppendMillis < oldest
                && !segments.first().isEmpty()) {
            if (segments.first() == writer.segment()) {
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
            writer.close(true);
            cursor.close();
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
        Segment s = segments.removeFirst();
        long dropped = s.pendingAfter(acknowledged);
        acknowledged = Math.max(acknowledged, s.lastSequence);
        lastRead = Math.max(lastRead, s.lastSequence);
        tail.dropThrough(acknowledged);
        if (cursor.segment() == s) {
            cursor.moveTo(segments.first());
        }
        Files.deleteIfExists(s.path);
        markUnflushed();
        return dropped;
    }

    private void startSegment() throws IOException {
        if (writer != null) {
            writer.close(false);
        }
        writer = new SegmentWriter(new Segment(dir.segmentPath(nextSequence), nextSequence));
        segments.addLast(writer.segment());
        if (cursor.segment() == null) {
            cursor.moveTo(writer.segment());
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the spool " + dir.path() + " is closed");
        }
    }
}
