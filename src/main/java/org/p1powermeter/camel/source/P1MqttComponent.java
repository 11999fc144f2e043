package org.p1powermeter.camel.source;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code p1mqtt:} component: reads raw telegrams that a gateway publishes on MQTT (dsmr-reader's
 * {@code dsmr/raw}, ESPHome's telegram text sensor), one telegram per message, through camel-paho, e.g.
 * {@code p1mqtt:dsmr/raw} or {@code p1mqtt:meters/+/telegram?qos=1} (write {@code #} as {@code %23}).
 */
@org.apache.camel.spi.annotations.Component("p1mqtt")
public class P1MqttComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("p1mqtt needs a topic filter, e.g. p1mqtt:dsmr/raw");
        }
        P1MqttEndpoint endpoint = new P1MqttEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }
}
