package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.SkipReason;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.p1.Crc16Arc;
import org.p1powermeter.p1.FrameListener;
import org.p1powermeter.p1.FramerOptions;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramFramer;

/**
 * A telegram with a valid CRC whose values are hostile: a number of 600 digits (fits no VSCP event), one of 20
 * digits (fits both encodings), one that is not a number, an unknown unit and a line that does not parse. Each is
 * left out and counted; every other measurement of the telegram is still published.
 */
class BridgeRouteHostileValuesTest extends BridgeRouteTestSupport {

    @Test
    void badValuesAreCountedDropsAndTheOtherEventsOfTheTelegramGoOut() throws Exception {
        String text = new String(swedishTelegram().bytes(), StandardCharsets.ISO_8859_1);
        String body = text.substring(0, text.indexOf('!'))
                .replace("1-0:1.8.0(00006678.394*kWh)", "1-0:1.8.0(" + "9".repeat(600) + "*kWh)")
                .replace("1-0:1.7.0(0001.727*kW)", "1-0:1.7.0(99999999999999999999*kW)")
                .replace("1-0:2.7.0(0000.000*kW)", "1-0:2.7.0(12,5*kW)")
                .replace("1-0:3.7.0(0000.000*kvar)", "1-0:3.7.0(0000.000*furlong)")
                .replace("1-0:32.7.0(240.3*V)", "1-0:32.7.0(240.3*V)\r\n1-0:99.99.0(unterminated\u0000\u00ff")
                + "!";
        RawTelegram hostile = frameWithCrc(body);

        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(26 - 3);
        template.sendBody("direct:telegrams", hostile);
        mqtt.assertIsSatisfied();

        Map<String, JsonNode> byNote = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Exchange e : mqtt.getExchanges()) {
            JsonNode event = json.readTree(e.getMessage().getBody(byte[].class));
            byNote.put(event.get("vscpNote").asText(), event);
        }
        assertEquals("99999999999999999999000", byNote.get("Active effect out").get("measurement").get("value").asText(),
                "20 digits of kW fit the 1040 string exactly (as W)");
        assertNull(byNote.get("Meter reading active energy out"), "600 digits fit no VSCP event");
        assertFalse(byNote.containsKey("Active effect in"), "12,5 is not a number");
        assertFalse(byNote.containsKey("Reactive effect out"), "furlong is not kvar");
        assertTrue(byNote.containsKey("Voltage L1"));

        P1Metrics metrics = context.getRegistry().lookupByNameAndType(P1Beans.METRICS, P1Metrics.class);
        assertEquals(1, metrics.valuesOutOfRange());
        assertEquals(1, metrics.skipped(SkipReason.NOT_A_NUMBER));
        assertEquals(1, metrics.skipped(SkipReason.UNIT_MISMATCH));
        assertTrue(metrics.getParseIssues() >= 1, "the unterminated line is a parse issue: " + metrics.summary());
        assertEquals(0, metrics.getTelegramsFailed());
    }

    /** Frames {@code throughBang} with its correct CRC, as the meter would send it. */
    private static RawTelegram frameWithCrc(String throughBang) {
        byte[] head = throughBang.getBytes(StandardCharsets.ISO_8859_1);
        String crc = String.format("%04X", Crc16Arc.compute(head, 0, head.length));
        byte[] bytes = (throughBang + crc + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        RawTelegram[] out = new RawTelegram[1];
        new TelegramFramer(FramerOptions.defaults(), new FrameListener() {
            @Override
            public void onTelegram(RawTelegram telegram) {
                out[0] = telegram;
            }
        }).feed(bytes, 0, bytes.length);
        assertTrue(out[0] != null && out[0].crcMatches(), "framed with a valid CRC");
        return out[0];
    }
}
