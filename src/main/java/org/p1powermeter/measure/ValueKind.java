package org.p1powermeter.measure;

/**
 * How a measurement's value behaves over time, for consumers that need it (Home Assistant's {@code state_class}).
 */
public enum ValueKind {
    /** A register that only grows (energy, volume, event counters): Home Assistant {@code total_increasing}. */
    COUNTER,
    /** A reading of the moment (power, voltage, current, demand, a duration): Home Assistant {@code measurement}. */
    INSTANTANEOUS,
    /** A code or a configured limit (tariff, breaker state, thresholds): no state class. */
    STATE
}
