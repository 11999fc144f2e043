package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.paho.PahoConstants;
import org.junit.jupiter.api.Test;

class BridgeRoutePublishesEveryMeasurementTest extends BridgeRouteTestSupport {

    @Test
    void theSwedishTelegramGivesTheScriptsTwentySixEventsOnTheirTopics() throws Exception {
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(26);
        template.sendBody("direct:telegrams", swedishTelegram());
        mqtt.assertIsSatisfied();

        ObjectMapper json = new ObjectMapper();
        Set<String> topics = new HashSet<>();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (Exchange e : mqtt.getExchanges()) {
            String topic = e.getMessage().getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, String.class);
            JsonNode event = json.readTree(e.getMessage().getBody(byte[].class)); // a stream cache: read it once
            events.add(event);
            assertEquals("vscp/" + event.get("vscpGuid").asText() + "/1040/" + event.get("vscpType").asInt(), topic);
            assertEquals("2021-02-17T17:40:19Z", event.get("vscpDateTime").asText(), "telegram time 210217184019W in UTC");
            topics.add(topic);
        }
        assertEquals(26, topics.size(), "one topic per measurement (the id is in the GUID)");
        JsonNode power = eventWithNote(events, "Active effect out");
        assertEquals(14, power.get("vscpType").asInt());
        assertEquals(1727, power.get("measurement").get("value").asInt(), "1.727 kW is sent as 1727 W");
        assertEquals("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:05", power.get("vscpGuid").asText());
    }

    @Test
    void headersNameTheMeasurement() throws Exception {
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(26);
        template.sendBody("direct:telegrams", swedishTelegram());
        mqtt.assertIsSatisfied();
        Exchange first = mqtt.getExchanges().get(0);
        assertEquals("sum_active_energy_out", first.getMessage().getHeader(P1Constants.MEASUREMENT_NAME));
        assertEquals("1-0:1.8.0", first.getMessage().getHeader(P1Constants.OBIS));
        assertEquals("energy", first.getMessage().getHeader(P1Constants.SEND_GROUP));
        assertTrue(first.getMessage().getHeader(P1Constants.METER_ID, String.class).startsWith("ELL5"));
    }

    private static JsonNode eventWithNote(List<JsonNode> events, String note) {
        for (JsonNode event : events) {
            if (note.equals(event.path("vscpNote").asText())) {
                return event;
            }
        }
        throw new AssertionError("no event with note " + note);
    }
}
