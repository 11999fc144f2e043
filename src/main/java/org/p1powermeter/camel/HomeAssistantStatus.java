package org.p1powermeter.camel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.PahoConstants;
import org.p1powermeter.ha.HaMessage;
import org.p1powermeter.ha.HaOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to the two status topics the Home Assistant routes subscribe to; body in the received payload, body out the
 * {@link HaMessage}s to send (often none):
 * <ul>
 * <li>{@code <prefix>/status} = {@code online} (Home Assistant started): every config again, and {@code online}.
 * <li>the bridge's own status = {@code offline} while it runs: the broker published the will after the link broke
 * and the publisher has connected again, so {@code online} again (not once {@link HomeAssistantStage#stopping()} was called).
 * </ul>
 */
public class HomeAssistantStatus implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantStatus.class);

    private final HomeAssistantStage stage;

    public HomeAssistantStatus(HomeAssistantStage stage) {
        this.stage = stage;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String topic = message.getHeader(PahoConstants.MQTT_TOPIC, "", String.class);
        byte[] body = message.getBody(byte[].class);
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
        List<HaMessage> out = List.of();
        if (stage.enabled() && !stage.isStopping()) {
            HaOptions options = stage.messages().options();
            if (topic.equals(options.birthTopic()) && payload.equals(HaOptions.ONLINE)) {
                out = stage.rediscovery();
                LOG.info("Home Assistant is online: {} discovery and status messages sent again", out.size());
            } else if (topic.equals(options.statusTopic()) && payload.equals(HaOptions.OFFLINE)) {
                out = List.of(stage.messages().status(true));
                LOG.info("{} reads offline while the bridge runs (its will after a lost link): online again", topic);
            }
        }
        message.setBody(out);
    }

    /** The bridge's {@code offline}, retained: sent at an orderly stop (route p1-offline; the will covers a crash). */
    public List<HaMessage> offline() {
        return stage.enabled() ? List.of(stage.messages().status(false)) : List.of();
    }
}
