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
 * Appended records gather in an open block (a telegram's events) that {@link #seal()} compresses and writes at
 * once, one write per telegram without fsync: a kill -9 loses at most the block not yet sealed. {@link #flush()},
 * on a short timer ({@link SpoolFlusher}), seals a block left open, writes blocks the disk refused before and the
 * acknowledged position. One reader (the publisher) takes records in order with {@link #read}, confirms them with
 * {@link #acknowledge} and goes back to the first unconfirmed one with {@link #rewind} after a lost connection:
 * delivery is at-least-once. When the size limit is reached, {@link WhenFull} says whether the writer waits for
 * room or the oldest segment is dropped (its undelivered records counted); {@link #expire()} applies the age limit.
 * A disk that refuses a write (full, failing) never damages what is written: the block is held in memory (and read
 * from there) up to {@link SpoolLimits#maxHeldBytes()}, past which new telegrams are dropped and counted; the error
 * is logged once per change of state. Thread-safe: everything runs under the spool's lock, including the reader's
 * side ({@link SpoolReader}) and the writer's ({@link SpoolWriter}); only the flusher waits on a lock of its own
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
    /** A block open longer than this is sealed by {@link #flush()} (its telegram's last event was filtered out). */
    static final long SEAL_AFTER_MILLIS = 100;
    private volatile WhenFull whenFull = WhenFull.DROP_OLDEST;
    private boolean diskRefuses;
    private boolean refusingBlock;
    private boolean waitingForRoom;
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

    /** What {@link #append} does when the spool holds its size limit (default {@link WhenFull#DROP_OLDEST}). */
    public void setWhenFull(WhenFull whenFull) {
        this.whenFull = whenFull;
    }

    /** Appends one message as a block of its own and writes it ({@link #appendToBlock} then {@link #seal}). */
    public synchronized long append(String topic, byte[] payload, int qos, boolean retained) throws IOException {
        long sequence = appendToBlock(topic, payload, qos, retained);
        seal();
        return sequence;
    }

    /**
     * Adds one message to the open block; returns its sequence, or -1 when it was dropped because the disk refuses
     * writes and the memory bound is reached (counted). Never blocks on the broker; at the start of a block a full
     * spool waits for room ({@link WhenFull#WAIT}) or drops the oldest segment after the seal. Nothing is written
     * before {@link #seal()} (a telegram's events are one block).
     */
    public synchronized long appendToBlock(String topic, byte[] payload, int qos, boolean retained) throws IOException {
        ensureOpen();
        if (writer.openRecords() == 0) {
            startBlock();
        }
        if (refusingBlock) {
            tally.droppedUnwritable++;
            return -1;
        }
        SpoolRecord record = writer.append(topic, payload, qos, retained);
        reader.appended(record, writer.writtenThrough());
        tally.appended++;
        if (writer.openRecords() >= RecordCodec.MAX_BLOCK_MESSAGES || writer.openBytes() >= BLOCK_BYTES) {
            seal();
        }
        if (waiters > 0) {
            notifyAll();
        }
        flushSignal.markUnflushed();
        return record.sequence();
    }

    /** The most uncompressed bytes in one block: a larger batch is sealed in several. */
    static final long BLOCK_BYTES = 1 << 20;

    /**
     * Compresses the open block (the messages appended since the last seal: one telegram's events) and writes it to
     * the newest segment at once. A disk that refuses the write leaves the block held in memory (see the class
     * comment); the size limit is applied after it.
     */
    public synchronized void seal() throws IOException {
        ensureOpen();
        refusingBlock = false;
        if (writer.openRecords() == 0) {
            return;
        }
        try {
            writer.seal();
            diskTakesWrites();
        } catch (IOException e) {
            diskRefused(e);
        }
        reader.written(writer.writtenThrough());
        if (whenFull == WhenFull.DROP_OLDEST) {
            enforceSize();
        }
    }

    /** At the start of a block: waits for room when full ({@link WhenFull#WAIT}); refuses the block when too much is held. */
    private void startBlock() throws IOException {
        try {
            while (whenFull == WhenFull.WAIT && !closed && isFull()) {
                if (!waitingForRoom) {
                    waitingForRoom = true;
                    LOG.warn("Spool {} is full ({} bytes, {} events waiting): reading waits until the broker takes events",
                            dir.path(), limits.maxBytes(), pendingAfter(acknowledged));
                }
                roomWaiters++;
                try {
                    wait(1000);
                } finally {
                    roomWaiters--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for room in the spool " + dir.path());
        }
        ensureOpen();
        if (waitingForRoom) {
            waitingForRoom = false;
            LOG.info("Spool {} has room again: reading goes on", dir.path());
        }
        if (writer.heldBytes() > 0) {
            retryHeld();
        }
        refusingBlock = writer.heldBytes() >= limits.maxHeldBytes();
        if (refusingBlock && !loggedRefusing) {
            loggedRefusing = true;
            LOG.error("Spool {}: the disk still refuses writes and {} bytes are held in memory: new telegrams are dropped"
                    + " (counted) until it takes writes again", dir.path(), writer.heldBytes());
        }
    }

    private boolean loggedRefusing;
    private int roomWaiters;

    /** True when the files hold the size limit and dropping delivered segments can make room. */
    private boolean isFull() {
        return segments.bytes() >= limits.maxBytes() && segments.size() > 1;
    }

    private void retryHeld() {
        try {
            writer.writeHeld();
            diskTakesWrites();
        } catch (IOException e) {
            diskRefused(e);
        }
        reader.written(writer.writtenThrough());
    }

    private void diskRefused(IOException e) {
        if (!diskRefuses) {
            diskRefuses = true;
            LOG.error("Spool {}: cannot write ({}); what is written stays, new events are held in memory (up to {} bytes)"
                    + " and written when the disk takes them again", dir.path(), e.getMessage(), limits.maxHeldBytes());
        }
    }

    private void diskTakesWrites() {
        if (diskRefuses && writer.heldBytes() == 0) {
            diskRefuses = false;
            loggedRefusing = false;
            LOG.info("Spool {}: the disk takes writes again; everything held in memory is written", dir.path());
        }
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
        if (limboFrom <= limboTo && sequence >= limboFrom) { // in flight when their segment was dropped: delivered
            long upTo = Math.min(sequence, limboTo);
            tally.delivered += upTo - limboFrom + 1;
            limboFrom = upTo + 1;
        }
        if (sequence <= acknowledged) {
            return;
        }
        tally.delivered += pendingAfter(acknowledged) - pendingAfter(sequence);
        acknowledged = Math.min(sequence, writer.lastSequence());
        reader.acknowledged(acknowledged);
        while (segments.size() > 1 && segments.first().lastSequence <= acknowledged) {
            deleteOldest();
        }
        flushSignal.markUnflushed();
    }

    /** Records after {@code sequence}: in the segments (written or held) and in the open block. */
    private long pendingAfter(long sequence) {
        return segments.pendingAfter(sequence) + writer.openPendingAfter(sequence);
    }

    /** Reads again from the first record not acknowledged (after a lost connection). */
    public synchronized void rewind() {
        settleLimbo();
        reader.rewind(acknowledged);
    }

    /**
     * Records handed to the publisher (in flight) whose segment a limit dropped: {@code limboFrom..limboTo}. They are
     * counted as delivered when the broker acknowledges them, as dropped (full) when the connection is lost first
     * or the spool closes: so the counters match what the broker got.
     */
    private long limboFrom = 1;
    private long limboTo;

    private void settleLimbo() {
        if (limboFrom <= limboTo) {
            tally.countDroppedFull(limboTo - limboFrom + 1, dir.path(), limits.maxBytes());
            limboFrom = limboTo + 1;
        }
    }

    /**
     * Seals a block left open for {@link #SEAL_AFTER_MILLIS} (normally the producer seals each telegram), writes the
     * blocks the disk refused before and the acknowledged position, without fsync. Nothing here throws on a disk
     * that refuses writes: that is logged once per change of state and tried again at the next flush.
     */
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        if (writer.openRecords() > 0 && clock.millis() - writer.openSince() >= SEAL_AFTER_MILLIS) {
            seal();
        }
        if (writer.heldBytes() > 0) {
            retryHeld();
        }
        if (writtenAcknowledged != acknowledged) {
            try {
                dir.writeAcknowledged(acknowledged);
                writtenAcknowledged = acknowledged;
            } catch (IOException e) {
                diskRefused(e);
            }
        }
        if (writer.openRecords() == 0 && writer.heldBytes() == 0 && writtenAcknowledged == acknowledged) {
            flushSignal.markFlushed(); // only once written: what is left is tried again at the next flush
        }
    }

    /** Drops the segments whose newest record is older than the age limit. */
    public synchronized void expire() throws IOException {
        long oldest = clock.millis() - limits.maxAge().toMillis();
        while (!closed && !segments.isEmpty() && segments.first().newestAppendMillis < oldest
                && !segments.first().isEmpty() && writer.heldBytes() == 0) {
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
        return tally.snapshot(depth(), segments.bytes() - writer.heldBytes(), writer.heldBytes());
    }

    public Path directory() {
        return dir.path();
    }

    /** Seals and writes what is open or held, syncs and closes; what the disk still refuses is counted as dropped. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        settleLimbo();
        try {
            flush();
            writer.close();
        } catch (IOException e) {
            long lost = writer.lastSequence() - Math.max(writer.writtenThrough(), acknowledged);
            tally.droppedUnwritable += Math.max(0, lost);
            LOG.error("Spool {}: {} undelivered events held in memory could not be written before closing ({})",
                    dir.path(), lost, e.getMessage());
        } finally {
            closed = true;
            reader.close();
            notifyAll();
            wakeFlusher();
            try {
                if (writtenAcknowledged != acknowledged) {
                    dir.writeAcknowledged(acknowledged);
                }
            } catch (IOException e) {
                LOG.debug("acknowledged position not written: {}", e.getMessage());
            }
            dir.close();
        }
    }

    private long depth() {
        return pendingAfter(acknowledged);
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
        long pendingFrom = Math.max(acknowledged, s.firstSequence - 1) + 1;
        long inFlightTo = Math.min(s.lastSequence, reader.highestRead());
        if (inFlightTo >= pendingFrom) { // sent, not yet acknowledged: counted when their fate is known
            limboFrom = limboFrom <= limboTo ? limboFrom : pendingFrom;
            limboTo = inFlightTo;
        }
        long dropped = s.lastSequence - Math.max(pendingFrom - 1, inFlightTo);
        dropped = Math.max(0, Math.min(dropped, s.pendingAfter(acknowledged)));
        acknowledged = Math.max(acknowledged, s.lastSequence);
        reader.segmentRemoved(s, acknowledged);
        Files.deleteIfExists(s.path);
        flushSignal.markUnflushed();
        if (roomWaiters > 0) {
            notifyAll();
        }
        return dropped;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the spool " + dir.path() + " is closed");
        }
    }
}
