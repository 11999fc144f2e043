package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.paho.PahoConstants;
import org.junit.jupiter.api.Test;
import org.p1powermeter.ha.HaOptions;
import org.p1powermeter.ha.HomeAssistantMessages;

/** [HOMEASSISTANT] vscp = false: Home Assistant's messages only, no VSCP event. */
class BridgeRouteHomeAssistantOnlyTest extends BridgeRouteTestSupport {

    @Override
    P1Beans beans(P1Beans d) {
        return new P1Beans(d.telegrams(), d.sendFlags(), d.vscp(), d.console(), d.printer(),
                RateWindowStage.everyTelegram(sentGroups(), d.telegrams().metrics()),
                new HomeAssistantStage(new HomeAssistantMessages(new HaOptions("ha", "meters", 60, false, "test", "")),
                        false, sentGroups()));
    }

    @Test
    void noVscpEventsOnlyConfigsRemovalsAndOneStatePerTelegram() throws Exception {
        MockEndpoint sink = getMockEndpoint("mock:p1spool:p1");
        template.sendBody("direct:telegrams", swedishTelegram());
        template.sendBody("direct:telegrams", swedishTelegram());
        List<String> topics = sink.getExchanges().stream()
                .map((Exchange e) -> e.getMessage().getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, String.class)).toList();
        assertEquals(0, topics.stream().filter(t -> t.startsWith("vscp/")).count());
        assertEquals(2, topics.stream().filter(t -> t.equals("meters/ELL5_253833635_A/state")).count());
        long removals = removalsOfSwitchedOffEntities(sentGroups());
        assertEquals(removals + 26, topics.stream().filter(t -> t.startsWith("ha/sensor/p1_ELL5_253833635_A/")).count(),
                "a removal per entity of a switched-off group, 26 configs, under the configured prefix");
        assertEquals("meters/status", topics.get(0), "the bridge's online first");
        assertEquals(1 + 2 + removals + 26, topics.size());
    }

    /** One per row of a switched-off group; M-Bus rows on each of the 4 channels. */
    static long removalsOfSwitchedOffEntities(java.util.Set<org.p1powermeter.measure.SendGroup> sent) {
        long n = 0;
        for (org.p1powermeter.measure.MeasurementType type : org.p1powermeter.measure.MeasurementType.values()) {
            if (!sent.contains(type.group())) {
                n += type.isMbus() ? 4 : 1;
            }
        }
        return n;
    }
}
