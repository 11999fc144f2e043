package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class P1TimestampTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void summerAndWinterFlagPickTheInstanceOfTheRepeatedOctoberHour() {
        // 2023-10-29 02:30 local happens twice in Amsterdam: 00:30Z (CEST) and 01:30Z (CET)
        assertEquals(Instant.parse("2023-10-29T00:30:00Z"), P1Timestamp.parse("231029023000S", AMSTERDAM));
        assertEquals(Instant.parse("2023-10-29T01:30:00Z"), P1Timestamp.parse("231029023000W", AMSTERDAM));
        assertEquals(Instant.parse("2023-10-29T00:30:00Z"), P1Timestamp.parse("231029023000", AMSTERDAM),
                "no flag: the earlier instance");
    }

    @Test
    void theFlagDecidesTheOffsetEvenWhereTheZoneRulesSayOtherwise() {
        // issue 7, defect 5: the meter's clock is the truth; S = daylight offset, W = standard offset
        assertEquals(OffsetDateTime.parse("2020-03-05T12:21:39+02:00").toInstant(),
                P1Timestamp.parse("200305122139S", ZoneId.of("Europe/Brussels")));
        assertEquals(OffsetDateTime.parse("2020-07-05T12:00:00+01:00").toInstant(),
                P1Timestamp.parse("200705120000W", AMSTERDAM));
    }

    @Test
    void readsTheCorpusExamples() {
        assertEquals(Instant.parse("2016-11-13T19:57:57Z"), P1Timestamp.parse("161113205757W", AMSTERDAM));
        assertEquals(OffsetDateTime.parse("2020-05-12T13:54:09+02:00").toInstant(),
                P1Timestamp.parse("200512135409S", ZoneId.of("Europe/Brussels")));
        assertEquals(OffsetDateTime.parse("2023-07-24T15:07:30+02:00").toInstant(),
                P1Timestamp.parse("230724150730S", ZoneId.of("Europe/Budapest")));
    }

    @Test
    void localTimeInTheSpringGapMovesForward() {
        // 2023-03-26 02:30 does not exist in Amsterdam; without a flag it is read as 03:30 CEST
        assertEquals(Instant.parse("2023-03-26T01:30:00Z"), P1Timestamp.parse("230326023000", AMSTERDAM));
        // with a flag it is what the meter says: 02:30 at +02:00 (S) or +01:00 (W)
        assertEquals(Instant.parse("2023-03-26T00:30:00Z"), P1Timestamp.parse("230326023000S", AMSTERDAM));
        assertEquals(Instant.parse("2023-03-26T01:30:00Z"), P1Timestamp.parse("230326023000W", AMSTERDAM));
    }

    @Test
    void swedishWinterAndSummerInEuropeStockholm() {
        assertEquals(Instant.parse("2023-01-15T11:00:00Z"), P1Timestamp.parse("230115120000W", STOCKHOLM));
        assertEquals(Instant.parse("2023-07-15T10:00:00Z"), P1Timestamp.parse("230715120000S", STOCKHOLM));
        // issue 7, defect 5: Swedish meters stay on normal time all year and send W in summer: +01:00, no setting
        assertEquals(Instant.parse("2023-07-15T11:00:00Z"), P1Timestamp.parse("230715120000W", STOCKHOLM));
        for (int hour = 0; hour < 24; hour++) { // every hour of a summer day, also when cached
            String text = "230715" + String.format("%02d0000W", hour);
            assertEquals(OffsetDateTime.parse(String.format("2023-07-15T%02d:00:00+01:00", hour)).toInstant(),
                    P1Timestamp.parse(text, STOCKHOLM), text);
            assertEquals(P1Timestamp.parse(text, STOCKHOLM), P1Timestamp.parse(text, STOCKHOLM), "cached: " + text);
        }
        // a fixed zone: W is the offset, S one hour more
        assertEquals(Instant.parse("2023-07-15T11:00:00Z"), P1Timestamp.parse("230715120000W", ZoneOffset.ofHours(1)));
        assertEquals(Instant.parse("2023-07-15T10:00:00Z"), P1Timestamp.parse("230715120000S", ZoneOffset.ofHours(1)));
    }

    @Test
    void anUnsetClockIsReadAsTheMeterSaysAndRecognised() {
        assertEquals(Instant.parse("2000-01-01T00:00:00Z"), P1Timestamp.parse("000101010000W", AMSTERDAM));
        assertTrue(P1Timestamp.isUnsetClock("000101010000W"));
        assertFalse(P1Timestamp.isUnsetClock("161113205757W"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000101000001W", "700101010000W", "632525252525S", "632525252525W",
        "000000000000W", "231301000000W", "230230120000W", "231029256000W", "2310290230", "23102902300X",
        "23102902300SS", "A31029023000W", ""})
    void placeholdersImpossibleDatesAndNonTimestampsGiveNull(String text) {
        assertNull(P1Timestamp.parse(text, AMSTERDAM));
    }

    @Test
    void nullTextGivesNull() {
        assertNull(P1Timestamp.parse(null, AMSTERDAM));
        assertFalse(P1Timestamp.looksLikeTimestamp(null));
    }

    @Test
    void recognisesTheShapeWithAndWithoutFlag() {
        assertTrue(P1Timestamp.looksLikeTimestamp("260102010000"));
        assertTrue(P1Timestamp.looksLikeTimestamp("161113205757W"));
        assertFalse(P1Timestamp.looksLikeTimestamp("0000000240"));
        assertTrue(P1Timestamp.isPlaceholder("700101010000W"));
        assertFalse(P1Timestamp.isPlaceholder("161113205757W"));
    }
}
