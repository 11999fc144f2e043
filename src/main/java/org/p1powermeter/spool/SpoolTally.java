package org.p1powermeter.spool;

/** The running counts behind {@link SpoolCounters} (guarded by the spool's lock). */
final class SpoolTally {
    long appended;
    long delivered;
    long resent;
    long recovered;
    long droppedFull;
    long droppedExpired;
    long corruptBytes;

    SpoolCounters snapshot(long depth, long bytes) {
        return new SpoolCounters(appended, delivered, resent, recovered, droppedFull, droppedExpired, corruptBytes,
                depth, bytes);
    }
}
