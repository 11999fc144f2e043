package org.p1powermeter.ha;

import java.math.BigDecimal;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.rate.RateWindows;
import org.p1powermeter.measure.MeterUnit;
import org.p1powermeter.p1.ObisId;

/**
 * How Home Assistant sees one measurement, derived from the table ({@link MeasurementType}): the meter unit gives
 * the device class, the unit HA gets (W not kW, var not kvar, m³ not m3) and the display precision; whether the unit
 * is a counter ({@link RateWindows#isCounter}) gives the state class; the OBIS phase (C 21–40 L1, 41–60 L2,
 * 61–80 L3) marks per-phase values, which
 * are diagnostic and disabled by default, as are counters without a device class (failure counts). No row needs HA
 * code of its own: a new row gets all of it from its unit, and a new unit does not compile until it is added below.
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

    /** EN 13757-3 media of the M-Bus rows. */
    private static final int WATER = 7;
    private static final int HEAT = 4;

    /** The HA view of a table row. */
    public static HaSensor of(MeasurementType type) {
        MeterUnit unit = type.meterUnit();
        String state = RateWindows.isCounter(type) ? "total_increasing" : "measurement";
        boolean perPhase = phase(type.obis()) > 0;
        return switch (unit) {
            case KWH -> new HaSensor("energy", state, "kWh", 0, 3, perPhase, "Energy");
            case KVARH -> new HaSensor("reactive_energy", state, "kvarh", 0, 3, perPhase, "Reactive energy");
            case KW -> new HaSensor("power", state, "W", 3, 0, perPhase, "Power");
            case KVAR -> new HaSensor("reactive_power", state, "var", 3, 0, perPhase, "Reactive power");
            case V -> new HaSensor("voltage", state, "V", 0, 1, perPhase, "Voltage");
            case A -> new HaSensor("current", state, "A", 0, 2, perPhase, "Current");
            case HZ -> new HaSensor("frequency", state, "Hz", 0, 2, perPhase, "Frequency");
            case M3 -> type.mbusMedium() == WATER
                    ? new HaSensor("water", state, "m³", 0, 3, false, "Water")
                    : new HaSensor("gas", state, "m³", 0, 3, false, "Gas");
            case GJ -> new HaSensor("energy", state, "GJ", 0, 3, false, type.mbusMedium() == HEAT ? "Heat" : "Energy");
            case NONE -> type.vscpType() == POWER_FACTOR_VSCP_TYPE
                    ? new HaSensor("power_factor", state, null, 0, 3, perPhase, "Power factor")
                    : new HaSensor(null, state, null, 0, 0, true, type.defaultNote());
        };
    }

    /** VSCP measurement type 63, power factor: the one unitless row that HA has a device class for. */
    private static final int POWER_FACTOR_VSCP_TYPE = 63;

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
     * The entity name: {@code label}, then import/export and tariff for the A+/A−/R+/R− registers (OBIS C 1–4 within
     * its phase block, E the tariff), then the phase, e.g. {@code Energy import tariff 1}, {@code Power export L2}.
     * Never starts with the device name ({@code Smart meter …}, {@code Gas meter …}).
     */
    public String entityName(MeasurementType type) {
        ObisId o = type.obis();
        StringBuilder name = new StringBuilder(label);
        if (o.a() == 1 && deviceClass != null && (o.d() == 7 || o.d() == 8)) {
            int quadrant = o.c() % 20;
            if (quadrant >= 1 && quadrant <= 4 && !"voltage".equals(deviceClass) && !"current".equals(deviceClass)) {
                name.append(quadrant % 2 == 1 ? " import" : " export");
            }
            if (o.d() == 8 && o.e() > 0) {
                name.append(" tariff ").append(o.e());
            }
        }
        int phase = phase(o);
        if (phase > 0) {
            name.append(" L").append(phase);
        }
        return name.toString();
    }
}
