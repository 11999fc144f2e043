package org.p1powermeter.measure;

/** Where the values of a table row sit in its COSEM line, and how many measurements one line gives. */
public enum Layout {
    /** One value: the line's reading, with its capture time when the line has one (M-Bus, month peak). */
    VALUE,
    /**
     * The e-MUCS peak history {@code (count)(obis)(obis)} then per month {@code (month start)(time of peak)(value)}:
     * one measurement per month, dated by its peak (or, when the meter gives none, the month start).
     */
    HISTORY,
    /**
     * The power-failure log {@code (count)(obis)} then per failure {@code (end time)(duration*s)}: one measurement per
     * failure, dated by its end; fillers ({@code 000101000001W}, 2147483647 s) are left out.
     */
    EVENT_LOG
}
