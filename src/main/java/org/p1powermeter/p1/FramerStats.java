package org.p1powermeter.p1;

/**
 * An immutable snapshot of a {@link TelegramFramer}'s counters since it was created. Every byte fed is counted
 * exactly once, either in {@link #telegramBytes()} or in {@link #droppedBytes(DropReason)}, as soon as it has been
 * reported to the listener (bytes still pending inside the framer are in neither).
 */
public final class FramerStats {

    private static final DropReason[] REASONS = DropReason.values();

    private final long telegrams;
    private final long telegramBytes;
    private final long crcMismatches;
    private final long[] droppedFrames;
    private final long[] droppedBytes;

    FramerStats(long telegrams, long telegramBytes, long crcMismatches, long[] droppedFrames, long[] droppedBytes) {
        this.telegrams = telegrams;
        this.telegramBytes = telegramBytes;
        this.crcMismatches = crcMismatches;
        this.droppedFrames = droppedFrames.clone();
        this.droppedBytes = droppedBytes.clone();
    }

    /** Telegrams passed to {@link FrameListener#onTelegram}. */
    public long telegrams() {
        return telegrams;
    }

    /** Bytes of the telegrams passed on. */
    public long telegramBytes() {
        return telegramBytes;
    }

    /** Telegrams whose CRC was present and wrong, whatever the policy (under {@link CrcPolicy#OFF} they pass). */
    public long crcMismatches() {
        return crcMismatches;
    }

    /**
     * How many times bytes were dropped for {@code reason}: one per dropped telegram, and one per run of noise
     * (a run is reported once however many bytes or {@code feed} calls it spans).
     */
    public long dropped(DropReason reason) {
        return droppedFrames[reason.ordinal()];
    }

    /** Same as {@link #dropped(DropReason)}. */
    public long droppedFrames(DropReason reason) {
        return droppedFrames[reason.ordinal()];
    }

    /** Bytes dropped for {@code reason}. */
    public long droppedBytes(DropReason reason) {
        return droppedBytes[reason.ordinal()];
    }

    /** Drop events for any reason. */
    public long totalDropped() {
        long sum = 0;
        for (long n : droppedFrames) {
            sum += n;
        }
        return sum;
    }

    /** Bytes dropped for any reason. */
    public long totalDroppedBytes() {
        long sum = 0;
        for (long n : droppedBytes) {
            sum += n;
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FramerStats[telegrams=").append(telegrams)
                .append(" (").append(telegramBytes).append(" bytes), crcMismatches=").append(crcMismatches);
        for (DropReason reason : REASONS) {
            if (droppedFrames[reason.ordinal()] != 0) {
                s.append(", ").append(reason).append('=').append(droppedFrames[reason.ordinal()])
                        .append(" (").append(droppedBytes[reason.ordinal()]).append(" bytes)");
            }
        }
        return s.append(']').toString();
    }
}
