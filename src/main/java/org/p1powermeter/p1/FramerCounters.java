package org.p1powermeter.p1;

/** The mutable counters behind {@link FramerStats}, updated once per telegram or drop (never per byte). */
final class FramerCounters {

    private long telegrams;
    private long telegramBytes;
    private long crcMismatches;
    private final long[] droppedFrames = new long[DropReason.values().length];
    private final long[] droppedBytes = new long[DropReason.values().length];

    void telegram(int byteCount) {
        telegrams++;
        telegramBytes += byteCount;
    }

    void crcMismatch() {
        crcMismatches++;
    }

    void dropped(DropReason reason, int byteCount) {
        droppedFrames[reason.ordinal()]++;
        droppedBytes[reason.ordinal()] += byteCount;
    }

    FramerStats snapshot() {
        return new FramerStats(telegrams, telegramBytes, crcMismatches, droppedFrames, droppedBytes);
    }
}
