package org.p1powermeter.vscp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.HandBuiltTelegram;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.Sensor;
import org.p1powermeter.p1.ObisId;

class VscpEventFactoryTest {

    private static final Guid BASE = Guid.fromMac(SeedMeasurementEventsTest.MAC, 0);
    private static final Instant RECEIVED = Instant.parse("2026-11-25T08:24:19.123456789Z");
    private static final Instant METER_TIME = Instant.parse("2026-11-25T08:24:10Z");

    private static Measurement measurement(MeasurementType type, String meterValue, int vscpExponent, int channel,
            Instant time) {
        BigDecimal v = new BigDecimal(meterValue);
        return new Measurement(type, type.obis().withB(channel), v, v.movePointRight(vscpExponent), channel, time);
    }

    @Test
    void docWorkedExampleEnergyAsString() {
        VscpEvent e = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, BASE)
                .create(measurement(MeasurementType.SUM_ACTIVE_ENERGY_OUT, "6678.394", 0, 0, METER_TIME), RECEIVED, true);
        assertArrayEquals(bytes(1, 0, 0, 1, 54, 54, 55, 56, 46, 51, 57, 52, 0), e.data());
        assertEquals(13, e.vscpType());
        assertEquals(1040, e.vscpClass());
    }

    @Test
    void docWorkedExamplePowerAsBigEndianDouble() {
        Measurement m = new MeasurementExtractor().extract(HandBuiltTelegram.of("1-0:1.7.0(00.540*kW)")).measurements().get(0);
        VscpEvent e = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_FLOAT, BASE).create(m, RECEIVED, true);
        assertArrayEquals(bytes(5, 0, 0, 0, 64, 128, 224, 0, 0, 0, 0, 0), e.data());
        assertEquals(1060, e.vscpClass());
        assertEquals(14, e.vscpType());
    }

    @Test
    void negativeAndFractionalValuesAreWrittenPlain() {
        VscpEventFactory f = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, BASE);
        VscpEvent e = f.create(measurement(MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT, "-0.0125", 3, 0, null), RECEIVED, true);
        assertArrayEquals(bytes(5, 0, 0, 0, '-', '1', '2', '.', '5', 0), e.data());
    }

    @Test
    void largeJouleValueHasNoExponentNotation() {
        VscpEvent e = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, BASE)
                .create(measurement(MeasurementType.HEAT_ENERGY, "240.860", 9, 1, null), RECEIVED, true);
        assertEquals("240860000000", new String(e.data(), 4, e.data().length - 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, e.data()[3]);
        assertEquals(13, e.vscpType());
    }

    @Test
    void dateTimeIsTheMeterTimeWhenWantedAndKnownElseTimeOfReceipt() {
        VscpEventFactory f = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, BASE);
        Measurement withTime = measurement(MeasurementType.VOLTAGE_L1, "230.0", 0, 0, METER_TIME);
        Measurement withoutTime = measurement(MeasurementType.VOLTAGE_L1, "230.0", 0, 0, null);
        assertEquals(METER_TIME, f.create(withTime, RECEIVED, true).dateTime());
        assertEquals(Instant.parse("2026-11-25T08:24:19Z"), f.create(withTime, RECEIVED, false).dateTime());
        assertEquals(Instant.parse("2026-11-25T08:24:19Z"), f.create(withoutTime, RECEIVED, true).dateTime());
    }

    @Test
    void timeStampIsMicrosecondsOfReceiptModulo2To32() {
        VscpEvent e = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, BASE)
                .create(measurement(MeasurementType.VOLTAGE_L1, "230.0", 0, 0, METER_TIME), RECEIVED, true);
        long micros = RECEIVED.getEpochSecond() * 1_000_000L + 123_456L;
        assertEquals(micros % (1L << 32), e.timeStamp());
        assertEquals(0, e.obid());
    }

    @Test
    void eachMbusChannelIsItsOwnSensorWithItsOwnIndexIdAndNote() {
        // issue 7, defect 4: two gas meters must not share GUID, sensor index and topic
        VscpEventFactory f = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, BASE);
        VscpEvent ch1 = f.create(measurement(MeasurementType.GAS_VOLUME, "12.5", 0, 1, null), RECEIVED, true);
        VscpEvent ch2 = f.create(measurement(MeasurementType.GAS_VOLUME, "12.5", 0, 2, null), RECEIVED, true);
        assertEquals(36, ch1.nickname());
        assertEquals(86, ch2.nickname());
        assertEquals(36, ch1.measurement().sensorIndex());
        assertEquals(86, ch2.measurement().sensorIndex());
        assertEquals("Gas meter reading 1", ch1.note());
        assertEquals("Gas meter reading 2", ch2.note());
        assertNotEquals(ch1.guid(), ch2.guid());
        VscpEventFactory custom = new VscpEventFactory(VscpEncoding.MEASUREMENT_STR, 0, 0, BASE,
                Map.of(Sensor.of(MeasurementType.GAS_VOLUME, 2), new SensorSettings(7, 700, "Garage gas")));
        VscpEvent garage = custom.create(measurement(MeasurementType.GAS_VOLUME, "12.5", 0, 2, null), RECEIVED, true);
        assertEquals(700, garage.nickname());
        assertEquals("Garage gas", garage.note());
        assertEquals(28, ch2.vscpType());
        assertEquals(new ObisId(0, 2, 24, 2, 1), measurement(MeasurementType.GAS_VOLUME, "1", 0, 2, null).obis());
    }

    @Test
    void settingsMapFallsBackToDefaultsForMissingRows() {
        VscpEventFactory f = new VscpEventFactory(VscpEncoding.MEASUREMENT_STR, 0, 0, BASE,
                Map.of(Sensor.of(MeasurementType.CURRENT_L1, 0), new SensorSettings(3, 300, null)));
        assertEquals(new SensorSettings(3, 300, null), f.settingsOf(MeasurementType.CURRENT_L1));
        assertEquals(SensorSettings.defaultsFor(MeasurementType.CURRENT_L2), f.settingsOf(MeasurementType.CURRENT_L2));
        VscpEvent e = f.create(measurement(MeasurementType.CURRENT_L1, "5", 0, 0, null), RECEIVED, true);
        assertEquals(300, e.nickname());
        assertEquals(null, e.note());
    }

    @Test
    void outOfRangeSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SensorSettings(256, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new SensorSettings(1, 65536, "x"));
        assertThrows(IllegalArgumentException.class, () -> new VscpEventFactory(VscpEncoding.MEASUREMENT_STR, 256, 0,
                BASE, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> new VscpEventFactory(VscpEncoding.MEASUREMENT_STR, 0, -1,
                BASE, DEFAULTS));
    }

    private static final java.util.function.Function<Sensor, SensorSettings> DEFAULTS = SensorSettings::defaultsFor;

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
