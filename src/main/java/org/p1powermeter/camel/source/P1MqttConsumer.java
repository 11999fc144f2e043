package org.p1powermeter.camel.source;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.PahoComponent;
import org.apache.camel.component.paho.PahoConfiguration;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.component.paho.PahoConsumer;
import org.apache.camel.component.paho.PahoEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.p1powermeter.camel.P1Constants;
import org.p1powermeter.camel.source.P1SerialConsumer.PortState;
import org.p1powermeter.metrics.RateLimitedLog;
import org.p1powermeter.metrics.SummaryLog;
import org.p1powermeter.p1.DropReason;
import org.p1powermeter.p1.RawTelegram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the topic filter with camel-paho's consumer (the broker settings of the paho component, its own
 * client id) and feeds each message to the framer as one whole input: the message, then end of input. A message
 * is one telegram, with or without its final CR LF; a message that holds no valid telegram is counted with the
 * framer's reason ({@code NOISE} for text that is no telegram, {@code TRUNCATED}, {@code CRC_MISMATCH},
 * {@code OVERSIZE}, …) and logged once a minute per reason.
 *
 * <p>Paho never retries a first connect, so a background thread subscribes, retrying with backoff while the broker is
 * unreachable ({@code ABSENT}), and then watches the connection ({@code LOST} while Paho reconnects); the states are
 * those of the serial port, healthy only once telegrams arrive.
 */
public class P1MqttConsumer extends TelegramSourceConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(P1MqttConsumer.class);
    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 2000;
    private static final long WATCH_MS = 500;

    private final P1MqttEndpoint endpoint;
    private final String name;
    private final RateLimitedLog rejectLog = RateLimitedLog.warnings(LOG);
    private ExecutorService executor;
    private SummaryLog summaryLog;
    private volatile PahoConsumer subscription;
    private volatile PortState state = PortState.CONNECTING;
    /** The topic of the message being fed, and what the framer made of it (feeding thread only). */
    private String messageTopic;
    private int messageTelegrams;
    private DropReason messageDrop;

    public P1MqttConsumer(P1MqttEndpoint endpoint, Processor processor) {
        super(endpoint, processor, "mqtt:" + endpoint.getTopic());
        this.endpoint = endpoint;
        this.name = "mqtt:" + endpoint.getTopic();
    }

    public PortState portState() {
        return state;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        summaryLog = new SummaryLog(metrics(), LOG::info, Duration.ofSeconds(60), System::nanoTime);
        publishState("subscribing to " + endpoint.getTopic());
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "p1-mqtt-input");
        executor.submit(this::subscribeAndWatch);
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor.awaitTermination(5, TimeUnit.SECONDS);
            executor = null;
        }
        PahoConsumer s = subscription;
        subscription = null;
        if (s != null) {
            ServiceHelper.stopAndShutdownService(s);
        }
        changeState(PortState.CLOSED, "stopped");
        rejectLog.flush();
        if (summaryLog != null) {
            summaryLog.writeNow();
        }
        super.doStop();
    }

    private void subscribeAndWatch() {
        long backoff = MIN_BACKOFF_MS;
        while (isRunAllowed() && !Thread.currentThread().isInterrupted()) {
            summaryLog.tick();
            PahoConsumer s = subscription;
            if (s == null) {
                try {
                    subscription = subscribe();
                    backoff = MIN_BACKOFF_MS;
                    changeState(PortState.OPEN, "subscribed, waiting for a telegram");
                } catch (Exception e) {
                    changeState(state == PortState.LOST ? PortState.LOST : PortState.ABSENT,
                            "cannot subscribe: " + e.getMessage() + "; retrying");
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                    continue;
                }
            } else if (s.getClient() != null && !s.getClient().isConnected()) {
                changeState(PortState.LOST, "the broker connection dropped; Paho reconnects");
            } else if (state == PortState.LOST) {
                changeState(PortState.OPEN, "connected again, waiting for a telegram");
            }
            sleep(WATCH_MS);
        }
    }

    /** A new paho consumer each time: one whose first connect failed cannot be started again. */
    private PahoConsumer subscribe() throws Exception {
        PahoComponent paho = getEndpoint().getCamelContext().getComponent(endpoint.getPahoComponent(), PahoComponent.class);
        if (paho == null) {
            throw new IllegalStateException("no camel-paho component named " + endpoint.getPahoComponent());
        }
        PahoConfiguration c = paho.getConfiguration().copy();
        c.setClientId(endpoint.getClientId() != null ? endpoint.getClientId()
                : (c.getClientId() != null ? c.getClientId() : "p1-power-meter-" + Long.toHexString(System.nanoTime())) + "-input");
        c.setQos(endpoint.getQos());
        c.setCleanSession(true);
        PahoEndpoint pahoEndpoint = new PahoEndpoint("paho:" + endpoint.getTopic(), endpoint.getTopic(), paho, c);
        PahoConsumer consumer = (PahoConsumer) pahoEndpoint.createConsumer(this::onMessage);
        try {
            ServiceHelper.startService(consumer);
            return consumer;
        } catch (Exception e) {
            if (consumer.getClient() != null) {
                try {
                    consumer.getClient().close(true);
                } catch (Exception closing) {
                    LOG.debug("closing the failed MQTT client: {}", closing.toString());
                }
            }
            throw e;
        }
    }

    /** One MQTT message: fed to the framer as one whole input (Paho calls this on its one callback thread). */
    private void onMessage(Exchange exchange) {
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        String topic = exchange.getMessage().getHeader(PahoConstants.MQTT_TOPIC, String.class);
        synchronized (this) {
            messageTopic = topic;
            messageTelegrams = 0;
            messageDrop = null;
            if (payload == null) {
                payload = new byte[0];
            }
            feed(payload, payload.length);
            endOfInput();
            if (messageTelegrams == 0) {
                DropReason reason = messageDrop != null ? messageDrop : DropReason.NOISE;
                if (payload.length == 0) {
                    onDrop(DropReason.NOISE, 0);
                }
                rejectLog.log("MQTT_" + reason.name(), name + ": a message of " + payload.length + " bytes on "
                        + topic + " is not a valid telegram (" + reason + ")");
            }
            messageTopic = null;
        }
    }

    @Override
    public void onTelegram(RawTelegram telegram) {
        messageTelegrams++;
        if (state != PortState.RECEIVING) {
            changeState(PortState.RECEIVING, "telegrams arrive on " + endpoint.getTopic());
        }
        super.onTelegram(telegram);
    }

    @Override
    public void onDrop(DropReason reason, int byteCount) {
        if (messageDrop == null || messageDrop == DropReason.NOISE) {
            messageDrop = reason;
        }
        super.onDrop(reason, byteCount);
    }

    @Override
    protected void addHeaders(Message message) {
        message.setHeader(P1Constants.INPUT_TOPIC, messageTopic);
    }

    private void changeState(PortState next, String detail) {
        if (next != state) {
            if (next == PortState.OPEN || next == PortState.RECEIVING || next == PortState.CLOSED) {
                LOG.info("MQTT input {}: {} ({})", endpoint.getTopic(), next, detail);
            } else {
                LOG.warn("MQTT input {}: {} ({}) - unhealthy", endpoint.getTopic(), next, detail);
            }
            state = next;
        }
        publishState(detail);
    }

    private void publishState(String detail) {
        metrics().sourceState(state.name(), state == PortState.RECEIVING, detail);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
