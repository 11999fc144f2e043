package org.p1powermeter.camel.spool;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.SpoolFlusher;
import org.p1powermeter.spool.publish.LinkState;
import org.p1powermeter.spool.publish.SpoolPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable MQTT sink: appends each message to its own spool on disk and returns at once; its publisher drains the
 * spool into the broker in order. The spool, its flusher and the publisher are created when the first producer
 * starts (so a route that never sends here, a dry run, opens nothing) and drained (up to {@code deliveryTimeout})
 * and closed in {@link #doStop()}. The topic of a message is the header CamelPahoOverrideTopic, else {@code topic},
 * else the name.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1spool", title = "P1 spooled MQTT", syntax = "p1spool:name",
        producerOnly = true, category = {Category.IOT, Category.MESSAGING})
public class P1SpoolEndpoint extends DefaultEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(P1SpoolEndpoint.class);
    /** How often the flusher writes the acknowledged position and seals a block left open. */
    private static final long FLUSH_MILLIS = 200;

    @UriPath(description = "Name of the outbox; the topic of messages without the CamelPahoOverrideTopic header when"
            + " no topic is set")
    @Metadata(required = true)
    private final String name;
    @UriParam(description = "Topic of messages without the CamelPahoOverrideTopic header; default the name")
    private String topic;
    @UriParam
    private P1SpoolConfiguration configuration;

    private volatile DiskSpool spool;
    private SpoolFlusher flusher;
    private volatile SpoolPublisher publisher;
    private volatile SpoolCounters lastCounters = SpoolCounters.NONE;

    public P1SpoolEndpoint(String uri, P1SpoolComponent component, String name, P1SpoolConfiguration configuration) {
        super(uri, component);
        this.name = name;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new P1SpoolProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("p1spool is a sink only: " + getEndpointUri());
    }

    /** Opens the spool and starts the publisher, once (the first producer's start). */
    synchronized DiskSpool openSpool() throws IOException {
        if (spool == null) {
            P1SpoolConfiguration c = configuration;
            DiskSpool opened;
            try {
                opened = DiskSpool.open(c.spoolPath(), c.spoolLimits(), Clock.systemUTC());
            } catch (IOException | RuntimeException e) {
                throw new IOException("p1spool:" + name + ": cannot open the spool " + c.spoolPath().toAbsolutePath()
                        + " (" + e.getMessage() + ")", e);
            }
            opened.setWhenFull(c.getWhenFull());
            publisher = new SpoolPublisher(opened, c.brokerTarget());
            publisher.start();
            flusher = SpoolFlusher.start(opened, FLUSH_MILLIS);
            spool = opened;
        }
        return spool;
    }

    /** Delivers what is spooled while the broker takes it (up to {@code deliveryTimeout}), then closes the spool. */
    @Override
    protected synchronized void doStop() throws Exception {
        if (spool != null) {
            try {
                spool.seal();
                if (!publisher.drain(Duration.ofMillis(configuration.getDeliveryTimeout()))) {
                    LOG.warn("Stopping with {} events in the spool {} ({}); they are sent at the next start",
                            spool.counters().depth(), spool.directory(), publisher.state());
                }
                publisher.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flusher.close();
            try {
                spool.close();
            } catch (IOException e) {
                LOG.error("Cannot close the spool {}: {}", spool.directory(), e.getMessage());
            }
            lastCounters = spool.counters();
            LOG.info("Spool {}: {}", spool.directory(), lastCounters);
            spool = null;
            publisher = null;
        }
        super.doStop();
    }

    /** The spool's counters now (after a stop: as it closed; before the first message: all zero). */
    public SpoolCounters counters() {
        DiskSpool s = spool; // no lock: readable while doStop drains
        return s != null ? s.counters() : lastCounters;
    }

    /** The publisher's link to the broker ({@link LinkState#STOPPED} when not running). */
    public LinkState linkState() {
        SpoolPublisher p = publisher;
        return p != null && spool != null ? p.state() : LinkState.STOPPED;
    }

    /** The open spool, or null (for tests and a host that wants to look inside). */
    public DiskSpool spool() {
        return spool;
    }

    public String getName() {
        return name;
    }

    public String getTopic() {
        return topic == null || topic.isEmpty() ? name : topic;
    }

    /** Topic of messages without the CamelPahoOverrideTopic header; default the name. */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public P1SpoolConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(P1SpoolConfiguration configuration) {
        this.configuration = configuration;
    }
}
