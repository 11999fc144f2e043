package org.p1powermeter.measure;

import java.util.Locale;
import org.p1powermeter.p1.ObisId;

/**
 * The one table of OBIS and VSCP knowledge: for each measurement its config name, OBIS id, {@link Quantity} (the unit
 * the meter reads it in, its VSCP measurement type and unit code and the power of ten between them), its
 * {@link ValueKind}, its send group, its default sensor index / GUID id, its default note and how its values sit in the
 * line ({@link Layout}). docs/obis-table.md lists it for people; ObisTableDocTest keeps the two in step.
 *
 * <p>The first 26 are the Python script's measurements with its names, defaults (index and id 1–26) and notes,
 * but with the VSCP type and unit codes of the VSCP specification (vscp_measurements.md, and the units of
 * vscp-classes' class_10_measurement.xml): energy kWh 13/1, reactive energy kvarh 65/0, power kW → W 14/0,
 * reactive power kvar → var 64/0, voltage 16/0, current 5/0. Naming follows the script:
 * "out" is OBIS 1.x.x (import from the grid), "in" is 2.x.x (export). Every other row is in a group that is off by
 * default, so the script's users get exactly its 26 events.
 *
 * <p>Electricity rows ({@code A = 1}) also match {@code B = 1} (Sagemcom XT211). Two rows may share an OBIS id when the
 * meters send it in different units ({@code 0-0:17.0.0} in kW or A): the first row whose unit fits takes the value.
 *
 * <p>M-Bus rows stand for every channel {@code 0-n} (n = 1–4) whose device type ({@code 0-n:24.1.0}, EN 13757-3
 * medium) is one of theirs; their value line is {@code 0-n:24.2.1}, {@code 0-n:24.2.3} (BE) or {@code 0-n:24.3.0}
 * (DSMR 2.2/3). Each channel is its own sensor ({@link Sensor}): config name {@code gas_volume_2}, default index and
 * id {@link #defaultIndex()} + {@value Sensor#MBUS_CHANNEL_STEP} × (n − 1).
 */
public enum MeasurementType {
    SUM_ACTIVE_ENERGY_OUT("1-0:1.8.0", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.ENERGY, 1, "Meter reading active energy out"),
    SUM_ACTIVE_ENERGY_IN("1-0:2.8.0", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.ENERGY, 2, "Meter reading active energy in"),
    SUM_REACTIVE_ENERGY_OUT("1-0:3.8.0", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.ENERGY, 3, "Meter reading reactive energy out"),
    SUM_REACTIVE_ENERGY_IN("1-0:4.8.0", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.ENERGY, 4, "Meter reading reactive energy in"),
    MOMENTAN_ACTIVE_EFFECT_OUT("1-0:1.7.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.ACTIVE_EFFECT, 5, "Active effect out"),
    MOMENTAN_ACTIVE_EFFECT_IN("1-0:2.7.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.ACTIVE_EFFECT, 6, "Active effect in"),
    MOMENTAN_REACTIVE_EFFECT_OUT("1-0:3.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.REACTIVE_EFFECT, 7, "Reactive effect out"),
    MOMENTAN_REACTIVE_EFFECT_IN("1-0:4.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.REACTIVE_EFFECT, 8, "Reactive effect in"),
    MOMENTAN_ACTIVE_EFFECT_L1_OUT("1-0:21.7.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.ACTIVE_EFFECT, 9, "Active effect L1 out"),
    MOMENTAN_ACTIVE_EFFECT_L1_IN("1-0:22.7.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.ACTIVE_EFFECT, 10, "Active effect L1 in"),
    MOMENTAN_ACTIVE_EFFECT_L2_OUT("1-0:41.7.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.ACTIVE_EFFECT, 11, "Active effect L2 out"),
    MOMENTAN_ACTIVE_EFFECT_L2_IN("1-0:42.7.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.ACTIVE_EFFECT, 12, "Active effect L2 in"),
    MOMENTAN_ACTIVE_EFFECT_L3_OUT("1-0:61.7.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.ACTIVE_EFFECT, 13, "Active effect L3 out"),
    MOMENTAN_ACTIVE_EFFECT_L3_IN("1-0:62.7.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.ACTIVE_EFFECT, 14, "Active effect L3 in"),
    MOMENTAN_REACTIVE_EFFECT_L1_OUT("1-0:23.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.REACTIVE_EFFECT, 15, "Reactive effect L1 out"),
    MOMENTAN_REACTIVE_EFFECT_L1_IN("1-0:24.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.REACTIVE_EFFECT, 16, "Reactive effect L1 in"),
    MOMENTAN_REACTIVE_EFFECT_L2_OUT("1-0:43.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.REACTIVE_EFFECT, 17, "Reactive effect L2 out"),
    MOMENTAN_REACTIVE_EFFECT_L2_IN("1-0:44.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.REACTIVE_EFFECT, 18, "Reactive effect L2 in"),
    MOMENTAN_REACTIVE_EFFECT_L3_OUT("1-0:63.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.REACTIVE_EFFECT, 19, "Reactive effect L3 out"),
    MOMENTAN_REACTIVE_EFFECT_L3_IN("1-0:64.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.REACTIVE_EFFECT, 20, "Reactive effect L3 in"),
    VOLTAGE_L1("1-0:32.7.0", Quantity.VOLTAGE, ValueKind.INSTANTANEOUS, SendGroup.VOLTAGE, 21, "Voltage L1"),
    VOLTAGE_L2("1-0:52.7.0", Quantity.VOLTAGE, ValueKind.INSTANTANEOUS, SendGroup.VOLTAGE, 22, "Voltage L2"),
    VOLTAGE_L3("1-0:72.7.0", Quantity.VOLTAGE, ValueKind.INSTANTANEOUS, SendGroup.VOLTAGE, 23, "Voltage L3"),
    CURRENT_L1("1-0:31.7.0", Quantity.CURRENT, ValueKind.INSTANTANEOUS, SendGroup.CURRENT, 24, "Current L1"),
    CURRENT_L2("1-0:51.7.0", Quantity.CURRENT, ValueKind.INSTANTANEOUS, SendGroup.CURRENT, 25, "Current L2"),
    CURRENT_L3("1-0:71.7.0", Quantity.CURRENT, ValueKind.INSTANTANEOUS, SendGroup.CURRENT, 26, "Current L3"),
    ACTIVE_ENERGY_OUT_T1("1-0:1.8.1", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 27, "Meter reading active energy out tariff 1"),
    ACTIVE_ENERGY_OUT_T2("1-0:1.8.2", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 28, "Meter reading active energy out tariff 2"),
    ACTIVE_ENERGY_IN_T1("1-0:2.8.1", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 29, "Meter reading active energy in tariff 1"),
    ACTIVE_ENERGY_IN_T2("1-0:2.8.2", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 30, "Meter reading active energy in tariff 2"),
    POWER_FACTOR("1-0:13.7.0", Quantity.POWER_FACTOR, ValueKind.INSTANTANEOUS, SendGroup.POWER_FACTOR, 31, "Power factor"),
    POWER_FACTOR_L1("1-0:33.7.0", Quantity.POWER_FACTOR, ValueKind.INSTANTANEOUS, SendGroup.POWER_FACTOR, 32, "Power factor L1"),
    POWER_FACTOR_L2("1-0:53.7.0", Quantity.POWER_FACTOR, ValueKind.INSTANTANEOUS, SendGroup.POWER_FACTOR, 33, "Power factor L2"),
    POWER_FACTOR_L3("1-0:73.7.0", Quantity.POWER_FACTOR, ValueKind.INSTANTANEOUS, SendGroup.POWER_FACTOR, 34, "Power factor L3"),
    FREQUENCY("1-0:14.7.0", Quantity.FREQUENCY, ValueKind.INSTANTANEOUS, SendGroup.FREQUENCY, 35, "Frequency"),
    GAS_VOLUME(Quantity.VOLUME, 36, "Gas meter reading", 3),
    WATER_VOLUME(Quantity.VOLUME, 37, "Water meter reading", 7),
    HEAT_ENERGY(Quantity.HEAT, 38, "Heat meter reading", 4, 10, 11, 12, 13),
    MBUS_ACTIVE_ENERGY(Quantity.ACTIVE_ENERGY, 39, "Electricity sub-meter reading", 2),
    WARM_WATER_VOLUME(Quantity.VOLUME, 40, "Warm water meter reading", 6, 21),
    COLD_WATER_VOLUME(Quantity.VOLUME, 41, "Cold water meter reading", 22),
    ACTIVE_ENERGY_OUT_T3("1-0:1.8.3", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 42, "Meter reading active energy out tariff 3"),
    ACTIVE_ENERGY_OUT_T4("1-0:1.8.4", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 43, "Meter reading active energy out tariff 4"),
    ACTIVE_ENERGY_IN_T3("1-0:2.8.3", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 44, "Meter reading active energy in tariff 3"),
    ACTIVE_ENERGY_IN_T4("1-0:2.8.4", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 45, "Meter reading active energy in tariff 4"),
    REACTIVE_ENERGY_OUT_T1("1-0:3.8.1", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 46, "Meter reading reactive energy out tariff 1"),
    REACTIVE_ENERGY_OUT_T2("1-0:3.8.2", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 47, "Meter reading reactive energy out tariff 2"),
    REACTIVE_ENERGY_IN_T1("1-0:4.8.1", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 48, "Meter reading reactive energy in tariff 1"),
    REACTIVE_ENERGY_IN_T2("1-0:4.8.2", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.TARIFF, 49, "Meter reading reactive energy in tariff 2"),
    TARIFF_INDICATOR("0-0:96.14.0", Quantity.COUNT, ValueKind.STATE, SendGroup.TARIFF, 50, "Tariff indicator"),
    REACTIVE_ENERGY_Q1("1-0:5.8.0", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.QUADRANT, 51, "Meter reading reactive energy Q1"),
    REACTIVE_ENERGY_Q2("1-0:6.8.0", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.QUADRANT, 52, "Meter reading reactive energy Q2"),
    REACTIVE_ENERGY_Q3("1-0:7.8.0", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.QUADRANT, 53, "Meter reading reactive energy Q3"),
    REACTIVE_ENERGY_Q4("1-0:8.8.0", Quantity.REACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.QUADRANT, 54, "Meter reading reactive energy Q4"),
    REACTIVE_EFFECT_Q1("1-0:5.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.QUADRANT, 55, "Reactive effect Q1"),
    REACTIVE_EFFECT_Q2("1-0:6.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.QUADRANT, 56, "Reactive effect Q2"),
    REACTIVE_EFFECT_Q3("1-0:7.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.QUADRANT, 57, "Reactive effect Q3"),
    REACTIVE_EFFECT_Q4("1-0:8.7.0", Quantity.REACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.QUADRANT, 58, "Reactive effect Q4"),
    COMBINED_ACTIVE_ENERGY("1-0:15.8.0", Quantity.ACTIVE_ENERGY, ValueKind.COUNTER, SendGroup.QUADRANT, 59, "Meter reading combined active energy"),
    DEMAND_AVERAGE("1-0:1.4.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.DEMAND, 60, "Current average demand"),
    DEMAND_MONTH_PEAK("1-0:1.6.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.DEMAND, 61, "Maximum demand this month"),
    DEMAND_PEAK_HISTORY("0-0:98.1.0", Quantity.ACTIVE_POWER, ValueKind.INSTANTANEOUS, SendGroup.DEMAND, 62, "Maximum demand of a past month", Layout.HISTORY),
    POWER_FAILURES("0-0:96.7.21", Quantity.COUNT, ValueKind.COUNTER, SendGroup.POWER_QUALITY, 63, "Number of power failures"),
    LONG_POWER_FAILURES("0-0:96.7.9", Quantity.COUNT, ValueKind.COUNTER, SendGroup.POWER_QUALITY, 64, "Number of long power failures"),
    POWER_FAILURE_DURATION("1-0:99.97.0", Quantity.DURATION, ValueKind.INSTANTANEOUS, SendGroup.POWER_QUALITY, 65, "Duration of a long power failure", Layout.EVENT_LOG),
    VOLTAGE_SAGS_L1("1-0:32.32.0", Quantity.COUNT, ValueKind.COUNTER, SendGroup.POWER_QUALITY, 66, "Number of voltage sags L1"),
    VOLTAGE_SAGS_L2("1-0:52.32.0", Quantity.COUNT, ValueKind.COUNTER, SendGroup.POWER_QUALITY, 67, "Number of voltage sags L2"),
    VOLTAGE_SAGS_L3("1-0:72.32.0", Quantity.COUNT, ValueKind.COUNTER, SendGroup.POWER_QUALITY, 68, "Number of voltage sags L3"),
    VOLTAGE_SWELLS_L1("1-0:32.36.0", Quantity.COUNT, ValueKind.COUNTER, SendGroup.POWER_QUALITY, 69, "Number of voltage swells L1"),
    VOLTAGE_SWELLS_L2("1-0:52.36.0", Quantity.COUNT, ValueKind.COUNTER, SendGroup.POWER_QUALITY, 70, "Number of voltage swells L2"),
    VOLTAGE_SWELLS_L3("1-0:72.36.0", Quantity.COUNT, ValueKind.COUNTER, SendGroup.POWER_QUALITY, 71, "Number of voltage swells L3"),
    CURRENT_LIMIT_L1("1-0:31.4.0", Quantity.CURRENT, ValueKind.STATE, SendGroup.LIMITS, 72, "Current limit L1"),
    CURRENT_LIMIT_L2("1-0:51.4.0", Quantity.CURRENT, ValueKind.STATE, SendGroup.LIMITS, 73, "Current limit L2"),
    CURRENT_LIMIT_L3("1-0:71.4.0", Quantity.CURRENT, ValueKind.STATE, SendGroup.LIMITS, 74, "Current limit L3"),
    BREAKER_STATE("0-0:96.3.10", Quantity.COUNT, ValueKind.STATE, SendGroup.LIMITS, 75, "Breaker state"),
    LIMITER_THRESHOLD_POWER("0-0:17.0.0", Quantity.ACTIVE_POWER, ValueKind.STATE, SendGroup.LIMITS, 76, "Limiter threshold (power)"),
    LIMITER_THRESHOLD_CURRENT("0-0:17.0.0", Quantity.CURRENT, ValueKind.STATE, SendGroup.LIMITS, 77, "Limiter threshold (current)");

    /** The OBIS id of M-Bus rows ({@code 0-n:24.2.1} with B = 0: the channel is carried by each {@link Measurement}). */
    private static final String MBUS_VALUE_OBIS = "0-0:24.2.1";

    private final ObisId obis;
    private final Quantity quantity;
    private final ValueKind kind;
    private final SendGroup group;
    private final int defaultIndex;
    private final String defaultNote;
    private final Layout layout;
    private final int[] mbusMedia;
    private final String configName;
    private final String obisText;

    MeasurementType(String obis, Quantity quantity, ValueKind kind, SendGroup group, int defaultIndex,
            String defaultNote) {
        this(obis, quantity, kind, group, defaultIndex, defaultNote, Layout.VALUE);
    }

    MeasurementType(String obis, Quantity quantity, ValueKind kind, SendGroup group, int defaultIndex,
            String defaultNote, Layout layout) {
        this(obis, quantity, kind, group, defaultIndex, defaultNote, layout, new int[0]);
    }

    /** An M-Bus row: a counter in group {@link SendGroup#MBUS} for the devices of these EN 13757-3 media. */
    MeasurementType(Quantity quantity, int defaultIndex, String defaultNote, int... mbusMedia) {
        this(MBUS_VALUE_OBIS, quantity, ValueKind.COUNTER, SendGroup.MBUS, defaultIndex, defaultNote, Layout.VALUE,
                mbusMedia);
    }

    MeasurementType(String obis, Quantity quantity, ValueKind kind, SendGroup group, int defaultIndex,
            String defaultNote, Layout layout, int[] mbusMedia) {
        this.obis = ObisId.parse(obis);
        this.quantity = quantity;
        this.kind = kind;
        this.group = group;
        this.defaultIndex = defaultIndex;
        this.defaultNote = defaultNote;
        this.layout = layout;
        this.mbusMedia = mbusMedia;
        this.configName = name().toLowerCase(Locale.ROOT);
        this.obisText = this.obis.toString();
    }

    /** The config name, as in {@code sensorindex_<name>}, {@code id_<name>}, {@code note_<name>} (M-Bus: + {@code _<channel>}). */
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

    /** What it measures: units and VSCP codes. */
    public Quantity quantity() {
        return quantity;
    }

    /** The unit the value is read in (other spellings are converted to it). */
    public MeterUnit meterUnit() {
        return quantity.meterUnit();
    }

    /** VSCP measurement type (class 10 numbering, also used by classes 1040 and 1060). */
    public int vscpType() {
        return quantity.vscpType();
    }

    /** VSCP unit code for {@link #vscpType()}. */
    public int vscpUnit() {
        return quantity.vscpUnit();
    }

    /** Power of ten from the meter unit to the VSCP unit: 3 for kW → W, 9 for GJ → J, 0 otherwise. */
    public int vscpExponent() {
        return quantity.vscpExponent();
    }

    /** Counter, instantaneous value or state (Home Assistant's state class). */
    public ValueKind kind() {
        return kind;
    }

    public SendGroup group() {
        return group;
    }

    /**
     * Default sensor index (0–255) and default GUID id (0–65535): the Python script's 1–26, then 27 on; for M-Bus
     * rows the one of channel 1 ({@link Sensor#defaultIndex()} for the others).
     */
    public int defaultIndex() {
        return defaultIndex;
    }

    /** Default note (for M-Bus rows {@link Sensor#defaultNote()} adds the channel). */
    public String defaultNote() {
        return defaultNote;
    }

    /** How its values sit in the line. */
    public Layout layout() {
        return layout;
    }

    /** Whether an M-Bus device of this EN 13757-3 medium (3 gas, 7 water, 4 heat …) is read by this row. */
    public boolean readsMedium(int medium) {
        for (int m : mbusMedia) {
            if (m == medium) {
                return true;
            }
        }
        return false;
    }

    /** {@link #mbusMedium()} of rows that are not M-Bus. */
    public static final int NO_MEDIUM = -1;

    /** The main EN 13757-3 medium of an M-Bus row (the first of {@link #mbusMedia()}: 3 gas, 7 water, 4 heat …), or {@link #NO_MEDIUM}. */
    public int mbusMedium() {
        return mbusMedia.length == 0 ? NO_MEDIUM : mbusMedia[0];
    }

    /** The EN 13757-3 media of an M-Bus row (a copy), empty for other rows. */
    public int[] mbusMedia() {
        return mbusMedia.clone();
    }

    public boolean isMbus() {
        return mbusMedia.length > 0;
    }

    /** True for the 26 measurements of the Python script (their config keys exist in its config.ini). */
    public boolean isSeed() {
        return group.isSeed();
    }
}
