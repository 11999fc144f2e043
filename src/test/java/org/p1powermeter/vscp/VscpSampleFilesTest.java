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
        assertEquals(19, writeAll("am550", t, VscpEncoding.MEASUREMENT_STR, PYTHON_TOPIC));
        assertEquals(19, writeAll("am550", t, VscpEncoding.MEASUREMENT_FLOAT, FULL_TOPIC));
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
            String name = prefix + "-" + encoding.vscpClass() + "-" + m.name();
            Path json = SAMPLES.resolve(name + ".json");
            assertTrue(!Files.exists(json), "one file per event: " + json);
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
