package org.p1powermeter.p1;

/**
 * Why bytes were dropped instead of becoming a telegram's measurements. Every dropped byte has one: the framer gives
 * all but {@link #UNVERIFIED_MALFORMED}, which the parse stage gives ({@link Telegram#isTrustworthy()}).
 */
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
    MALFORMED_TRAILER,
    /**
     * A telegram whose CRC was not verified (none sent, DSMR 2.2/3, or {@code crc = off}) and that is not well formed
     * (a line that does not parse, or no header): nothing of it is published, as it may be two telegrams mixed.
     */
    UNVERIFIED_MALFORMED
}
