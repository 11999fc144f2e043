package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.measure.SkipReason;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.RateLimitedLog;
import org.p1powermeter.p1.Crc16Arc;
import org.p1powermeter.p1.CrcPolicy;
import org.p1powermeter.p1.DropReason;
import org.p1powermeter.p1.FrameListener;
import org.p1powermeter.p1.FramerOptions;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramFramer;
import org.p1powermeter.p1.TelegramParser;

/**
 * Issue 7, defects 2 and 3, through the real framer, parser, extractor and parse stage: a telegram without a verified
 * CRC is published only when it is well formed, and a unit written without {@code *} is read on every OBIS code.
 */
class P1TelegramProcessorEdgesTest {

    private final P1Metrics metrics = new P1Metrics();
    private final List<String> logged = new ArrayList<>();
    private final P1TelegramProcessor processor = new P1TelegramProcessor(new TelegramParser(),
            new MeasurementExtractor(), metrics, new RateLimitedLog(logged::add, Duration.ZERO, System::nanoTime));

    private List<List<Measurement>> run(CrcPolicy policy, String stream) {
        List<List<Measurement>> out = new ArrayList<>();
        TelegramFramer framer = new TelegramFramer(FramerOptions.defaults().withCrcPolicy(policy), new FrameListener() {
            @Override
            public void onTelegram(RawTelegram telegram) {
                out.add(processor.measure(telegram).measurements());
            }
        });
        framer.feed(stream.getBytes(StandardCharsets.ISO_8859_1));
        framer.endOfInput();
        return out;
    }

    private static Map<String, String> values(List<Measurement> ms) {
        Map<String, String> m = new TreeMap<>();
        ms.forEach(x -> m.put(x.name(), x.meterValuePlain()));
        return m;
    }

    @Test
    void aCutTelegramRunIntoTheNextWithoutCrcIsNotPublishedAsAMix() {
        // the cut one's last value runs into the next telegram on the same line: framing cannot tell them apart
        String mixed = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.0(00001.001*kWh)\r\n1-0:1.7.0(00.321*k"
                + "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.0(00002.002*kWh)\r\n1-0:1.7.0(0001.19*kW)\r\n!\r\n";
        for (CrcPolicy policy : List.of(CrcPolicy.AUTO, CrcPolicy.OFF)) {
            assertEquals(List.of(List.of()), run(policy, mixed), policy.name());
        }
        assertEquals(2, metrics.dropped(DropReason.UNVERIFIED_MALFORMED));
        assertTrue(logged.stream().anyMatch(l -> l.contains("UNVERIFIED_MALFORMED")), logged.toString());
    }

    @Test
    void aCutTelegramFollowedByAWholeOneOnANewLineGivesTheWholeOneUnderEveryPolicy() {
        String cut = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.0(00001.001*kWh)\r\n1-0:1.7.0(00.321*k\r\n";
        String whole = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.0(00002.002*kWh)\r\n1-0:1.7.0(0001.19*kW)\r\n!\r\n";
        for (CrcPolicy policy : List.of(CrcPolicy.AUTO, CrcPolicy.OFF)) {
            List<List<Measurement>> out = run(policy, cut + whole);
            assertEquals(1, out.size(), policy.name());
            assertEquals(Map.of("momentan_active_effect_out", "1.19", "sum_active_energy_out", "2.002"),
                    values(out.get(0)), policy.name());
        }
        assertEquals(0, metrics.dropped(DropReason.UNVERIFIED_MALFORMED));
    }

    @Test
    void aBrokenLineInATelegramWithAVerifiedCrcIsSkippedAloneAndWithoutCrcDropsTheTelegram() {
        String body = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.0(00002.002*kWh)\r\n1-0:1.7.0(0001.19*kW\r\n1-0:2.7.0(0000.00*kW)\r\n!";
        String withCrc = body + String.format("%04X", Crc16Arc.compute(body.getBytes(StandardCharsets.ISO_8859_1))) + "\r\n";
        List<List<Measurement>> verified = run(CrcPolicy.AUTO, withCrc);
        assertEquals(Map.of("momentan_active_effect_in", "0.00", "sum_active_energy_out", "2.002"), values(verified.get(0)));
        assertEquals(List.of(List.of()), run(CrcPolicy.AUTO, body + "\r\n"));
        assertEquals(1, metrics.dropped(DropReason.UNVERIFIED_MALFORMED));
    }

    @Test
    void unitsWithoutStarAreReadOnEveryObisCode() throws IOException {
        // issue 7, defect 3: Belgian e-MUCS as some gateways send it, 1-0:42.7.0(00.000kW): every '*' of a value removed
        String withStar = resource("/corpus/dsmr_parser/be_fluvius_v171.txt");
        String head = withStar.substring(0, withStar.lastIndexOf('!') + 1);
        String noStar = head.replaceAll("\\*(?=[A-Za-z]+\\))", "");
        assertTrue(noStar.contains("1-0:42.7.0(00.000kW)"), noStar);
        noStar += String.format("%04X", Crc16Arc.compute(noStar.getBytes(StandardCharsets.ISO_8859_1))) + "\r\n";
        List<Measurement> expected = run(CrcPolicy.AUTO, withStar).get(0);
        List<Measurement> actual = run(CrcPolicy.AUTO, noStar).get(0);
        assertEquals(values(expected), values(actual));
        assertTrue(values(actual).containsKey("momentan_active_effect_l2_in"), values(actual).toString());
        assertEquals(0, metrics.skipped(SkipReason.NOT_A_NUMBER) + metrics.skipped(SkipReason.UNIT_MISMATCH));
        assertEquals(processor.measure(framed(withStar)).telegram().get(EQUIPMENT).value().hexDecoded(),
                processor.measure(framed(noStar)).telegram().get(EQUIPMENT).value().hexDecoded());
    }

    @Test
    void aSwedishSummerTelegramFlaggedWIsDatedAtPlusOneHourAndAnUnsetClockAsSentWithAWarning() {
        // issue 7, defect 5, with the default meter_zone (Europe/Stockholm)
        String summer = "/ELL5\\253833635_A\r\n\r\n0-0:1.0.0(230715120000W)\r\n1-0:1.8.0(00006678.394*kWh)\r\n!\r\n";
        Measurement m = run(CrcPolicy.AUTO, summer).get(0).get(0);
        assertEquals(java.time.OffsetDateTime.parse("2023-07-15T12:00:00+01:00").toInstant(), m.time());
        assertTrue(logged.isEmpty(), logged.toString());
        String unset = summer.replace("230715120000W", "000101010000W");
        assertEquals(java.time.Instant.parse("2000-01-01T00:00:00Z"), run(CrcPolicy.AUTO, unset).get(0).get(0).time());
        assertTrue(logged.stream().anyMatch(l -> l.contains("clock is not set")), logged.toString());
    }

    @Test
    void objectsInNeitherTableAreCountedPerIdAndTextObjectsComeWithTheResult() {
        // issue 7: nothing a meter sends is dropped silently
        String lu = "/Lux5\\253663629_D\r\n\r\n0-0:1.0.0(230102030405W)\r\n0-0:42.0.0(53414733303832323030303032313630)\r\n"
                + "1-0:9.7.0(00.123*kVA)\r\n1-0:10.7.0(00.000*kVA)\r\n0-0:96.13.0(48656C6C6F)\r\n1-0:1.8.0(000001.000*kWh)\r\n!\r\n";
        for (int i = 0; i < 3; i++) {
            assertEquals(1, run(CrcPolicy.AUTO, lu).get(0).size());
        }
        assertEquals(Map.of("1-0:9.7.0", 3L, "1-0:10.7.0", 3L), metrics.getUnknownObis());
        P1TelegramProcessor.Result result = processor.measure(framed(lu));
        assertEquals(Map.of("logical_device_name", "SAG3082200002160", "text_message", "Hello"), result.texts());
        assertTrue(metrics.unknownObis("1-0:9.7.0") == false, "reported once: only the first count is new");
    }

    private static final org.p1powermeter.p1.ObisId EQUIPMENT = new org.p1powermeter.p1.ObisId(0, 0, 96, 1, 1);

    private static RawTelegram framed(String text) {
        List<RawTelegram> out = new ArrayList<>();
        TelegramFramer framer = new TelegramFramer(FramerOptions.defaults(), out::add);
        framer.feed(text.getBytes(StandardCharsets.ISO_8859_1));
        framer.endOfInput();
        return out.get(0);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = P1TelegramProcessorEdgesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
