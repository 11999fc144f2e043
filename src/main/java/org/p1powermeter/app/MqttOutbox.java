package org.p1powermeter.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.component.paho.PahoConfiguration;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.SpoolSettings;
import org.p1powermeter.metrics.OutboxStatus;
import org.p1powermeter.camel.spool.PahoConnectOptions;
import org.p1powermeter.spool.DiskSpool;
import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.SpoolFlusher;
import org.p1powermeter.spool.SpoolLimits;
import org.p1powermeter.spool.publish.BrokerTarget;
import org.p1powermeter.spool.publish.LinkState;
import org.p1powermeter.spool.publish.SpoolPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way events reach the broker: the disk spool the {@code p1spool:} sink appends to, its flush timer, and the
 * publisher that drains it, connected with the paho component's configuration. Opened before the routes start,
 * closed after they stopped: {@link #finish} waits (bounded) for the broker to take what is spooled.
 */
final class MqttOutbox implements AutoCloseable, OutboxStatus {

    private static final Logger LOG = LoggerFactory.getLogger(MqttOutbox.class);
    /** Unacknowledged publishes on the connection (also Paho's maxInflight). */
    static final int WINDOW = 1000;
    private static final long FLUSH_MILLIS = 200;

    private final DiskSpool spool;
    private final SpoolFlusher flusher;
    private final SpoolPublisher publisher;
    private final Duration deliveryTimeout;
    private final long maxBytes;

    private MqttOutbox(DiskSpool spool, SpoolFlusher flusher, SpoolPublisher publisher, Duration deliveryTimeout,
            long maxBytes) {
        this.spool = spool;
        this.maxBytes = maxBytes;
        this.flusher = flusher;
        this.publisher = publisher;
        this.deliveryTimeout = deliveryTimeout;
    }

    static MqttOutbox open(SpoolSettings settings, PahoConfiguration paho) throws ConfigException {
        DiskSpool spool;
        try {
            spool = DiskSpool.open(settings.directory(), SpoolLimits.of(settings.maxBytes(), settings.maxAge()),
                    Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("[SPOOL] spool_dir = " + settings.directory() + ": cannot open the spool ("
                    + e.getMessage() + ")");
        }
        BrokerTarget target = new BrokerTarget(paho.getBrokerUrl(), paho.getClientId(), PahoConnectOptions.of(paho),
                WINDOW);
        SpoolPublisher publisher = new SpoolPublisher(spool, target);
        publisher.start();
        return new MqttOutbox(spool, SpoolFlusher.start(spool, FLUSH_MILLIS), publisher, settings.deliveryTimeout(),
                settings.maxBytes());
    }

    DiskSpool spool() {
        return spool;
    }

    /** The spool's counters: spooled, delivered, resent, dropped, waiting (read by P1Metrics, never copied). */
    @Override
    public SpoolCounters counters() {
        return spool.counters();
    }

    @Override
    public LinkState link() {
        return publisher.state();
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * One-shot: waits up to the delivery timeout until everything spooled (the telegram's events and any left
     * from earlier runs) was acknowledged by the broker. False when it was not; the events stay spooled.
     */
    boolean awaitAllDelivered() throws InterruptedException {
        long last = spool.lastSequence();
        boolean delivered = publisher.awaitAcknowledged(last, deliveryTimeout);
        if (!delivered) {
            LOG.error("The broker did not take the events within {} s ({}); they stay in the spool {} for the next run",
                    deliveryTimeout.toSeconds(), publisher.state(), spool.directory());
        }
        return delivered;
    }

    /** Stops: delivers what is spooled while the broker answers (bounded), then closes the spool. */
    @Override
    public void close() {
        try {
            if (!publisher.drain(deliveryTimeout)) {
                LOG.warn("Stopping with {} events in the spool {}; they are sent at the next start",
                        spool.counters().depth(), spool.directory());
            }
            publisher.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flusher.close();
        SpoolCounters counters = spool.counters();
        try {
            spool.close();
        } catch (IOException e) {
            LOG.error("Cannot close the spool {}: {}", spool.directory(), e.getMessage());
        }
        LOG.info("Spool {}: {}", spool.directory(), counters);
    }
}
