package org.p1powermeter.spool;

import java.time.Duration;

/**
 * How much a {@link DiskSpool} keeps: at most {@code maxBytes} on disk and nothing older than {@code maxAge}; the
 * oldest segment is dropped first. {@code segmentBytes} is the size at which a new segment file is started (drops
 * happen a segment at a time). {@code maxHeldBytes}: how much the spool holds in memory while the disk refuses
 * writes (full or failing); past it, new telegrams are dropped and counted until the disk takes writes again.
 */
public record SpoolLimits(long maxBytes, Duration maxAge, long segmentBytes, long maxHeldBytes) {

    /** The default of {@code maxHeldBytes}. */
    public static final long HELD_BYTES = 4L << 20;

    public SpoolLimits(long maxBytes, Duration maxAge, long segmentBytes) {
        this(maxBytes, maxAge, segmentBytes, HELD_BYTES);
    }

    public SpoolLimits {
        if (maxHeldBytes < 0) {
            throw new IllegalArgumentException("maxHeldBytes must not be negative: " + maxHeldBytes);
        }
        if (maxBytes <= 0 || segmentBytes <= 0 || segmentBytes > maxBytes) {
            throw new IllegalArgumentException("need 0 < segmentBytes <= maxBytes: " + segmentBytes + ", " + maxBytes);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }

    /** {@code maxBytes} and {@code maxAge}, with segments of an eighth of the size (4 KiB to 8 MiB). */
    public static SpoolLimits of(long maxBytes, Duration maxAge) {
        return of(maxBytes, maxAge, HELD_BYTES);
    }

    /** As {@link #of(long, Duration)}, holding up to {@code maxHeldBytes} in memory while the disk refuses writes. */
    public static SpoolLimits of(long maxBytes, Duration maxAge, long maxHeldBytes) {
        long segment = Math.max(4096, Math.min(8L << 20, maxBytes / 8));
        return new SpoolLimits(maxBytes, maxAge, Math.min(segment, maxBytes), maxHeldBytes);
    }
}
