package org.p1powermeter.camel.spool;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.p1powermeter.spool.DiskSpool;

/** Appends MQTT messages to a disk spool; the topic is the header CamelPahoOverrideTopic, else the path. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1spool", title = "P1 MQTT spool", syntax = "p1spool:topic",
        producerOnly = true, category = {Category.IOT, Category.MESSAGING})
public class P1SpoolEndpoint extends DefaultEndpoint {

    @UriPath(description = "Topic of messages without the CamelPahoOverrideTopic header")
    @Metadata(required = true)
    private final String topic;
    @UriParam(description = "The spool to append to; by default the one DiskSpool bean in the registry")
    private DiskSpool spool;
    @UriParam(defaultValue = "1", description = "MQTT QoS (header CamelPahoQos overrides)")
    private int qos = 1;
    @UriParam(defaultValue = "false", description = "Retained flag (header CamelPahoRetained overrides)")
    private boolean retained;

    public P1SpoolEndpoint(String uri, P1SpoolComponent component, String topic) {
        super(uri, component);
        this.topic = topic;
    }

    @Override
    public Producer createProducer() {
        return new P1SpoolProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("p1spool is a sink only: " + getEndpointUri());
    }

    public String getTopic() {
        return topic;
    }

    public DiskSpool getSpool() {
        return spool;
    }

    /** The spool to append to; by default the one DiskSpool bean in the registry. */
    public void setSpool(DiskSpool spool) {
        this.spool = spool;
    }

    public int getQos() {
        return qos;
    }

    /** MQTT QoS (header CamelPahoQos overrides). */
    public void setQos(int qos) {
        this.qos = qos;
    }

    public boolean isRetained() {
        return retained;
    }

    /** Retained flag (header CamelPahoRetained overrides). */
    public void setRetained(boolean retained) {
        this.retained = retained;
    }
}
