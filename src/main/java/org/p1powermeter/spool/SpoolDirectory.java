package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a spool directory: the segment files, {@code acknowledged} (the sequence up to which every event
 * was delivered, see {@link AckFile}) and {@code lock} (held while a spool is open, so two bridges cannot share
 * one directory).
 */
final class SpoolDirectory implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiskSpool.class);

    private static final String LOCK_FILE = "lock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AckFile ackFile;

    private SpoolDirectory(Path dir, FileChannel lockChannel, FileLock lock, AckFile ackFile) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.ackFile = ackFile;
    }

    static SpoolDirectory open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) { // held in this JVM
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the spool directory " + dir + " is in use by another process");
        }
        try {
            return new SpoolDirectory(dir, channel, lock, AckFile.open(dir));
        } catch (IOException | RuntimeException e) {
            channel.close(); // releases the lock
            throw e;
        }
    }

    Path path() {
        return dir;
    }

    /** The segment files, oldest first, with the first sequence their name gives. */
    List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().matches("\\d{20}\\" + Segment.SUFFIX))
                    .sorted().toList());
        }
    }

    /** The segments an earlier run left, oldest first, and the damaged bytes cut off their ends. */
    record Recovery(List<Segment> segments, long corruptBytes) {
    }

    /**
     * Opens the segment files an earlier run left: cuts a damaged end off (with a warning) and deletes those
     * holding only records up to {@code acknowledged} (delivered), empty ones and overlapping ones.
     */
    Recovery recoverSegments(long acknowledged) throws IOException {
        List<Segment> kept = new ArrayList<>();
        long corrupt = 0;
        long last = 0;
        for (Path file : segmentFiles()) {
            Segment.Recovered r = Segment.recover(file, firstSequenceOf(file));
            if (r.corruptBytes() > 0) {
                corrupt += r.corruptBytes();
                LOG.warn("Spool {}: skipped {} damaged bytes at the end of {} ({}), the rest is kept", dir,
                        r.corruptBytes(), file.getFileName(), r.reason());
            }
            Segment s = r.segment();
            if (s.isEmpty() || s.lastSequence <= acknowledged || s.firstSequence <= last) {
                Files.deleteIfExists(file);
                continue;
            }
            kept.add(s);
            last = s.lastSequence;
        }
        return new Recovery(kept, corrupt);
    }

    static long firstSequenceOf(Path segmentFile) {
        String name = segmentFile.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - Segment.SUFFIX.length()));
    }

    Path segmentPath(long firstSequence) {
        return dir.resolve(Segment.fileName(firstSequence));
    }

    /** The acknowledged sequence of the last run, 0 when there is none (or it is unreadable). */
    long readAcknowledged() {
        try {
            return ackFile.read();
        } catch (IOException e) {
            LOG.warn("Spool {}: cannot read {} ({}): every event in the spool is sent again", dir, AckFile.NAME,
                    e.getMessage());
            return 0;
        }
    }

    void writeAcknowledged(long sequence) throws IOException {
        ackFile.write(sequence);
    }

    @Override
    public void close() throws IOException {
        try (AckFile ack = ackFile) {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
