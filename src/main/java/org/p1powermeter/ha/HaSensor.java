package org.p1powermeter.ha;

import java.math.BigDecimal;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.ValueKind;
import org.p1powermeter.p1.ObisId;

/**
 * How Home Assistant sees one measurement, derived from the table ({@link MeasurementType}): the row's
 * {@link org.p1powermeter.measure.Quantity} gives the device class, the unit HA gets (W not kW, var not kvar, m³ not m3)
 * and the display precision; its {@link ValueKind} the state class ({@code total_increasing} for counters,
 * {@code measurement} for instantaneous values, none for states, which are diagnostic); the OBIS phase (C 21–40 L1,
 * 41–60 L2, 61–80 L3) marks per-phase values, which are diagnostic and disabled by default, as are counts without a
 * device class (failures, sags). No row needs HA code of its own: a new row gets all of it from its quantity and
 * kind, and a new quantity does not compile until it is added below (HaSensorTest checks every row against HA's rules).
 *
 * @param deviceClass  HA device class, or null
 * @param stateClass   {@code measurement}, {@code total_increasing} (counters) or null
 * @param unit         the unit HA gets, or null (power factor, counts)
 * @param unitExponent the power of ten from the meter unit to {@link #unit} (3 for kW → W)
 * @param precision    suggested display precision
 * @param diagnostic   {@code entity_category: diagnostic} and {@code enabled_by_default: false}
 * @param label        the start of the entity name, e.g. {@code Power}
 */
public record HaSensor(String deviceClass, String stateClass, String unit, int unitExponent, int precision,
        boolean diagnostic, String label) {

    /** EN 13757-3 medium of gas meters (the other volume rows are water). */
    private static final int GAS = 3;

    /** The HA view of a table row. */
    public static HaSensor of(MeasurementType type) {
        String state = switch (type.kind()) {
            case COUNTER -> "total_increasing";
            case INSTANTANEOUS -> "measurement";
            case STATE -> null; // a code or a configured limit: no statistics
        };
        boolean diagnostic = phase(type.obis()) > 0 || type.kind() == ValueKind.STATE;
        return switch (type.quantity()) {
            case ACTIVE_ENERGY -> new HaSensor("energy", state, "kWh", 0, 3, diagnostic, "Energy");
            case REACTIVE_ENERGY -> new HaSensor("reactive_energy", state, "kvarh", 0, 3, diagnostic, "Reactive energy");
            case ACTIVE_POWER -> new HaSensor("power", state, "W", 3, 0, diagnostic, "Power");
            case REACTIVE_POWER -> new HaSensor("reactive_power", state, "var", 3, 0, diagnostic, "Reactive power");
            case VOLTAGE -> new HaSensor("voltage", state, "V", 0, 1, diagnostic, "Voltage");
            case CURRENT -> new HaSensor("current", state, "A", 0, 2, diagnostic, "Current");
            case POWER_FACTOR -> new HaSensor("power_factor", state, null, 0, 3, diagnostic, "Power factor");
            case FREQUENCY -> new HaSensor("frequency", state, "Hz", 0, 2, diagnostic, "Frequency");
            case VOLUME -> type.readsMedium(GAS)
                    ? new HaSensor("gas", state, "m³", 0, 3, false, "Gas")
                    : new HaSensor("water", state, "m³", 0, 3, false, "Water");
            case HEAT -> new HaSensor("energy", state, "GJ", 0, 3, false, "Heat");
            case DURATION -> new HaSensor("duration", state, "s", 0, 0, true, "Duration");
            case COUNT -> new HaSensor(null, state, null, 0, 0, true, "Count");
        };
    }

    /** The phase of an electricity OBIS id (1–3), or 0 for totals and non-electricity ids. */
    public static int phase(ObisId obis) {
        if (obis.a() != 1 || obis.c() < 21 || obis.c() > 80) {
            return 0;
        }
        return (obis.c() - 1) / 20;
    }

    /** A meter-unit value in HA's unit, without trailing zeros ({@code 1.727} kW → {@code 1727}). */
    public BigDecimal toHaUnit(BigDecimal meterValue) {
        BigDecimal v = unitExponent == 0 ? meterValue : meterValue.movePointRight(unitExponent);
        v = v.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** Whether HA enables the entity when it appears (diagnostic ones are off until the user enables them). */
    public boolean enabledByDefault() {
        return !diagnostic;
    }

    /**
     * The entity name: for the A+/A−/R+/R− registers (OBIS C 1–4 within its phase block, D 7 or 8) {@code label},
     * import/export, the tariff (E) and the phase, e.g. {@code Energy import tariff 1}, {@code Power export L2}; for
     * voltage, current, power factor and frequency the label and phase ({@code Voltage L1}); for an M-Bus value the
     * label ({@code Gas}: the device is the gas meter); for every other row (demand, limits, counts, quadrants) the
     * table's own note. Never starts with the device name ({@code Smart meter …}, {@code Gas meter …}).
     */
    public String entityName(MeasurementType type) {
        ObisId o = type.obis();
        if (type.isMbus()) {
            return label;
        }
        int phase = phase(o);
        int quadrant = o.c() % 20;
        boolean register = o.a() == 1 && (o.d() == 7 || o.d() == 8);
        StringBuilder name = new StringBuilder(label);
        if (register && quadrant >= 1 && quadrant <= 4 && (o.d() == 8 || deviceClass.endsWith("power"))) {
            name.append(quadrant % 2 == 1 ? " import" : " export");
            if (o.d() == 8 && o.e() > 0) {
                name.append(" tariff ").append(o.e());
            }
        } else if (!(register && o.d() == 7 && deviceClass != null && !deviceClass.endsWith("power"))) {
            return type.defaultNote(); // not a plain register: the table's own name (demand, limits, counts …)
        }
        if (phase > 0) {
            name.append(" L").append(phase);
        }
        return name.toString();
    }
}
