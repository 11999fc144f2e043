package org.p1powermeter.vscp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p1powermeter.measure.Extraction;
import org.p1powermeter.measure.HandBuiltTelegram;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.Sensor;

/**
 * The Python script's 26 measurements, end to end from a telegram line to the VSCP event, with the table's
 * default settings: the seed's sensor index / id / note, the type and unit of {@link org.p1powermeter.measure.MeasurementType} (VSCP
 * specification, vscp_measurements.md), and the
 * value in the VSCP unit (kW → W: {@code 1-0:1.7.0(12.345*kW)} is 12345, not the seed's 2.345).
 */
class SeedMeasurementEventsTest {

    static final byte[] MAC = {(byte) 0xB8, 0x27, (byte) 0xEB, (byte) 0x8B, 0x57, 0x15};
    static final Instant RECEIVED = Instant.parse("2026-11-25T08:24:19.500Z");

    /** line, row, index = id, VSCP type, VSCP unit, value string in data bytes 4.., note. */
    static Stream<Arguments> seedRows() {
        return Stream.of(
                row("1-0:1.8.0(006678.394*kWh)", MeasurementType.SUM_ACTIVE_ENERGY_OUT, 1, 13, 1, "6678.394", "Meter reading active energy out"),
                row("1-0:2.8.0(000012.001*kWh)", MeasurementType.SUM_ACTIVE_ENERGY_IN, 2, 13, 1, "12.001", "Meter reading active energy in"),
                row("1-0:3.8.0(000400.120*kvarh)", MeasurementType.SUM_REACTIVE_ENERGY_OUT, 3, 65, 0, "400.120", "Meter reading reactive energy out"),
                row("1-0:4.8.0(001302.003*kvarh)", MeasurementType.SUM_REACTIVE_ENERGY_IN, 4, 65, 0, "1302.003", "Meter reading reactive energy in"),
                row("1-0:1.7.0(0012.345*kW)", MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT, 5, 14, 0, "12345", "Active effect out"),
                row("1-0:2.7.0(0000.000*kW)", MeasurementType.MOMENTAN_ACTIVE_EFFECT_IN, 6, 14, 0, "0", "Active effect in"),
                row("1-0:3.7.0(0000.250*kvar)", MeasurementType.MOMENTAN_REACTIVE_EFFECT_OUT, 7, 64, 0, "250", "Reactive effect out"),
                row("1-0:4.7.0(0001.005*kvar)", MeasurementType.MOMENTAN_REACTIVE_EFFECT_IN, 8, 64, 0, "1005", "Reactive effect in"),
                row("1-0:21.7.0(0000.540*kW)", MeasurementType.MOMENTAN_ACTIVE_EFFECT_L1_OUT, 9, 14, 0, "540", "Active effect L1 out"),
                row("1-0:22.7.0(0000.001*kW)", MeasurementType.MOMENTAN_ACTIVE_EFFECT_L1_IN, 10, 14, 0, "1", "Active effect L1 in"),
                row("1-0:41.7.0(0001.234*kW)", MeasurementType.MOMENTAN_ACTIVE_EFFECT_L2_OUT, 11, 14, 0, "1234", "Active effect L2 out"),
                row("1-0:42.7.0(0000.000*kW)", MeasurementType.MOMENTAN_ACTIVE_EFFECT_L2_IN, 12, 14, 0, "0", "Active effect L2 in"),
                row("1-0:61.7.0(0010.5*kW)", MeasurementType.MOMENTAN_ACTIVE_EFFECT_L3_OUT, 13, 14, 0, "10500", "Active effect L3 out"),
                row("1-0:62.7.0(0000.01*kW)", MeasurementType.MOMENTAN_ACTIVE_EFFECT_L3_IN, 14, 14, 0, "10", "Active effect L3 in"),
                row("1-0:23.7.0(0000.111*kvar)", MeasurementType.MOMENTAN_REACTIVE_EFFECT_L1_OUT, 15, 64, 0, "111", "Reactive effect L1 out"),
                row("1-0:24.7.0(0000.022*kvar)", MeasurementType.MOMENTAN_REACTIVE_EFFECT_L1_IN, 16, 64, 0, "22", "Reactive effect L1 in"),
                row("1-0:43.7.0(0000.333*kvar)", MeasurementType.MOMENTAN_REACTIVE_EFFECT_L2_OUT, 17, 64, 0, "333", "Reactive effect L2 out"),
                row("1-0:44.7.0(0000.000*kvar)", MeasurementType.MOMENTAN_REACTIVE_EFFECT_L2_IN, 18, 64, 0, "0", "Reactive effect L2 in"),
                row("1-0:63.7.0(0000.0005*kvar)", MeasurementType.MOMENTAN_REACTIVE_EFFECT_L3_OUT, 19, 64, 0, "0.5", "Reactive effect L3 out"),
                row("1-0:64.7.0(0000.070*kvar)", MeasurementType.MOMENTAN_REACTIVE_EFFECT_L3_IN, 20, 64, 0, "70", "Reactive effect L3 in"),
                row("1-0:32.7.0(229.9*V)", MeasurementType.VOLTAGE_L1, 21, 16, 0, "229.9", "Voltage L1"),
                row("1-0:52.7.0(231.0*V)", MeasurementType.VOLTAGE_L2, 22, 16, 0, "231.0", "Voltage L2"),
                row("1-0:72.7.0(222.9*V)", MeasurementType.VOLTAGE_L3, 23, 16, 0, "222.9", "Voltage L3"),
                row("1-0:31.7.0(001*A)", MeasurementType.CURRENT_L1, 24, 5, 0, "1", "Current L1"),
                row("1-0:51.7.0(012.50*A)", MeasurementType.CURRENT_L2, 25, 5, 0, "12.50", "Current L2"),
                row("1-0:71.7.0(000*A)", MeasurementType.CURRENT_L3, 26, 5, 0, "0", "Current L3"));
    }

    private static Arguments row(String line, MeasurementType type, int index, int vscpType, int unit, String value,
            String note) {
        return Arguments.of(line, type, index, vscpType, unit, value, note);
    }

    private static Map<MeasurementType, VscpEvent> eventsOfAllSeedLines(VscpEncoding encoding) {
        String[] lines = seedRows().map(a -> (String) a.get()[0]).toArray(String[]::new);
        Extraction x = new MeasurementExtractor().extract(HandBuiltTelegram.of(lines));
        assertTrue(x.skipped().isEmpty(), x.skipped()::toString);
        VscpEventFactory factory = VscpEventFactory.withDefaults(encoding, Guid.fromMac(MAC, 0));
        return x.measurements().stream().collect(Collectors.toMap(Measurement::type,
                m -> factory.create(m, RECEIVED, true)));
    }

    @Test
    void everySeedMeasurementIsExtractedOnce() {
        Map<MeasurementType, VscpEvent> events = eventsOfAllSeedLines(VscpEncoding.MEASUREMENT_STR);
        assertEquals(26, events.size());
        assertTrue(events.keySet().stream().allMatch(MeasurementType::isSeed));
        assertEquals(26, Arrays.stream(MeasurementType.values()).filter(MeasurementType::isSeed).count());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("seedRows")
    void seedLineBecomesTheRightStringEvent(String line, MeasurementType type, int index, int vscpType, int unit,
            String value, String note) {
        VscpEvent e = eventsOfAllSeedLines(VscpEncoding.MEASUREMENT_STR).get(type);
        assertEquals(1040, e.vscpClass());
        assertEquals(vscpType, e.vscpType());
        assertEquals(32864, e.head());
        assertEquals(String.format("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:%02X", index), e.guid().toString());
        assertEquals(index, e.nickname());
        assertEquals(note, e.note());
        byte[] ascii = value.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = new byte[4 + ascii.length + 1];
        expected[0] = (byte) index;
        expected[3] = (byte) unit;
        System.arraycopy(ascii, 0, expected, 4, ascii.length);
        assertArrayEquals(expected, e.data());
        assertEquals(value, e.measurement().value().toPlainString());
        assertEquals(unit, e.measurement().unit());
        assertEquals(index, e.measurement().sensorIndex());
        assertEquals(RECEIVED.minusMillis(500), e.dateTime(), "no telegram clock: time of receipt, whole seconds");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("seedRows")
    void seedLineBecomesTheRightFloatEvent(String line, MeasurementType type, int index, int vscpType, int unit,
            String value, String note) {
        VscpEvent e = eventsOfAllSeedLines(VscpEncoding.MEASUREMENT_FLOAT).get(type);
        assertEquals(1060, e.vscpClass());
        assertEquals(vscpType, e.vscpType());
        assertEquals(12, e.data().length);
        assertArrayEquals(new byte[] {(byte) index, 0, 0, (byte) unit}, Arrays.copyOf(e.data(), 4));
        long bits = 0;
        for (int i = 4; i < 12; i++) {
            bits = bits << 8 | (e.data()[i] & 0xFF);
        }
        assertEquals(Double.parseDouble(value), Double.longBitsToDouble(bits));
    }

    @Test
    void guidOfVoltageL1MatchesTheDocExample() {
        VscpEvent e = eventsOfAllSeedLines(VscpEncoding.MEASUREMENT_STR).get(MeasurementType.VOLTAGE_L1);
        assertEquals("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:15", e.guid().toString());
    }

    @Test
    void customSettingsReplaceIndexIdAndNote() {
        Function<Sensor, SensorSettings> settings = t -> t.type() == MeasurementType.VOLTAGE_L1
                ? new SensorSettings(200, 0x1234, "Spänning L1") : SensorSettings.defaultsFor(t);
        Measurement voltage = new MeasurementExtractor().extract(HandBuiltTelegram.of("1-0:32.7.0(229.9*V)"))
                .measurements().get(0);
        VscpEvent e = new VscpEventFactory(VscpEncoding.MEASUREMENT_STR, 7, 9, Guid.fromMac(MAC, 0), settings)
                .create(voltage, RECEIVED, false);
        assertEquals("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:12:34", e.guid().toString());
        assertArrayEquals(new byte[] {(byte) 200, 7, 9, 0, '2', '2', '9', '.', '9', 0}, e.data());
        assertEquals("Spänning L1", e.note());
        assertEquals(new VscpEvent.Measurement(new java.math.BigDecimal("229.9"), 0, 200, 7, 9), e.measurement());
    }
}
