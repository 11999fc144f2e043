package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.p1powermeter.ha.HaMessage;
import org.p1powermeter.ha.HaOptions;
import org.p1powermeter.ha.HomeAssistantMessages;
import org.p1powermeter.measure.SendGroup;

/** What the bridge answers on the two status topics it subscribes to. */
class HomeAssistantStatusTest {

    private final HomeAssistantStage stage = new HomeAssistantStage(new HomeAssistantMessages(
            new HaOptions("homeassistant", "p1", 60, false, "test", "")), true, EnumSet.allOf(SendGroup.class));
    private final HomeAssistantStatus status = new HomeAssistantStatus(stage);

    @SuppressWarnings("unchecked")
    private List<HaMessage> answer(String topic, String payload) {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.getMessage().setHeader(PahoConstants.MQTT_TOPIC, topic);
        e.getMessage().setBody(payload.getBytes(StandardCharsets.UTF_8));
        status.process(e);
        return e.getMessage().getBody(List.class);
    }

    @Test
    void itsOwnOfflineWhileRunningIsAnsweredWithOnlineButNotOnceStopping() {
        assertEquals(List.of("p1/status online"), answer("p1/status", "offline").stream()
                .map(m -> m.topic() + " " + m.payloadText()).toList());
        assertTrue(answer("p1/status", "online").isEmpty());
        stage.stopping();
        assertTrue(answer("p1/status", "offline").isEmpty(), "the orderly stop's offline stays");
    }

    @Test
    void homeAssistantsBirthIsAnsweredWithOnlineAndEveryConfig() {
        List<HaMessage> out = answer("homeassistant/status", "online");
        assertEquals("p1/status", out.get(0).topic(), "no meter seen yet: only the status");
        assertEquals(1, out.size());
        assertTrue(answer("homeassistant/status", "offline").isEmpty(), "Home Assistant stopping needs nothing");
    }
}
