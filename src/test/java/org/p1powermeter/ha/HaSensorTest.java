package org.p1powermeter.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.rate.RateWindows;

/**
 * Every row of the measurement table, present and future, gets Home Assistant metadata HA accepts (the rules of
 * docs/home-assistant.md §1.4), derived from the row's unit and OBIS id.
 */
class HaSensorTest {

    @ParameterizedTest
    @EnumSource(MeasurementType.class)
    void everyRowGetsAUnitAndStateClassValidForItsDeviceClass(MeasurementType type) {
        HaSensor s = HaSensor.of(type);
        if (s.deviceClass() != null) {
            assertTrue(HaRules.UNITS.get(s.deviceClass()).contains(s.unit() == null ? "" : s.unit()),
                    type + ": unit " + s.unit() + " for " + s.deviceClass());
            assertTrue(s.stateClass() == null || HaRules.STATE_CLASSES.get(s.deviceClass()).contains(s.stateClass()),
                    type + ": state class " + s.stateClass() + " for " + s.deviceClass());
        } else {
            assertTrue(s.diagnostic(), type + ": a value without device class (a count) is diagnostic");
        }
        if (s.stateClass() == null) {
            assertTrue(s.diagnostic(), type + ": a value without state class (a code, a limit) is diagnostic");
        } else if (RateWindows.isCounter(type)) {
            assertEquals("total_increasing", s.stateClass(), type.name());
        }
        String name = s.entityName(type);
        assertFalse(name.isBlank(), type.name());
        assertFalse(name.startsWith("Smart meter") || name.matches("(Gas|Water|Heat) meter.*"), name);
    }

    @ParameterizedTest
    @EnumSource(MeasurementType.class)
    void perPhaseValuesAreDiagnosticAndDisabled(MeasurementType type) {
        HaSensor s = HaSensor.of(type);
        if (HaSensor.phase(type.obis()) > 0) {
            assertTrue(s.diagnostic(), type.name());
            assertFalse(s.enabledByDefault(), type.name());
            assertTrue(s.entityName(type).endsWith(" L" + HaSensor.phase(type.obis())), s.entityName(type));
        }
    }

    @Test
    void entityNamesAreUniqueOnTheMetersDevice() {
        Map<String, MeasurementType> seen = new HashMap<>();
        for (MeasurementType type : MeasurementType.values()) {
            if (type.isMbus()) {
                continue; // each M-Bus meter is its own device
            }
            MeasurementType before = seen.put(HaSensor.of(type).entityName(type), type);
            assertEquals(null, before, type + " and " + before + " share the name " + HaSensor.of(type).entityName(type));
        }
    }

    @Test
    void unitsAreHomeAssistants() {
        assertEquals("W", HaSensor.of(MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT).unit());
        assertEquals(new BigDecimal("1727"), HaSensor.of(MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT).toHaUnit(new BigDecimal("1.727")));
        assertEquals("var", HaSensor.of(MeasurementType.MOMENTAN_REACTIVE_EFFECT_IN).unit());
        assertEquals("m³", HaSensor.of(MeasurementType.GAS_VOLUME).unit());
        assertEquals("water", HaSensor.of(MeasurementType.WATER_VOLUME).deviceClass());
        assertEquals("kWh", HaSensor.of(MeasurementType.ACTIVE_ENERGY_OUT_T1).unit());
        assertEquals("Energy import tariff 1", HaSensor.of(MeasurementType.ACTIVE_ENERGY_OUT_T1).entityName(MeasurementType.ACTIVE_ENERGY_OUT_T1));
        assertEquals(3, HaSensor.of(MeasurementType.SUM_ACTIVE_ENERGY_IN).precision());
        assertEquals(new BigDecimal("6678.394"), HaSensor.of(MeasurementType.SUM_ACTIVE_ENERGY_OUT).toHaUnit(new BigDecimal("00006678.394")));
        assertEquals(new BigDecimal("0"), HaSensor.of(MeasurementType.SUM_ACTIVE_ENERGY_IN).toHaUnit(new BigDecimal("0.000")));
    }
}
