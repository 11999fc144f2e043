package org.p1powermeter.spool;

import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running counts behind {@link SpoolCounters} (guarded by the spool's lock). Undelivered events dropped by a
 * limit are counted with a warning (logged under {@link DiskSpool}'s name).
 */
final class SpoolTally {

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);

    long appended;
    long delivered;
    long resent;
    long recovered;
    long droppedFull;
    long droppedExpired;
    long droppedUnwritable;
    long corruptBytes;

    SpoolCounters snapshot(long depth, long bytes, long heldBytes) {
        return new SpoolCounters(appended, delivered, resent, recovered, droppedFull, droppedExpired,
                droppedUnwritable, corruptBytes, depth, bytes, heldBytes);
    }

    /** Counts the undelivered events of a segment dropped because the spool {@code dir} passed {@code maxBytes}. */
    void countDroppedFull(long dropped, Path dir, long maxBytes) {
        droppedFull += dropped;
        if (dropped > 0) {
            LOG.warn("Spool {} is full ({} bytes): dropped the {} oldest undelivered events, whole telegrams ({} so far)",
                    dir, maxBytes, dropped, droppedFull);
        }
    }

    /** Counts the undelivered events of a segment dropped because they were older than {@code maxAge}. */
    void countDroppedExpired(long dropped, Path dir, Duration maxAge) {
        droppedExpired += dropped;
        if (dropped > 0) {
            LOG.warn("Spool {}: dropped {} undelivered events older than {} h ({} so far)", dir, dropped,
                    maxAge.toHours(), droppedExpired);
        }
    }
}
