package org.p1powermeter.spool;

/**
 * What a {@link DiskSpool} did since it was opened, and what it holds now: the one source of these counts (the
 * {@code p1spool:} endpoint and its component hand them on to logs and metrics).
 *
 * @param appended          events appended
 * @param delivered         events whose delivery was acknowledged (at QoS 0: written to the broker's socket)
 * @param resent            events handed to the publisher again (after a reconnect) — at-least-once duplicates
 * @param recovered         undelivered events found on disk when the spool was opened (left by the last run)
 * @param droppedFull       undelivered events dropped because the spool was full (oldest first, whole telegrams)
 * @param droppedExpired    undelivered events dropped because they were older than the age limit
 * @param droppedUnwritable events dropped because the disk refused them and the memory bound was reached (or they
 *                          were still held when the spool closed)
 * @param corruptBytes      bytes of damaged records skipped while opening (a crash in the middle of a write)
 * @param depth             undelivered events in the spool now
 * @param bytes             bytes in the segment files now (delivered events included until their segment is deleted)
 * @param heldBytes         bytes held in memory because the disk refused them
 */
public record SpoolCounters(long appended, long delivered, long resent, long recovered, long droppedFull,
        long droppedExpired, long droppedUnwritable, long corruptBytes, long depth, long bytes, long heldBytes) {

    /** No spool (yet): all zero. */
    public static final SpoolCounters NONE = new SpoolCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Events lost for any reason. */
    public long dropped() {
        return droppedFull + droppedExpired + droppedUnwritable;
    }

    /** The sum of two spools' counters (a host with several {@code p1spool:} endpoints). */
    public SpoolCounters plus(SpoolCounters o) {
        return new SpoolCounters(appended + o.appended, delivered + o.delivered, resent + o.resent,
                recovered + o.recovered, droppedFull + o.droppedFull, droppedExpired + o.droppedExpired,
                droppedUnwritable + o.droppedUnwritable, corruptBytes + o.corruptBytes, depth + o.depth,
                bytes + o.bytes, heldBytes + o.heldBytes);
    }

    @Override
    public String toString() {
        return "spooled " + appended + ", delivered " + delivered + ", resent " + resent + ", recovered " + recovered
                + ", dropped (full) " + droppedFull + ", dropped (age) " + droppedExpired + ", dropped (disk) "
                + droppedUnwritable + ", corrupt bytes " + corruptBytes + ", waiting " + depth + " (" + bytes
                + " bytes in files" + (heldBytes > 0 ? ", " + heldBytes + " bytes held in memory" : "") + ")";
    }
}
