package org.p1powermeter.spool;

import java.time.Duration;

/**
 * How much a {@link DiskSpool} keeps: at most {@code maxBytes} on disk and nothing older than {@code maxAge}; the
 * oldest segment is dropped first. {@code segmentBytes} is the size at which a new segment file is started (drops
 * happen a segment at a time).
 */
public record SpoolLimits(long maxBytes, Duration maxAge, long segmentBytes) {

    public SpoolLimits {
        if (maxBytes <= 0 || segmentBytes <= 0 || segmentBytes > maxBytes) {
            throw new IllegalArgumentException("need 0 < segmentBytes <= maxBytes: " + segmentBytes + ", " + maxBytes);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }

    /** {@code maxBytes} and {@code maxAge}, with segments of an eighth of the size (4 KiB to 8 MiB). */
    public static SpoolLimits of(long maxBytes, Duration maxAge) {
        long segment = Math.max(4096, Math.min(8L << 20, maxBytes / 8));
        return new SpoolLimits(maxBytes, maxAge, Math.min(segment, maxBytes));
    }
}
