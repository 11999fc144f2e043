package org.p1powermeter.measure;

/** Why a line that matches a table row did not become a {@link Measurement}. */
public enum SkipReason {
    /** The value group is empty, e.g. {@code 1-0:1.7.0()}. */
    EMPTY_VALUE,
    /** The value text is not a plain decimal number, e.g. {@code (12,5*kW)}. */
    NOT_A_NUMBER,
    /** The unit the meter sent is not a spelling of the row's unit, e.g. {@code *kVA} on a kvar row. */
    UNIT_MISMATCH,
    /** An M-Bus channel with a placeholder (or no) capture time and a value without unit: no device behind it. */
    DEAD_MBUS_CHANNEL,
    /** An M-Bus value on a channel whose device type ({@code 0-n:24.1.0}) is missing or has no table row. */
    UNMAPPED_MBUS_DEVICE,
    /** A line whose value groups are not in the row's {@link Layout} (the Hungarian month record in 0-0:98.1.0). */
    UNREADABLE_LAYOUT,
    /** A second line for a row (or M-Bus channel) that was already seen in this telegram; the first one counts. */
    DUPLICATE
}
