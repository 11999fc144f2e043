package org.p1powermeter.measure;

/**
 * The canonical unit a measurement is read in, and how other spellings meters use convert to it
 * ({@code W} → {@code kW} is ×0.001, {@code kVArh} → {@code kvarh} is ×1).
 */
public enum MeterUnit {
    KWH("kWh"),
    KVARH("kvarh"),
    KW("kW"),
    KVAR("kvar"),
    V("V"),
    A("A"),
    HZ("Hz"),
    M3("m3"),
    GJ("GJ"),
    S("s"),
    NONE("");

    private final String symbol;

    MeterUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
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
