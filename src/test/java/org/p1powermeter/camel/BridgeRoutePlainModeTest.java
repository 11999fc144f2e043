package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.paho.PahoConstants;
import org.junit.jupiter.api.Test;

/** no_vscp = true: the note is the topic and the payload a plain number in the meter's unit. */
class BridgeRoutePlainModeTest extends BridgeRouteTestSupport {

    @Override
    boolean plain() {
        return true;
    }

    @Test
    void noteIsTheTopicAndThePayloadIsThePlainValue() throws Exception {
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(26);
        template.sendBody("direct:telegrams", swedishTelegram());
        mqtt.assertIsSatisfied();
        Map<String, String> byTopic = new HashMap<>();
        for (Exchange e : mqtt.getExchanges()) {
            byTopic.put(e.getMessage().getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, String.class),
                    new String(e.getMessage().getBody(byte[].class), StandardCharsets.US_ASCII));
        }
        assertEquals("1.727", byTopic.get("Active effect out"), "0001.727*kW is sent as 1.727");
        assertEquals("6678.394", byTopic.get("Meter reading active energy out"));
        assertEquals("240.3", byTopic.get("Voltage L1"));
        assertEquals("4.2", byTopic.get("Current L1"));
    }
}
