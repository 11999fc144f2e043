package org.p1powermeter.camel.source;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.p1powermeter.camel.P1Constants;

/**
 * Reads raw P1 telegrams from MQTT, one telegram per message (with or without its final CR LF), through the
 * camel-paho component of the registry (its broker, login and TLS); emits one exchange per valid telegram with the
 * message's topic in {@link P1Constants#INPUT_TOPIC}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1mqtt", title = "P1 telegrams from MQTT", syntax = "p1mqtt:topic",
        consumerOnly = true, category = {Category.IOT}, headersClass = P1Constants.class)
public class P1MqttEndpoint extends TelegramSourceEndpoint {

    @UriPath(description = "MQTT topic filter; + and # (written %23 in a URI) are allowed")
    @Metadata(required = true)
    private final String topic;
    @UriParam(defaultValue = "paho", description = "Name of the camel-paho component whose broker connection settings"
            + " (brokerUrl, login, TLS) are used")
    private String pahoComponent = "paho";
    @UriParam(description = "MQTT client id of the subscription; default: the paho component's client id + -input"
            + " (a client id the bridge's publisher does not use)")
    private String clientId;
    @UriParam(defaultValue = "1", description = "QoS of the subscription: 0, 1 or 2")
    private int qos = 1;

    public P1MqttEndpoint(String uri, P1MqttComponent component, String topic) {
        super(uri, component);
        this.topic = topic;
    }

    void validate() {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("p1mqtt qos must be 0, 1 or 2, not " + qos);
        }
        String problem = TopicFilters.problem(topic);
        if (problem != null) {
            throw new IllegalArgumentException("p1mqtt topic filter '" + topic + "' " + problem);
        }
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        P1MqttConsumer consumer = new P1MqttConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getTopic() {
        return topic;
    }

    public String getPahoComponent() {
        return pahoComponent;
    }

    /** Name of the camel-paho component whose broker connection settings are used. */
    public void setPahoComponent(String pahoComponent) {
        this.pahoComponent = pahoComponent;
    }

    public String getClientId() {
        return clientId;
    }

    /** MQTT client id of the subscription; default: the paho component's client id + -input. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public int getQos() {
        return qos;
    }

    /** QoS of the subscription: 0, 1 or 2. */
    public void setQos(int qos) {
        this.qos = qos;
    }
}
