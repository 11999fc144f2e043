package org.p1powermeter.measure;

import java.util.Locale;

/** The groups a user switches on and off with the {@code send_*} flags. */
public enum SendGroup {
    ENERGY(true),
    ACTIVE_EFFECT(true),
    REACTIVE_EFFECT(true),
    VOLTAGE(true),
    CURRENT(true),
    POWER_FACTOR(false),
    FREQUENCY(false),
    TARIFF(false),
    MBUS(false),
    /** Reactive energy and power per quadrant, combined active energy (Hungary). */
    QUADRANT(false),
    /** Capacity tariff: current average demand, month peak, peak history (Belgium). */
    DEMAND(false),
    /** Power failures, the failure log, voltage sags and swells. */
    POWER_QUALITY(false),
    /** Current limits, breaker state, limiter threshold. */
    LIMITS(false);

    private final boolean seed;

    SendGroup(boolean seed) {
        this.seed = seed;
    }

    /** True for the five groups the Python script knew (their flags default to true there). */
    public boolean isSeed() {
        return seed;
    }

    /** The config key of its flag, e.g. {@code send_active_effect}. */
    public String flagKey() {
        return "send_" + name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case name used in headers and logs, e.g. {@code active_effect}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
