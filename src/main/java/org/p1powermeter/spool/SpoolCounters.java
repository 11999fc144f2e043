package org.p1powermeter.spool;

/**
 * What a {@link DiskSpool} did since it was opened, and what it holds now.
 *
 * @param appended          events appended
 * @param delivered         events whose delivery was acknowledged
 * @param resent            events handed to the publisher again (after a reconnect) — at-least-once duplicates
 * @param recovered         undelivered events found on disk when the spool was opened (left by the last run)
 * @param droppedFull       undelivered events dropped because the spool was full (oldest first)
 * @param droppedExpired    undelivered events dropped because they were older than the age limit
 * @param corruptBytes      bytes of damaged records skipped while opening (a crash in the middle of a write)
 * @param depth             undelivered events in the spool now
 * @param bytes             bytes on disk now (delivered events included until their segment is deleted)
 */
public record SpoolCounters(long appended, long delivered, long resent, long recovered, long droppedFull,
        long droppedExpired, long corruptBytes, long depth, long bytes) {

    @Override
    public String toString() {
        return "spooled " + appended + ", delivered " + delivered + ", resent " + resent + ", recovered " + recovered
                + ", dropped (full) " + droppedFull + ", dropped (age) " + droppedExpired + ", corrupt bytes "
                + corruptBytes + ", waiting " + depth + " (" + bytes + " bytes on disk)";
    }
}
