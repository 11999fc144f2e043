package org.p1powermeter.measure;

/**
 * What a measurement measures, as the VSCP side of {@link MeasurementType} (type and unit codes of the VSCP
 * specification, vscp_measurements.md): the unit the meter value is read in, the VSCP measurement type and unit code,
 * and the power of ten from the one to the other.
 * VSCP has no type for apparent power (VA, VAh) and none for a state code; a dimensionless code (tariff, breaker
 * state) is sent as COUNT.
 */
public enum Quantity {
    /** Active energy, kWh → VSCP ENERGY (13) in kWh (unit 1), as is. */
    ACTIVE_ENERGY(MeterUnit.KWH, 13, 1, "kWh", 0),
    /** Reactive energy, kvarh → REACTIVE_ENERGY (65) in kvarh (unit 0), as is. */
    REACTIVE_ENERGY(MeterUnit.KVARH, 65, 0, "kvarh", 0),
    /** Active power, kW → POWER (14) in W (unit 0): ×1000 (VSCP has no kW code). */
    ACTIVE_POWER(MeterUnit.KW, 14, 0, "W", 3),
    /** Reactive power, kvar → REACTIVE_POWER (64) in var (unit 0): ×1000. */
    REACTIVE_POWER(MeterUnit.KVAR, 64, 0, "var", 3),
    /** Voltage, V → ELECTRICAL_POTENTIAL (16), V (unit 0). */
    VOLTAGE(MeterUnit.V, 16, 0, "V", 0),
    /** Current, A → ELECTRIC_CURRENT (5), A (unit 0). */
    CURRENT(MeterUnit.A, 5, 0, "A", 0),
    /** Power factor, no unit → POWER_FACTOR (63), unit 0. */
    POWER_FACTOR(MeterUnit.NONE, 63, 0, "PF", 0),
    /** Frequency, Hz → FREQUENCY (9), Hz (unit 0). */
    FREQUENCY(MeterUnit.HZ, 9, 0, "Hz", 0),
    /** Volume, m³ → VOLUME (28), m³ (unit 0). */
    VOLUME(MeterUnit.M3, 28, 0, "m³", 0),
    /** Heat, GJ → ENERGY (13) in J (unit 0): ×10⁹. */
    HEAT(MeterUnit.GJ, 13, 0, "J", 9),
    /** A count or a dimensionless code → COUNT (1), unit 0. */
    COUNT(MeterUnit.NONE, 1, 0, "", 0),
    /** A duration, s → TIME (4), s (unit 0). */
    DURATION(MeterUnit.S, 4, 0, "s", 0);

    private final MeterUnit meterUnit;
    private final int vscpType;
    private final int vscpUnit;
    private final String vscpUnitSymbol;
    private final int vscpExponent;

    Quantity(MeterUnit meterUnit, int vscpType, int vscpUnit, String vscpUnitSymbol, int vscpExponent) {
        this.meterUnit = meterUnit;
        this.vscpType = vscpType;
        this.vscpUnit = vscpUnit;
        this.vscpUnitSymbol = vscpUnitSymbol;
        this.vscpExponent = vscpExponent;
    }

    /** The symbol of {@link #vscpUnit()} ({@code W}, {@code kWh}, {@code m³}; empty for a count). */
    public String vscpUnitSymbol() {
        return vscpUnitSymbol;
    }

    public MeterUnit meterUnit() {
        return meterUnit;
    }

    public int vscpType() {
        return vscpType;
    }

    public int vscpUnit() {
        return vscpUnit;
    }

    public int vscpExponent() {
        return vscpExponent;
    }
}
