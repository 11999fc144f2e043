package org.p1powermeter.p1;

import java.util.Objects;

/**
 * Settings of a {@link TelegramFramer}.
 *
 * @param maxTelegramBytes the largest telegram accepted, counted from {@code /} through the line end after the CRC;
 *                         a telegram that grows past it is dropped as {@link DropReason#OVERSIZE}. Real telegrams are
 *                         0.2–3 kB (Belgian ones the largest), so the default 16 KiB leaves ample room.
 * @param crcPolicy        what to do with the CRC after {@code !}
 */
public record FramerOptions(int maxTelegramBytes, CrcPolicy crcPolicy) {

    public static final int DEFAULT_MAX_TELEGRAM_BYTES = 16 * 1024;
    /** Smallest accepted {@link #maxTelegramBytes()}. */
    public static final int MIN_MAX_TELEGRAM_BYTES = 64;
    /** Largest accepted {@link #maxTelegramBytes()} (far above any real telegram; bounds the buffer). */
    public static final int MAX_MAX_TELEGRAM_BYTES = 64 * 1024 * 1024;

    public FramerOptions {
        if (maxTelegramBytes < MIN_MAX_TELEGRAM_BYTES || maxTelegramBytes > MAX_MAX_TELEGRAM_BYTES) {
            throw new IllegalArgumentException("maxTelegramBytes must be between " + MIN_MAX_TELEGRAM_BYTES
                    + " and " + MAX_MAX_TELEGRAM_BYTES + ", not " + maxTelegramBytes);
        }
        Objects.requireNonNull(crcPolicy, "crcPolicy");
    }

    /** 16 KiB maximum, {@link CrcPolicy#AUTO}. */
    public static FramerOptions defaults() {
        return new FramerOptions(DEFAULT_MAX_TELEGRAM_BYTES, CrcPolicy.AUTO);
    }

    public FramerOptions withMaxTelegramBytes(int max) {
        return new FramerOptions(max, crcPolicy);
    }

    public FramerOptions withCrcPolicy(CrcPolicy policy) {
        return new FramerOptions(maxTelegramBytes, policy);
    }
}
