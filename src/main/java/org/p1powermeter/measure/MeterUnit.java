package org.p1powermeter.measure;

/**
 * The canonical unit a measurement is read in, and how other spellings meters use convert to it
 * ({@code W} → {@code kW} is ×0.001, {@code kVArh} → {@code kvarh} is ×1).
 */
public enum MeterUnit {
    KWH("kWh", true),
    KVARH("kvarh", true),
    KW("kW", false),
    KVAR("kvar", false),
    V("V", false),
    A("A", false),
    HZ("Hz", false),
    M3("m3", true),
    GJ("GJ", true),
    NONE("", false);

    private final String symbol;
    private final boolean cumulative;

    MeterUnit(String symbol, boolean cumulative) {
        this.symbol = symbol;
        this.cumulative = cumulative;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * True for the units of a counter that only goes up (a meter reading: energy, volume), false for an
     * instantaneous value (power, voltage, current, …). Rate windows keep the latest counter value and average the
     * others; Home Assistant gets {@code total_increasing} or {@code measurement} from it.
     */
    public boolean isCumulative() {
        return cumulative;
    }

    /**
     * The power of ten that turns a value sent in {@code sent} into this unit, e.g.
     * -3 for {@code Wh} → {@code kWh}. Case-insensitive ({@code kVArh}), {@code m³} = {@code m3}.
     *
     * @return the exponent, or {@link Integer#MIN_VALUE} when {@code sent} is not a spelling of this unit
     */
    public int exponentFrom(String sent) {
        if (sent == null || sent.isEmpty() || sent.equals(symbol)) {
            return 0; // no unit sent: the table's unit is assumed; the exact symbol needs no work
        }
        String u = sent.toLowerCase(java.util.Locale.ROOT).replace('\u00b3', '3');
        String canonical = symbol.toLowerCase(java.util.Locale.ROOT);
        if (u.equals(canonical)) {
            return 0;
        }
        if (canonical.startsWith("k") && u.equals(canonical.substring(1))) {
            return -3;
        }
        return Integer.MIN_VALUE;
    }
}
