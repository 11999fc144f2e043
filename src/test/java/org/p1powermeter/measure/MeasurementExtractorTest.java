package org.p1powermeter.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.Telegram;
import org.p1powermeter.p1.TelegramParser;

class MeasurementExtractorTest {

    private static final String CLOCK = "0-0:1.0.0(200426223325S)"; // 2020-04-26 22:33:25 CEST
    private static final Instant CLOCK_UTC = Instant.parse("2020-04-26T20:33:25Z");

    private final MeasurementExtractor extractor = new MeasurementExtractor(HandBuiltTelegram.METER_ZONE);

    /** The lines in a telegram read by the real parser (meter zone Amsterdam). */
    private Extraction extract(String... lines) {
        return extractor.extract(parse("/HAND5\\TEST\r\n\r\n" + String.join("\r\n", lines) + "\r\n!\r\n"));
    }

    private static Telegram parse(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new TelegramParser(HandBuiltTelegram.METER_ZONE)
                .parse(new RawTelegram(bytes, RawTelegram.NO_CRC, 0, text.lastIndexOf('!')));
    }

    private static Measurement only(Extraction x) {
        assertEquals(1, x.measurements().size(), () -> "measurements: " + x.measurements() + " skipped: " + x.skipped());
        return x.measurements().get(0);
    }

    @Test
    void activePowerInKwIsScaledToWattsExactly() {
        Measurement m = only(extract(CLOCK, "1-0:1.7.0(12.345*kW)"));
        assertEquals(MeasurementType.MOMENTAN_ACTIVE_EFFECT_OUT, m.type());
        assertEquals(new BigDecimal("12.345"), m.meterValue());
        assertEquals("12345", m.vscpValue().toPlainString());
        assertEquals("12.345", m.meterValuePlain());
        assertEquals(0, m.channel());
        assertEquals(CLOCK_UTC, m.time());
    }

    @Test
    void leadingZerosAreDroppedAndScaleKept() {
        Measurement m = only(extract("1-0:1.8.0(006678.394*kWh)"));
        assertEquals("6678.394", m.vscpValue().toPlainString());
        assertEquals("6678.394", m.meterValuePlain());
    }

    @Test
    void tariffRegistersOfSagemcomXt211WithB1AreRecognised() {
        Extraction x = extract("1-1:1.8.1(000123.456*kWh)", "1-1:1.8.2(000007.000*kWh)", "1-1:2.8.1(000000.001*kWh)",
                "1-1:2.8.2(000000.000*kWh)");
        assertEquals(List.of(MeasurementType.ACTIVE_ENERGY_OUT_T1, MeasurementType.ACTIVE_ENERGY_OUT_T2,
                MeasurementType.ACTIVE_ENERGY_IN_T1, MeasurementType.ACTIVE_ENERGY_IN_T2),
                x.measurements().stream().map(Measurement::type).toList());
        assertEquals("123.456", x.measurements().get(0).vscpValue().toPlainString());
        assertEquals(new ObisId(1, 1, 1, 8, 1), x.measurements().get(0).obis());
        assertEquals("0.000", x.measurements().get(3).vscpValue().toPlainString());
    }

    @Test
    void electricityLinesOnOtherBGroupsAreNotTableRows() {
        Extraction x = extract("1-2:1.8.0(000123.456*kWh)");
        assertTrue(x.measurements().isEmpty());
        assertTrue(x.skipped().isEmpty());
    }

    @Test
    void powerFactorIsUnitless() {
        Measurement m = only(extract("1-0:13.7.0(0.987)"));
        assertEquals(MeasurementType.POWER_FACTOR, m.type());
        assertEquals("0.987", m.vscpValue().toPlainString());
    }

    @Test
    void frequencyInHertzIsSentAsIs() {
        Measurement m = only(extract("1-0:14.7.0(49.98*Hz)"));
        assertEquals(MeasurementType.FREQUENCY, m.type());
        assertEquals("49.98", m.vscpValue().toPlainString());
    }

    @ParameterizedTest(name = "{0} on a {1} row")
    @CsvSource({
            "1-0:1.7.0(540*W),         MOMENTAN_ACTIVE_EFFECT_OUT, 0.540,   540",
            "1-0:21.7.0(1234.5*W),     MOMENTAN_ACTIVE_EFFECT_L1_OUT, 1.2345, 1234.5",
            "1-0:1.8.0(1581123*Wh),    SUM_ACTIVE_ENERGY_OUT,      1581.123, 1581.123",
            "1-0:3.8.0(00123.4*kVArh), SUM_REACTIVE_ENERGY_OUT,    123.4,   123.4",
            "1-0:4.8.0(98765*varh),    SUM_REACTIVE_ENERGY_IN,     98.765,  98.765",
            "1-0:3.7.0(0.250*kVAr),    MOMENTAN_REACTIVE_EFFECT_OUT, 0.250, 250",
            "1-0:23.7.0(250*var),      MOMENTAN_REACTIVE_EFFECT_L1_OUT, 0.250, 250",
            "1-0:32.7.0(229.9*v),      VOLTAGE_L1,                 229.9,   229.9",
            "1-0:3.7.0(00.007),        MOMENTAN_REACTIVE_EFFECT_OUT, 0.007, 7",
    })
    void meterUnitSpellingsAreConvertedToTheRowUnit(String line, MeasurementType type, String meterValue, String vscpValue) {
        Measurement m = only(extract(line));
        assertEquals(type, m.type());
        assertEquals(meterValue, m.meterValue().toPlainString());
        assertEquals(vscpValue, m.vscpValue().toPlainString());
    }

    @Test
    void unitThatDoesNotFitTheRowIsSkippedWithReason() {
        Extraction x = extract("1-0:3.7.0(1.000*kVA)", "1-0:13.7.0(0.9*kW)", "1-0:32.7.0(230.1*V)");
        assertEquals(List.of(MeasurementType.VOLTAGE_L1), x.measurements().stream().map(Measurement::type).toList());
        assertEquals(2, x.skipped().size());
        Skipped first = x.skipped().get(0);
        assertEquals(SkipReason.UNIT_MISMATCH, first.reason());
        assertEquals(MeasurementType.MOMENTAN_REACTIVE_EFFECT_OUT, first.type());
        assertEquals(new ObisId(1, 0, 3, 7, 0), first.obis());
        assertTrue(first.detail().contains("kVA"), first.detail());
        assertEquals(SkipReason.UNIT_MISMATCH, x.skipped().get(1).reason());
        assertEquals(MeasurementType.POWER_FACTOR, x.skipped().get(1).type());
    }

    @Test
    void emptyAndNonNumericValuesAreSkippedWithReason() {
        Extraction x = extract("1-0:1.7.0()", "1-0:2.7.0(12,5*kW)");
        assertTrue(x.measurements().isEmpty());
        assertEquals(List.of(SkipReason.EMPTY_VALUE, SkipReason.NOT_A_NUMBER),
                x.skipped().stream().map(Skipped::reason).toList());
    }

    @Test
    void firstOccurrenceOfARowWinsAndLaterOnesAreReportedAsDuplicates() {
        Extraction x = extract("1-0:1.8.0(000001.000*kWh)", "1-1:1.8.0(000002.000*kWh)");
        assertEquals("1.000", only(x).meterValuePlain());
        assertEquals(SkipReason.DUPLICATE, x.skipped().get(0).reason());
    }

    @Test
    void textObjectsAreNoMeasurementsAndIdsInNeitherTableAreReportedAsUnknown() {
        Extraction x = extract(CLOCK, "0-0:96.1.1(4530303434303037333832323436303139)", "1-3:0.2.8(50)",
                "0-0:96.13.0()", "0-1:96.1.0(4730303339303031393336393930363139)", "1-0:9.7.0(00.123*kVA)",
                "1-0:33.37.0(00000)");
        assertTrue(x.measurements().isEmpty());
        assertTrue(x.skipped().isEmpty());
        assertEquals(List.of(ObisId.parse("1-0:9.7.0"), ObisId.parse("1-0:33.37.0")), x.unknown());
    }

    @Test
    void newRowsReadTariffIndicatorLimiterInEitherUnitAndTheFailureLogPerEntry() {
        Extraction x = extract(CLOCK, "0-0:96.14.0(0002)", "0-0:17.0.0(016*A)",
                "1-0:99.97.0(3)(0-0:96.7.19)(190326095015W)(0000002014*s)(000101000001W)(2147483647*s)"
                        + "(200701120000S)(0000000060*s)");
        assertEquals(List.of("tariff_indicator=2", "limiter_threshold_current=16", "power_failure_duration=2014",
                "power_failure_duration=60"), x.measurements().stream()
                .map(m -> m.name() + "=" + m.meterValuePlain()).toList());
        assertEquals(Instant.parse("2019-03-26T08:50:15Z"), x.measurements().get(2).time(), "the failure's end");
        assertEquals(Instant.parse("2020-07-01T10:00:00Z"), x.measurements().get(3).time());
        assertEquals(MeasurementType.LIMITER_THRESHOLD_POWER,
                only(extract("0-0:17.0.0(0999.00*kW)")).type(), "kW: the first row with this id");
        assertTrue(x.skipped().isEmpty(), x.skipped()::toString);
    }

    @Test
    void belgianPeakHistoryGivesOneMeasurementPerMonthDatedByItsPeak() {
        Extraction x = extract("0-0:1.0.0(200512135409S)", "1-0:1.6.0(200509134558S)(02.589*kW)",
                "0-0:98.1.0(2)(1-0:1.6.0)(1-0:1.6.0)(200501000000S)(200423192538S)(03.695*kW)"
                        + "(200401000000S)(632525252525W)(05.980*kW)");
        assertEquals(List.of("demand_month_peak=2.589", "demand_peak_history=3.695", "demand_peak_history=5.980"),
                x.measurements().stream().map(m -> m.name() + "=" + m.meterValuePlain()).toList());
        assertEquals(Instant.parse("2020-05-09T11:45:58Z"), x.measurements().get(0).time(), "the peak's own time");
        assertEquals(Instant.parse("2020-04-23T17:25:38Z"), x.measurements().get(1).time());
        assertEquals(Instant.parse("2020-03-31T22:00:00Z"), x.measurements().get(2).time(), "no peak time: the month");
        assertEquals(SkipReason.UNREADABLE_LAYOUT,
                extract("0-0:98.1.0(230701000000S)(000040.777*kWh)(04.104*kW)").skipped().get(0).reason());
    }

    @Test
    void electricityTimeIsNullWhenTheTelegramHasNoClock() {
        assertNull(only(extract("1-0:1.8.1(00001.001*kWh)")).time());
    }

    @Test
    void gasOnChannelTwoIsReadAndTheDeadChannelOneIsSkipped() {
        Extraction x = extract(CLOCK, "0-1:24.1.0(003)", "0-1:96.1.0()", "0-1:24.2.1(700101010000W)(00000000)",
                "0-2:24.1.0(003)", "0-2:96.1.0(4730303339303031393336393930363139)",
                "0-2:24.2.1(200426223001S)(00246.138*m3)");
        Measurement gas = only(x);
        assertEquals(MeasurementType.GAS_VOLUME, gas.type());
        assertEquals(2, gas.channel());
        assertEquals("gas_volume_2", gas.name());
        assertEquals(new ObisId(0, 2, 24, 2, 1), gas.obis());
        assertEquals("246.138", gas.vscpValue().toPlainString());
        assertEquals(Instant.parse("2020-04-26T20:30:01Z"), gas.time(), "M-Bus capture time, not the telegram time");
        assertEquals(1, x.skipped().size());
        assertEquals(SkipReason.DEAD_MBUS_CHANNEL, x.skipped().get(0).reason());
        assertEquals(1, x.skipped().get(0).channel());
    }

    @Test
    void invalidMbusPlaceholderWithoutUnitIsADeadChannel() {
        Extraction x = extract("0-1:24.1.0(003)", "0-1:24.2.1(632525252525S)(00000.000)");
        assertTrue(x.measurements().isEmpty());
        assertEquals(SkipReason.DEAD_MBUS_CHANNEL, x.skipped().get(0).reason());
    }

    @Test
    void heatInGigajouleIsSentInJoule() {
        Measurement heat = only(extract("0-0:1.0.0(260215200523W)", "0-1:24.1.0(004)",
                "0-1:24.2.1(260215200523W)(240.860*GJ)"));
        assertEquals(MeasurementType.HEAT_ENERGY, heat.type());
        assertEquals("240.860", heat.meterValuePlain());
        assertEquals("240860000000", heat.vscpValue().toPlainString());
    }

    @Test
    void waterAndBelgianGasRegisterAreReadPerMedium() {
        Extraction x = extract("0-1:24.1.0(007)", "0-1:24.2.1(200512134558S)(00012.5*m\u00b3)",
                "0-3:24.1.0(003)", "0-3:24.2.3(200512134558S)(00112.384*m3)");
        assertEquals(List.of(MeasurementType.WATER_VOLUME, MeasurementType.GAS_VOLUME),
                x.measurements().stream().map(Measurement::type).toList());
        assertEquals(List.of(1, 3), x.measurements().stream().map(Measurement::channel).toList());
    }

    @Test
    void dsmr22GasTakesItsUnitFromItsOwnGroupAndValueFromTheContinuationLine() {
        Measurement gas = only(extract("0-1:24.1.0(3)", "0-1:24.3.0(161107190000)(00)(60)(1)(0-1:24.2.1)(m3)",
                "(00001.001)"));
        assertEquals(MeasurementType.GAS_VOLUME, gas.type());
        assertEquals("1.001", gas.vscpValue().toPlainString());
        assertEquals(Instant.parse("2016-11-07T18:00:00Z"), gas.time());
    }

    @Test
    void mbusValueOnAChannelWithoutKnownDeviceTypeIsSkippedWithReason() {
        Extraction x = extract("0-1:24.2.1(200426223001S)(00246.138*m3)", "0-2:24.1.0(005)",
                "0-2:24.2.1(200426223001S)(00001.000*kWh)");
        assertTrue(x.measurements().isEmpty());
        assertEquals(List.of(SkipReason.UNMAPPED_MBUS_DEVICE, SkipReason.UNMAPPED_MBUS_DEVICE),
                x.skipped().stream().map(Skipped::reason).toList());
        assertTrue(x.skipped().get(1).detail().contains("5"));
    }

    @Test
    void mbusValueWithTheWrongUnitIsSkipped() {
        Extraction x = extract("0-1:24.1.0(003)", "0-1:24.2.1(200426223001S)(00246.138*GJ)");
        assertEquals(SkipReason.UNIT_MISMATCH, x.skipped().get(0).reason());
        assertEquals(MeasurementType.GAS_VOLUME, x.skipped().get(0).type());
    }

    @Test
    void realTelegramWithTwoMbusDevicesGivesEveryTableValue() throws Exception {
        Telegram t = parse(new String(getClass()
                .getResourceAsStream("/corpus/dsmr_parser/v5_iskra_am550_two_mbus.txt").readAllBytes(),
                java.nio.charset.StandardCharsets.ISO_8859_1));
        Extraction x = extractor.extract(t);
        // 4 tariffs, 2 power, 3 V, 3 A, 6 per-phase power, 1 gas (the 26 rows and M-Bus: 19);
        // tariff indicator, 2 failure counts, 1 failure-log entry, 3 sags, 3 swells (new groups: 10)
        assertEquals(29, x.measurements().size(), x.measurements()::toString);
        assertEquals(19, x.measurements().stream()
                .filter(m -> m.type().ordinal() <= MeasurementType.HEAT_ENERGY.ordinal()).count(), "rows before issue 7");
        assertEquals(List.of(), x.unknown(), "every object of a DSMR 5 telegram is known");
        assertEquals(List.of(SkipReason.DEAD_MBUS_CHANNEL), x.skipped().stream().map(Skipped::reason).toList());
        assertTrue(x.measurements().stream().filter(m -> m.channel() == 0 && m.type().layout() == Layout.VALUE)
                .allMatch(m -> CLOCK_UTC.equals(m.time())));
    }
}
