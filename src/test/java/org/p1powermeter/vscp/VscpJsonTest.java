package org.p1powermeter.vscp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VscpJsonTest {

    private static final Guid GUID = Guid.parse("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:01");

    private static VscpEvent energyEvent() {
        return new VscpEvent(0x8060, 0, Instant.parse("2026-11-25T08:24:19Z"), 298729951L, 1040, 13, GUID,
                VscpEventFactoryTest.bytes(1, 0, 0, 1, 54, 54, 55, 56, 46, 51, 57, 52, 0), "Meter reading active energy out",
                new VscpEvent.Measurement(new BigDecimal("6678.394"), 1, 1, 0, 0));
    }

    @Test
    void writesClassicKeysInOrderWithExactText() {
        assertEquals("{\"vscpHead\":32864,\"vscpObId\":0,\"vscpDateTime\":\"2026-11-25T08:24:19Z\","
                + "\"vscpTimeStamp\":298729951,\"vscpClass\":1040,\"vscpType\":13,"
                + "\"vscpGuid\":\"FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:01\","
                + "\"vscpData\":[1,0,0,1,54,54,55,56,46,51,57,52,0],"
                + "\"vscpNote\":\"Meter reading active energy out\","
                + "\"measurement\":{\"value\":6678.394,\"unit\":1,\"sensorindex\":1,\"zone\":0,\"subzone\":0}}",
                VscpJson.toJson(energyEvent()));
    }

    @Test
    void bytesAreUtf8OfTheSameText() {
        VscpEvent e = energyEvent();
        VscpEvent noted = new VscpEvent(e.head(), e.obid(), e.dateTime(), e.timeStamp(), e.vscpClass(), e.vscpType(),
                e.guid(), e.data(), "Mätarställning \"ut\"", e.measurement());
        String json = VscpJson.toJson(noted);
        assertEquals(json, new String(VscpJson.toJsonBytes(noted), StandardCharsets.UTF_8));
        assertTrue(json.contains("\"vscpNote\":\"Mätarställning \\\"ut\\\"\""), json);
    }

    @Test
    void dateTimeIsUtcWholeSecondsWithZ() {
        assertEquals("2026-03-29T01:00:05Z", VscpJson.isoSeconds(Instant.parse("2026-03-29T01:00:05.999Z")));
        assertEquals("0999-01-02T03:04:05Z", VscpJson.isoSeconds(Instant.parse("0999-01-02T03:04:05Z")));
    }

    @Test
    void largeValuesAreWrittenPlainAndExact() {
        VscpEvent e = energyEvent();
        VscpEvent big = new VscpEvent(e.head(), e.obid(), e.dateTime(), e.timeStamp(), e.vscpClass(), e.vscpType(),
                e.guid(), e.data(), null, new VscpEvent.Measurement(new BigDecimal("2.40860E+11"), 0, 1, 0, 0));
        String json = VscpJson.toJson(big);
        assertTrue(json.contains("\"value\":240860000000,"), json);
        assertTrue(!json.contains("vscpNote"), "no note, no key");
    }

    @Test
    void roundTripsThroughJson() {
        VscpEvent e = energyEvent();
        assertEquals(e, VscpJson.fromJson(VscpJson.toJson(e)));
        VscpEvent trailingZero = new VscpEvent(0x8060, 4_000_000_000L, e.dateTime(), 0xFFFF_FFFFL, 1060, 16, GUID,
                VscpEventFactoryTest.bytes(21, 0, 0, 0, 64, 108, 188, 204, 204, 204, 204, 205), null,
                new VscpEvent.Measurement(new BigDecimal("229.90"), 0, 21, 0, 0));
        VscpEvent back = VscpJson.fromJson(VscpJson.toJson(trailingZero));
        assertEquals(trailingZero, back);
        assertEquals("229.90", back.measurement().value().toPlainString());
    }

    @Test
    void readsTheSeedsPythonOutputWithSpaces() {
        VscpEvent e = VscpJson.fromJson("{\"vscpHead\": 32864, \"vscpObId\": 0, \"vscpDateTime\": \"2026-11-25T08:24:19Z\","
                + " \"vscpTimeStamp\": 298729951, \"vscpClass\": 1040, \"vscpType\": 13, \"vscpGuid\":"
                + " \"ff:ff:ff:ff:ff:ff:ff:fe:b8:27:eb:8b:57:15:00:01\", \"vscpData\": [1, 0, 0, 1, 48, 54, 0]}");
        assertEquals(GUID, e.guid());
        assertEquals(null, e.measurement());
        assertEquals(null, e.note());
        assertEquals(7, e.data().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"vscpHead\":32864}", "not json",
            "{\"vscpHead\":32864,\"vscpObId\":0,\"vscpDateTime\":\"2026-11-25T08:24:19Z\",\"vscpTimeStamp\":1,"
                    + "\"vscpClass\":1040,\"vscpType\":13,\"vscpGuid\":\"00\",\"vscpData\":[]}",
            "{\"vscpHead\":32864,\"vscpObId\":0,\"vscpDateTime\":\"2026-11-25T08:24:19Z\",\"vscpTimeStamp\":1,"
                    + "\"vscpClass\":1040,\"vscpType\":13,\"vscpGuid\":\"FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:01\","
                    + "\"vscpData\":[256]}",
            "{\"vscpHead\":32864,\"vscpObId\":0,\"vscpDateTime\":\"yesterday\",\"vscpTimeStamp\":1,"
                    + "\"vscpClass\":1040,\"vscpType\":13,\"vscpGuid\":\"FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:01\","
                    + "\"vscpData\":[]}",
            "{\"vscpHead\":1.5,\"vscpObId\":0,\"vscpDateTime\":\"2026-11-25T08:24:19Z\",\"vscpTimeStamp\":1,"
                    + "\"vscpClass\":1040,\"vscpType\":13,\"vscpGuid\":\"FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:01\","
                    + "\"vscpData\":[]}"})
    void rejectsWhatIsNotAValidEvent(String json) {
        assertThrows(IllegalArgumentException.class, () -> VscpJson.fromJson(json));
    }
}
