package org.p1powermeter.vscp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.Extraction;
import org.p1powermeter.measure.HandBuiltTelegram;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.p1.Telegram;

/**
 * Writes every event of realistic telegrams to {@code target/vscp-samples/} as {@code <name>.json} with its topic
 * in {@code <name>.topic}, for the external interoperability check ({@code shared/tools/vscp-check}, run by CI on
 * that folder), and checks here that each file reads back as the event that was written.
 */
class VscpSampleFilesTest {

    static final Path SAMPLES = Path.of("target", "vscp-samples");
    private static final Guid BASE = Guid.fromMac(SeedMeasurementEventsTest.MAC, 0);
    private static final Instant RECEIVED = Instant.parse("2020-04-26T20:33:27.250Z");
    private static final TopicTemplate PYTHON_TOPIC = TopicTemplate.parse(TopicTemplate.PYTHON_DEFAULT);
    private static final TopicTemplate FULL_TOPIC =
            TopicTemplate.parse("vscp/{guid}/{class}/{type}/{nickname}/{sensorindex}/{zone}/{subzone}");

    /** Lines the corpus telegrams lack: reactive power and energy, power factor, frequency, W/Wh units. */
    private static final String[] EXTRA_LINES = {"0-0:1.0.0(200426223325S)", "1-0:1.8.0(001581123*Wh)",
            "1-0:3.8.0(00123.400*kVArh)", "1-0:4.8.0(98765*varh)", "1-0:3.7.0(0.250*kVAr)", "1-0:4.7.0(00.007)",
            "1-0:23.7.0(0000.111*kvar)", "1-0:13.7.0(0.987)", "1-0:33.7.0(0.95)", "1-0:14.7.0(49.98*Hz)",
            "1-0:2.7.0(-0.540*kW)", "1-0:22.7.0(540*W)"};

    @BeforeAll
    static void cleanSamples() throws IOException {
        Files.createDirectories(SAMPLES);
        try (Stream<Path> old = Files.list(SAMPLES)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void everyEventOfTheTwoMbusTelegramIsWrittenInBothEncodings() throws IOException {
        Telegram t = HandBuiltTelegram.ofText(corpus("v5_iskra_am550_two_mbus.txt"));
        assertEquals(29, writeAll("am550", t, VscpEncoding.MEASUREMENT_STR, PYTHON_TOPIC));
        assertEquals(29, writeAll("am550", t, VscpEncoding.MEASUREMENT_FLOAT, FULL_TOPIC));
    }

    /**
     * A line for every row the corpus telegrams lack (issue 7): tariffs 3/4 and reactive tariffs, quadrants (HU),
     * demand and peak history (BE), power quality, limits, and an M-Bus device of every kind on channels 1-4.
     */
    static final String[] EVERY_NEW_ROW = {"0-0:1.0.0(200426223325S)", "1-0:1.8.3(000010.001*kWh)",
        "1-0:1.8.4(000010.002*kWh)", "1-0:2.8.3(000010.003*kWh)", "1-0:2.8.4(000010.004*kWh)",
        "1-0:3.8.1(000020.001*kvarh)", "1-0:3.8.2(000020.002*kvarh)", "1-0:4.8.1(000020.003*kvarh)",
        "1-0:4.8.2(000020.004*kvarh)", "0-0:96.14.0(0002)", "1-0:5.8.0(000030.001*kvarh)",
        "1-0:6.8.0(000030.002*kvarh)", "1-0:7.8.0(000030.003*kvarh)", "1-0:8.8.0(000030.004*kvarh)",
        "1-0:5.7.0(00.101*kvar)", "1-0:6.7.0(00.102*kvar)", "1-0:7.7.0(00.103*kvar)", "1-0:8.7.0(00.104*kvar)",
        "1-0:15.8.0(000040.000*kWh)", "1-0:1.4.0(02.351*kW)", "1-0:1.6.0(200509134558S)(02.589*kW)",
        "0-0:98.1.0(1)(1-0:1.6.0)(1-0:1.6.0)(200401000000S)(200305122139S)(05.980*kW)", "0-0:96.7.21(00005)",
        "0-0:96.7.9(00003)", "1-0:99.97.0(1)(0-0:96.7.19)(190326095015W)(0000002014*s)", "1-0:32.32.0(00001)",
        "1-0:52.32.0(00002)", "1-0:72.32.0(00003)", "1-0:32.36.0(00004)", "1-0:52.36.0(00005)",
        "1-0:72.36.0(00006)", "1-0:31.4.0(999*A)", "1-0:51.4.0(200.00*A)", "1-0:71.4.0(063*A)",
        "0-0:96.3.10(1)", "0-0:17.0.0(999.9*kW)",
        "0-1:24.1.0(002)", "0-1:24.2.1(200426223001S)(00123.456*kWh)",
        "0-2:24.1.0(006)", "0-2:24.2.1(200426223001S)(00012.345*m3)",
        "0-3:24.1.0(022)", "0-3:24.2.1(200426223001S)(00001.234*m3)",
        "0-4:24.1.0(003)", "0-4:24.2.3(200426223001S)(00246.138*m3)"};

    @Test
    void everyRowOfTheTableHasASampleInBothEncodings() throws IOException {
        String text = "/NEW5\\ROWS\r\n\r\n" + String.join("\r\n", EVERY_NEW_ROW) + "\r\n!\r\n";
        Telegram t = new org.p1powermeter.p1.TelegramParser(HandBuiltTelegram.METER_ZONE).parse(
                new org.p1powermeter.p1.RawTelegram(text.getBytes(StandardCharsets.ISO_8859_1),
                        org.p1powermeter.p1.RawTelegram.NO_CRC, 0, text.lastIndexOf('!')));
        assertEquals(List.of(), t.issues());
        assertEquals(EVERY_NEW_ROW.length - 1 - 4, writeAll("new", t, VscpEncoding.MEASUREMENT_STR, FULL_TOPIC));
        assertEquals(EVERY_NEW_ROW.length - 1 - 4, writeAll("new", t, VscpEncoding.MEASUREMENT_FLOAT, PYTHON_TOPIC));
        Telegram limiterInAmpere = HandBuiltTelegram.of("0-0:17.0.0(016*A)");
        assertEquals(1, writeAll("limiter", limiterInAmpere, VscpEncoding.MEASUREMENT_STR, FULL_TOPIC));
        try (Stream<Path> files = Files.list(SAMPLES)) {
            java.util.Set<String> written = new java.util.TreeSet<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(written::add);
            for (org.p1powermeter.measure.MeasurementType row : org.p1powermeter.measure.MeasurementType.values()) {
                if (row.ordinal() <= org.p1powermeter.measure.MeasurementType.HEAT_ENERGY.ordinal()) {
                    continue; // the rows before issue 7 have their samples from the tests above
                }
                assertTrue(written.stream().anyMatch(n -> n.startsWith("new-1040-" + row.configName())
                        || n.startsWith("limiter-1040-" + row.configName())), "a class 1040 sample of " + row.configName());
            }
        }
    }

    @Test
    void heatMeterEventsAreWritten() throws IOException {
        Telegram t = HandBuiltTelegram.ofText(corpus("v5_nwa_warmtelink_heat_unpadded_crc.txt"));
        assertEquals(1, writeAll("warmtelink", t, VscpEncoding.MEASUREMENT_STR, FULL_TOPIC));
        assertEquals(1, writeAll("warmtelink", t, VscpEncoding.MEASUREMENT_FLOAT, PYTHON_TOPIC));
    }

    @Test
    void reactivePowerFactorFrequencyAndWattUnitEventsAreWritten() throws IOException {
        Telegram t = HandBuiltTelegram.of(EXTRA_LINES);
        assertEquals(EXTRA_LINES.length - 1, writeAll("extra", t, VscpEncoding.MEASUREMENT_STR, FULL_TOPIC));
        assertEquals(EXTRA_LINES.length - 1, writeAll("extra", t, VscpEncoding.MEASUREMENT_FLOAT, PYTHON_TOPIC));
    }

    private static int writeAll(String prefix, Telegram t, VscpEncoding encoding, TopicTemplate topic) throws IOException {
        Extraction x = new MeasurementExtractor(HandBuiltTelegram.METER_ZONE).extract(t);
        VscpEventFactory factory = VscpEventFactory.withDefaults(encoding, BASE);
        List<Measurement> measurements = x.measurements();
        for (Measurement m : measurements) {
            VscpEvent e = factory.create(m, RECEIVED, true);
            String first = prefix + "-" + encoding.vscpClass() + "-" + m.name();
            String name = first;
            for (int n = 2; Files.exists(SAMPLES.resolve(name + ".json")); n++) {
                name = first + "-" + n; // a history or log gives several events of one sensor
            }
            Path json = SAMPLES.resolve(name + ".json");
            Files.write(json, VscpJson.toJsonBytes(e));
            Files.writeString(SAMPLES.resolve(name + ".topic"), topic.render(e), StandardCharsets.UTF_8);
            assertEquals(e, VscpJson.fromJson(Files.readString(json, StandardCharsets.UTF_8)));
        }
        return measurements.size();
    }

    private static String corpus(String file) throws IOException {
        try (InputStream in = VscpSampleFilesTest.class.getResourceAsStream("/corpus/dsmr_parser/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
