package org.p1powermeter.p1;

/** Why the framer dropped bytes instead of emitting a telegram. Every dropped byte has one. */
public enum DropReason {
    /** Bytes outside any telegram (before the first {@code /}, between or after telegrams). */
    NOISE,
    /** A telegram that was cut short: a new {@code /} started a line before its {@code !}, or the input ended. */
    TRUNCATED,
    /** A telegram that grew past the configured maximum size before its {@code !} line ended. */
    OVERSIZE,
    /** The CRC after {@code !} does not match the bytes. */
    CRC_MISMATCH,
    /** No CRC after {@code !} while the policy is {@link CrcPolicy#REQUIRED}. */
    CRC_MISSING,
    /** The text after {@code !} is not 1–4 hex digits followed by the line end. */
    MALFORMED_TRAILER
}
