package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus telegram with expected values in manifest.json parses to exactly those values, without issues. */
class ParserCorpusTest {

    private static final Pattern ENTRIES = Pattern.compile("(\\d+) entries(?:, type (\\S+))?");
    private static final Pattern OBJECTS = Pattern.compile("(\\d+) objects");
    /** A decimal dsmr_parser compares as a number: no leading zero before another digit. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?");

    static Stream<JsonNode> filesWithExpectedValues() throws IOException {
        try (InputStream in = ParserCorpusTest.class.getResourceAsStream(TestTelegrams.CORPUS + "manifest.json")) {
            JsonNode manifest = new ObjectMapper().readTree(in);
            List<JsonNode> files = new ArrayList<>();
            manifest.forEach(f -> {
                if (f.has("expected") && f.get("expected").isArray()) {
                    files.add(f);
                }
            });
            assertTrue(files.size() >= 15, "manifest lists the corpus files with expected values");
            return files.stream();
        }
    }

    /** dsmr_parser's tests read NL as Europe/Amsterdam, BE as Europe/Brussels, HU as Europe/Budapest. */
    static ZoneId zoneFor(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.startsWith("be_") ? ZoneId.of("Europe/Brussels")
                : name.startsWith("hu_") ? ZoneId.of("Europe/Budapest") : ZoneId.of("Europe/Amsterdam");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithExpectedValues")
    void parsesEveryExpectedValueWithoutIssues(JsonNode file) {
        String name = file.get("file").asText();
        ZoneId zone = zoneFor(name);
        Telegram telegram = new TelegramParser(zone).parse(TestTelegrams.corpus(name));
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(List.of(), telegram.issues(), "real telegram " + name + " parses without issues"));
        for (JsonNode expected : file.get("expected")) {
            checks.add(() -> checkEntry(telegram, zone, expected));
        }
        assertAll(name, checks);
    }

    private static void checkEntry(Telegram telegram, ZoneId zone, JsonNode expected) {
        String obis = expected.get("obis").asText();
        JsonNode valueNode = expected.get("value");
        String value = valueNode.isNull() ? null : valueNode.asText();
        String unit = expected.get("unit").isNull() ? null : expected.get("unit").asText();
        String note = expected.has("note") ? expected.get("note").asText() : "";
        if (obis.equals("CRC")) {
            return; // the CRC is the framer's business; the parser must just read the telegram (issues checked above)
        }
        if (obis.equals("(all)")) {
            Matcher m = OBJECTS.matcher(value);
            assertTrue(m.matches(), value);
            assertEquals(Integer.parseInt(m.group(1)), telegram.objects().size(), "object count");
            return;
        }
        CosemObject object = telegram.get(ObisId.parse(obis));
        assertNotNull(object, obis + " present");
        String where = obis + " " + note;
        if (obis.equals("0-0:1.0.0")) {
            assertEquals(OffsetDateTime.parse(value).toInstant(), telegram.timestamp(), where);
            return;
        }
        Matcher entries = value == null ? null : ENTRIES.matcher(value);
        if (entries != null && entries.matches()) {
            assertEquals(Long.parseLong(entries.group(1)), object.value().integer(), where + ": count group");
            if (entries.group(2) != null) {
                assertEquals(entries.group(2), object.value(1).text(), where + ": buffer type");
            }
            return;
        }
        CosemValue actual = object.value();
        if (value == null) {
            assertTrue(actual.isEmpty(), where + ": empty () expected, got " + actual);
        } else if (PLAIN_DECIMAL.matcher(value).matches()) {
            assertNotNull(actual.decimal(), where + ": number expected, got " + actual);
            assertEquals(0, new BigDecimal(value).compareTo(actual.decimal()), where + ": " + value + " vs " + actual);
        } else {
            assertEquals(value, actual.text(), where);
        }
        assertEquals(unit, actual.unit(), where + ": unit");
        if (note.startsWith("at ")) {
            Instant at = OffsetDateTime.parse(note.substring(3, note.indexOf(' ', 3) < 0 ? note.length() : note.indexOf(' ', 3)))
                    .toInstant();
            assertEquals(at, object.captureTime(zone), where + ": capture time");
        }
        if (note.startsWith("capture time ")) {
            assertEquals(note.substring("capture time ".length()), object.value(object.timestampIndex()).text(), where);
        }
    }

    @Test
    void kaifaPowerFailureLogKeepsAllEntriesWith64BitDurations() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        CosemObject log = new TelegramParser(amsterdam).parse(TestTelegrams.corpus("v4_2_kaifa.txt"))
                .get(new ObisId(1, 0, 99, 97, 0));
        assertEquals(8, log.valueCount(), "(count)(type) + 3 x (end time)(duration)");
        assertEquals(3L, log.value().integer());
        assertEquals("0-0:96.7.19", log.value(1).text());
        assertEquals(Instant.parse("2000-01-04T17:03:20Z"), log.value(2).timestamp(amsterdam));
        assertEquals(237126L, log.value(3).integer());
        assertEquals("s", log.value(3).unit());
        // dsmr_parser reads 000101000001W literally as 1999-12-31T23:00:01Z; it is the Kaifa "no date" filler,
        // which P1Timestamp deliberately maps to null (telegrams doc 3.6); the raw text is kept.
        assertEquals("000101000001W", log.value(4).text());
        assertTrue(P1Timestamp.isPlaceholder(log.value(4).text()));
        assertNull(log.value(4).timestamp(amsterdam));
        assertEquals(2147583646L, log.value(5).integer());
        assertEquals(Instant.parse("2000-01-01T23:00:03Z"), log.value(6).timestamp(amsterdam));
        assertEquals(2317482647L, log.value(7).integer());
    }

    @Test
    void fluviusPeakHistoryReadsEachEntryWithTheOffsetItsFlagSays() {
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        CosemObject history = new TelegramParser(brussels).parse(TestTelegrams.corpus("be_fluvius_v171.txt"))
                .get(new ObisId(0, 0, 98, 1, 0));
        assertEquals(12, history.valueCount(), "(count)(obis)(obis) + 3 x (month)(time)(value)");
        assertEquals(3L, history.value().integer());
        assertEquals(Instant.parse("2020-04-30T22:00:00Z"), history.value(3).timestamp(brussels));
        assertEquals(Instant.parse("2020-04-23T17:25:38Z"), history.value(4).timestamp(brussels));
        assertEquals(0, new BigDecimal("3.695").compareTo(history.value(5).decimal()));
        assertEquals("kW", history.value(5).unit());
        assertEquals("200305122139S", history.value(7).text());
        // the meter flags this winter date S: its clock says daylight time, so +02:00 (issue 7, defect 5)
        assertEquals(OffsetDateTime.parse("2020-03-05T12:21:39+02:00").toInstant(), history.value(7).timestamp(brussels));
        assertEquals(OffsetDateTime.parse("2020-02-10T03:54:21+01:00").toInstant(), history.value(10).timestamp(brussels));
        assertEquals(0, new BigDecimal("4.318").compareTo(history.value(11).decimal()));
    }

    @Test
    void fluviusAltHistoryWithInvalidOccurrenceKeepsTheValue() {
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        CosemObject history = new TelegramParser(brussels).parse(TestTelegrams.corpus("be_fluvius_v171_alt.txt"))
                .get(new ObisId(0, 0, 98, 1, 0));
        assertEquals(4L, history.value().integer());
        assertEquals(Instant.parse("2023-07-31T22:00:00Z"), history.value(3).timestamp(brussels));
        assertNull(history.value(4).timestamp(brussels), "632525252525W = no occurrence");
        assertEquals(0, BigDecimal.ZERO.compareTo(history.value(5).decimal()));
        assertEquals(Instant.parse("2023-10-31T23:00:00Z"), history.value(12).timestamp(brussels));
        assertEquals(Instant.parse("2023-10-16T11:00:00Z"), history.value(13).timestamp(brussels));
    }

    @Test
    void invalidGasTimestampGivesNoCaptureTimeButKeepsTheReading() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Telegram telegram = new TelegramParser(amsterdam)
                .parse(TestTelegrams.corpus("derived/v5_iskra_mt382_1000_invalid_gas_timestamp.txt"));
        CosemObject gas = telegram.get(new ObisId(0, 1, 24, 2, 1));
        assertEquals("00000.000", gas.value().text());
        assertNull(gas.value().unit());
        assertEquals("632525252525S", gas.value(gas.timestampIndex()).text());
        assertNull(gas.captureTime(amsterdam));
    }

    @Test
    void deadMbusChannelHasAReadingButNoCaptureTime() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Telegram telegram = new TelegramParser(amsterdam).parse(TestTelegrams.corpus("v5_iskra_am550_two_mbus.txt"));
        CosemObject dead = telegram.get(new ObisId(0, 1, 24, 2, 1));
        assertEquals(0L, dead.value().integer());
        assertNull(dead.captureTime(amsterdam), "700101010000W is a placeholder");
        assertEquals(Instant.parse("2020-04-26T20:30:01Z"), telegram.get(new ObisId(0, 2, 24, 2, 1)).captureTime(amsterdam));
        assertEquals(3, telegram.mbusDeviceType(2));
    }

    @Test
    void dsmr22GasContinuationLineBecomesOneObject() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Telegram telegram = new TelegramParser(amsterdam).parse(TestTelegrams.corpus("v2_2_iskra_mt382_1004.txt"));
        CosemObject gas = telegram.get(new ObisId(0, 1, 24, 3, 0));
        assertEquals(7, gas.valueCount());
        assertEquals("00001.001", gas.value().text());
        assertEquals("m3", gas.value().unit());
        assertEquals(OffsetDateTime.parse("2016-11-07T19:00:00+01:00").toInstant(), gas.captureTime(amsterdam));
        assertNotNull(telegram.get(new ObisId(0, 1, 24, 4, 0)), "the line after the continuation is its own object");
        assertEquals("ISk5\\2MT382-1004", telegram.header());
        assertNull(telegram.timestamp(), "DSMR 2.2 has no 0-0:1.0.0");
    }

    @Test
    void headerKeepsControlByteAndSpacesAndIgnoresBytesAfterTheBang() {
        Telegram ctrl = new TelegramParser().parse(TestTelegrams.corpus("v2_2_iskra_mt382_1004_ctrl02.txt"));
        assertEquals("ISk5\u0002MT382-1004", ctrl.header(), "Python '\\2' was one byte 0x02");
        Telegram easy = new TelegramParser().parse(TestTelegrams.corpus("de_easymeter_q3db1024_v304_com1.txt"));
        assertEquals("ESY5Q3DB1024 V3.04", easy.header());
        assertEquals(9, easy.objects().size(), "the gateway line and 0xFF bytes after ! are not read");
        assertEquals(List.of(), easy.issues());
    }
}
