package org.p1powermeter.measure;

import java.util.Locale;
import org.p1powermeter.p1.ObisId;

/**
 * The one table of OBIS and VSCP knowledge: for each measurement its config name, OBIS id, the unit the meter
 * reads it in, its VSCP measurement type and unit code, the power of ten that scales the meter value to that
 * VSCP unit, its send group, its default sensor index / GUID id and its default note.
 *
 * <p>The first 26 are the Python script's measurements with its names, defaults (index and id 1–26) and notes,
 * but with the VSCP type and unit codes of the VSCP specification (vscp_measurements.md, and the units of
 * vscp-classes' class_10_measurement.xml): energy kWh 13/1, reactive energy kvarh 65/0, power kW → W 14/0,
 * reactive power kvar → var 64/0, voltage 16/0, current 5/0. Naming follows the script:
 * "out" is OBIS 1.x.x (import from the grid), "in" is 2.x.x (export).
 *
 * <p>M-Bus entries stand for every channel {@code 0-n} whose device type ({@code 0-n:24.1.0}) is their medium;
 * the {@code B} group of their OBIS id is 0 here and the channel is carried by each {@link Measurement}.
 */
public enum MeasurementType {
    SUM_ACTIVE_ENERGY_OUT(new ObisId(1, 0, 1, 8, 0), MeterUnit.KWH, 13, 1, 0, SendGroup.ENERGY, 1, "Meter reading active energy out", -1, true),
    SUM_ACTIVE_ENERGY_IN(new ObisId(1, 0, 2, 8, 0), MeterUnit.KWH, 13, 1, 0, SendGroup.ENERGY, 2, "Meter reading active energy in", -1, true),
    SUM_REACTIVE_ENERGY_OUT(new ObisId(1, 0, 3, 8, 0), MeterUnit.KVARH, 65, 0, 0, SendGroup.ENERGY, 3, "Meter reading reactive energy out", -1, true),
    SUM_REACTIVE_ENERGY_IN(new ObisId(1, 0, 4, 8, 0), MeterUnit.KVARH, 65, 0, 0, SendGroup.ENERGY, 4, "Meter reading reactive energy in", -1, true),
    MOMENTAN_ACTIVE_EFFECT_OUT(new ObisId(1, 0, 1, 7, 0), MeterUnit.KW, 14, 0, 3, SendGroup.ACTIVE_EFFECT, 5, "Active effect out", -1, true),
    MOMENTAN_ACTIVE_EFFECT_IN(new ObisId(1, 0, 2, 7, 0), MeterUnit.KW, 14, 0, 3, SendGroup.ACTIVE_EFFECT, 6, "Active effect in", -1, true),
    MOMENTAN_REACTIVE_EFFECT_OUT(new ObisId(1, 0, 3, 7, 0), MeterUnit.KVAR, 64, 0, 3, SendGroup.REACTIVE_EFFECT, 7, "Reactive effect out", -1, true),
    MOMENTAN_REACTIVE_EFFECT_IN(new ObisId(1, 0, 4, 7, 0), MeterUnit.KVAR, 64, 0, 3, SendGroup.REACTIVE_EFFECT, 8, "Reactive effect in", -1, true),
    MOMENTAN_ACTIVE_EFFECT_L1_OUT(new ObisId(1, 0, 21, 7, 0), MeterUnit.KW, 14, 0, 3, SendGroup.ACTIVE_EFFECT, 9, "Active effect L1 out", -1, true),
    MOMENTAN_ACTIVE_EFFECT_L1_IN(new ObisId(1, 0, 22, 7, 0), MeterUnit.KW, 14, 0, 3, SendGroup.ACTIVE_EFFECT, 10, "Active effect L1 in", -1, true),
    MOMENTAN_ACTIVE_EFFECT_L2_OUT(new ObisId(1, 0, 41, 7, 0), MeterUnit.KW, 14, 0, 3, SendGroup.ACTIVE_EFFECT, 11, "Active effect L2 out", -1, true),
    MOMENTAN_ACTIVE_EFFECT_L2_IN(new ObisId(1, 0, 42, 7, 0), MeterUnit.KW, 14, 0, 3, SendGroup.ACTIVE_EFFECT, 12, "Active effect L2 in", -1, true),
    MOMENTAN_ACTIVE_EFFECT_L3_OUT(new ObisId(1, 0, 61, 7, 0), MeterUnit.KW, 14, 0, 3, SendGroup.ACTIVE_EFFECT, 13, "Active effect L3 out", -1, true),
    MOMENTAN_ACTIVE_EFFECT_L3_IN(new ObisId(1, 0, 62, 7, 0), MeterUnit.KW, 14, 0, 3, SendGroup.ACTIVE_EFFECT, 14, "Active effect L3 in", -1, true),
    MOMENTAN_REACTIVE_EFFECT_L1_OUT(new ObisId(1, 0, 23, 7, 0), MeterUnit.KVAR, 64, 0, 3, SendGroup.REACTIVE_EFFECT, 15, "Reactive effect L1 out", -1, true),
    MOMENTAN_REACTIVE_EFFECT_L1_IN(new ObisId(1, 0, 24, 7, 0), MeterUnit.KVAR, 64, 0, 3, SendGroup.REACTIVE_EFFECT, 16, "Reactive effect L1 in", -1, true),
    MOMENTAN_REACTIVE_EFFECT_L2_OUT(new ObisId(1, 0, 43, 7, 0), MeterUnit.KVAR, 64, 0, 3, SendGroup.REACTIVE_EFFECT, 17, "Reactive effect L2 out", -1, true),
    MOMENTAN_REACTIVE_EFFECT_L2_IN(new ObisId(1, 0, 44, 7, 0), MeterUnit.KVAR, 64, 0, 3, SendGroup.REACTIVE_EFFECT, 18, "Reactive effect L2 in", -1, true),
    MOMENTAN_REACTIVE_EFFECT_L3_OUT(new ObisId(1, 0, 63, 7, 0), MeterUnit.KVAR, 64, 0, 3, SendGroup.REACTIVE_EFFECT, 19, "Reactive effect L3 out", -1, true),
    MOMENTAN_REACTIVE_EFFECT_L3_IN(new ObisId(1, 0, 64, 7, 0), MeterUnit.KVAR, 64, 0, 3, SendGroup.REACTIVE_EFFECT, 20, "Reactive effect L3 in", -1, true),
    VOLTAGE_L1(new ObisId(1, 0, 32, 7, 0), MeterUnit.V, 16, 0, 0, SendGroup.VOLTAGE, 21, "Voltage L1", -1, true),
    VOLTAGE_L2(new ObisId(1, 0, 52, 7, 0), MeterUnit.V, 16, 0, 0, SendGroup.VOLTAGE, 22, "Voltage L2", -1, true),
    VOLTAGE_L3(new ObisId(1, 0, 72, 7, 0), MeterUnit.V, 16, 0, 0, SendGroup.VOLTAGE, 23, "Voltage L3", -1, true),
    CURRENT_L1(new ObisId(1, 0, 31, 7, 0), MeterUnit.A, 5, 0, 0, SendGroup.CURRENT, 24, "Current L1", -1, true),
    CURRENT_L2(new ObisId(1, 0, 51, 7, 0), MeterUnit.A, 5, 0, 0, SendGroup.CURRENT, 25, "Current L2", -1, true),
    CURRENT_L3(new ObisId(1, 0, 71, 7, 0), MeterUnit.A, 5, 0, 0, SendGroup.CURRENT, 26, "Current L3", -1, true),
    ACTIVE_ENERGY_OUT_T1(new ObisId(1, 0, 1, 8, 1), MeterUnit.KWH, 13, 1, 0, SendGroup.TARIFF, 27, "Meter reading active energy out tariff 1", -1, false),
    ACTIVE_ENERGY_OUT_T2(new ObisId(1, 0, 1, 8, 2), MeterUnit.KWH, 13, 1, 0, SendGroup.TARIFF, 28, "Meter reading active energy out tariff 2", -1, false),
    ACTIVE_ENERGY_IN_T1(new ObisId(1, 0, 2, 8, 1), MeterUnit.KWH, 13, 1, 0, SendGroup.TARIFF, 29, "Meter reading active energy in tariff 1", -1, false),
    ACTIVE_ENERGY_IN_T2(new ObisId(1, 0, 2, 8, 2), MeterUnit.KWH, 13, 1, 0, SendGroup.TARIFF, 30, "Meter reading active energy in tariff 2", -1, false),
    POWER_FACTOR(new ObisId(1, 0, 13, 7, 0), MeterUnit.NONE, 63, 0, 0, SendGroup.POWER_FACTOR, 31, "Power factor", -1, false),
    POWER_FACTOR_L1(new ObisId(1, 0, 33, 7, 0), MeterUnit.NONE, 63, 0, 0, SendGroup.POWER_FACTOR, 32, "Power factor L1", -1, false),
    POWER_FACTOR_L2(new ObisId(1, 0, 53, 7, 0), MeterUnit.NONE, 63, 0, 0, SendGroup.POWER_FACTOR, 33, "Power factor L2", -1, false),
    POWER_FACTOR_L3(new ObisId(1, 0, 73, 7, 0), MeterUnit.NONE, 63, 0, 0, SendGroup.POWER_FACTOR, 34, "Power factor L3", -1, false),
    FREQUENCY(new ObisId(1, 0, 14, 7, 0), MeterUnit.HZ, 9, 0, 0, SendGroup.FREQUENCY, 35, "Frequency", -1, false),
    /** M-Bus value {@code 0-n:24.2.1} (DSMR 4/5), {@code 0-n:24.2.3} (BE), {@code 0-n:24.3.0} (DSMR 2.2/3); medium 3. */
    GAS_VOLUME(new ObisId(0, 0, 24, 2, 1), MeterUnit.M3, 28, 0, 0, SendGroup.MBUS, 36, "Gas meter reading", 3, false),
    /** M-Bus value {@code 0-n:24.2.1} (DSMR 4/5), {@code 0-n:24.2.3} (BE), {@code 0-n:24.3.0} (DSMR 2.2/3); medium 7. */
    WATER_VOLUME(new ObisId(0, 0, 24, 2, 1), MeterUnit.M3, 28, 0, 0, SendGroup.MBUS, 37, "Water meter reading", 7, false),
    /** M-Bus value {@code 0-n:24.2.1} (DSMR 4/5), {@code 0-n:24.2.3} (BE), {@code 0-n:24.3.0} (DSMR 2.2/3); medium 4. */
    HEAT_ENERGY(new ObisId(0, 0, 24, 2, 1), MeterUnit.GJ, 13, 0, 9, SendGroup.MBUS, 38, "Heat meter reading", 4, false);

    /** {@link #mbusMedium()} of measurements that are not M-Bus channel values. */
    public static final int NO_MEDIUM = -1; // the rows above write it as -1 (an enum constant cannot name it)

    private final ObisId obis;
    private final MeterUnit meterUnit;
    private final int vscpType;
    private final int vscpUnit;
    private final int vscpExponent;
    private final SendGroup group;
    private final int defaultIndex;
    private final String defaultNote;
    private final int mbusMedium;
    private final boolean seed;
    private final String configName;
    private final String obisText;

    MeasurementType(ObisId obis, MeterUnit meterUnit, int vscpType, int vscpUnit, int vscpExponent, SendGroup group,
            int defaultIndex, String defaultNote, int mbusMedium, boolean seed) {
        this.obis = obis;
        this.meterUnit = meterUnit;
        this.vscpType = vscpType;
        this.vscpUnit = vscpUnit;
        this.vscpExponent = vscpExponent;
        this.group = group;
        this.defaultIndex = defaultIndex;
        this.defaultNote = defaultNote;
        this.mbusMedium = mbusMedium;
        this.seed = seed;
        this.configName = name().toLowerCase(Locale.ROOT);
        this.obisText = obis.toString();
    }

    /** The config name, as in {@code sensorindex_<name>}, {@code id_<name>}, {@code note_<name>}. */
    public String configName() {
        return configName;
    }

    /** The OBIS id (for M-Bus entries with B = 0: any channel). */
    public ObisId obis() {
        return obis;
    }

    /** {@link #obis()} as text, e.g. {@code 1-0:1.8.0}. */
    public String obisText() {
        return obisText;
    }

    /** The unit the value is read in (other spellings are converted to it). */
    public MeterUnit meterUnit() {
        return meterUnit;
    }

    /** VSCP measurement type (class 10 numbering, also used by classes 1040 and 1060). */
    public int vscpType() {
        return vscpType;
    }

    /** VSCP unit code for {@link #vscpType()}. */
    public int vscpUnit() {
        return vscpUnit;
    }

    /** Power of ten from the meter unit to the VSCP unit: 3 for kW → W, 9 for GJ → J, 0 otherwise. */
    public int vscpExponent() {
        return vscpExponent;
    }

    public SendGroup group() {
        return group;
    }

    /** Default sensor index (0–255) and default GUID id (0–65535): the Python script's 1–26, then 27 on. */
    public int defaultIndex() {
        return defaultIndex;
    }

    public String defaultNote() {
        return defaultNote;
    }

    /** EN 13757-3 medium this M-Bus entry reads (3 gas, 7 water, 4 heat), or {@link #NO_MEDIUM}. */
    public int mbusMedium() {
        return mbusMedium;
    }

    public boolean isMbus() {
        return mbusMedium != NO_MEDIUM;
    }

    /** True for the 26 measurements of the Python script (their config keys exist in its config.ini). */
    public boolean isSeed() {
        return seed;
    }
}
