package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** The dry-run sink prints one JSON line per event and nothing goes to MQTT. */
class BridgeRouteDryRunTest extends BridgeRouteTestSupport {

    @Override
    String sinks() {
        return "direct:print";
    }

    @Test
    void everyEventIsOneJsonLineWithTopicAndPayload() throws Exception {
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(0);
        template.sendBody("direct:telegrams", swedishTelegram());
        mqtt.assertIsSatisfied();
        assertEquals(26, printed.size());
        ObjectMapper json = new ObjectMapper();
        for (String line : printed) {
            JsonNode node = json.readTree(line);
            assertTrue(node.get("topic").asText().startsWith("vscp/FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:"), line);
            assertEquals(1040, node.get("payload").get("vscpClass").asInt(), line);
        }
    }
}
