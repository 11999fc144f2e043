package org.p1powermeter.spool.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.p1powermeter.spool.DiskSpool;
import org.p1powermeter.spool.SpoolRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a {@link DiskSpool} into an MQTT broker on its own thread ({@code p1-mqtt-publisher}), in spool order,
 * over {@link BrokerTarget#connections()} {@link MqttAsyncClient}s with up to {@code window} unacknowledged
 * publishes in all. A topic always goes over the same connection (by its hash), so the order per topic holds. A
 * completed publish (PUBACK at QoS 1, written at QoS 0) acknowledges its spool position. The backlog (records
 * appended before the current connection was established) goes out at QoS 1 or higher, live records at their own
 * QoS ({@link BacklogQos}). The publisher connects itself, with backoff, also when the first connect fails; after a
 * lost connection it reconnects and publishes again from the first unacknowledged record (at-least-once). Each
 * change of {@link LinkState} is logged once, with the reason; the password never appears.
 */
public final class SpoolPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolPublisher.class);
    private static final int BATCH = 1000;
    /**
     * The longest the publisher sleeps while the spool is empty: appends and close wake it; a connection lost while
     * idle is acted on at the next append or after this (it was 100 ms polls, 10 wake-ups a second while idle).
     */
    private static final long IDLE_MILLIS = 10_000;

    private final DiskSpool spool;
    private final BrokerTarget target;
    private final AckWindow window;
    private final LinkLog linkLog;
    /**
     * Between attempts while the broker is down: at most {@link #DOWN_RETRY_MAX}, so publishing resumes within that
     * (and the connect) of the broker coming back. A refused TCP connect costs next to nothing.
     */
    static final Duration DOWN_RETRY_MAX = Duration.ofSeconds(2);
    private final Backoff downBackoff = new Backoff(Duration.ofMillis(500), DOWN_RETRY_MAX);
    private final Backoff authBackoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));
    private final Object signal = new Object();
    private final PublishCompletions completions;
    private final BacklogQos backlogQos = new BacklogQos();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean lost;
    private volatile String lostReason = "";
    private MqttAsyncClient[] clients;

    public SpoolPublisher(DiskSpool spool, BrokerTarget target) {
        this.spool = spool;
        this.target = target;
        this.window = new AckWindow(target.window());
        this.linkLog = new LinkLog(target, spool.directory());
        this.completions = new PublishCompletions(window, spool, signal, this::markLost);
        this.thread = new Thread(this::run, "p1-mqtt-publisher");
        if (target.options().isAutomaticReconnect() || target.options().getMaxInflight() < target.window()) {
            throw new IllegalArgumentException("the publisher reconnects itself and needs maxInflight >= its window: "
                    + target);
        }
    }

    public void start() {
        thread.start();
    }

    public LinkState state() {
        return linkLog.state();
    }

    /** Waits until every record up to {@code sequence} was acknowledged by the broker; false at the timeout. */
    public boolean awaitAcknowledged(long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (spool.acknowledgedSequence() < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.wait(Math.max(1, Math.min(100, left / 1_000_000)));
            }
        }
        return true;
    }

    /**
     * At shutdown and at the end of a one-shot run: waits up to {@code timeout} for what is spooled to be
     * acknowledged (the publisher keeps reconnecting meanwhile, so a broker that comes back in time still gets it);
     * true when nothing is left.
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        long last = spool.lastSequence();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (spool.acknowledgedSequence() < last && System.nanoTime() < deadline) {
            awaitAcknowledged(last, Duration.ofMillis(100));
        }
        return spool.acknowledgedSequence() >= last;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        wake();
        thread.join(5000);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(5000);
        }
    }

    private void run() {
        try {
            while (running) {
                if (clients == null) {
                    connect();
                } else if (lost) {
                    dropConnection(lostReason);
                } else {
                    publishSome();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            disconnect();
            linkLog.change(LinkState.STOPPED, "", null, 0);
        }
    }

    private void publishSome() throws InterruptedException {
        if (!window.awaitRoom(100)) {
            return;
        }
        List<SpoolRecord> batch;
        try {
            batch = spool.read(Math.min(window.room(), BATCH));
        } catch (IOException e) {
            LOG.error("Cannot read the spool {}: {}", spool.directory(), e.getMessage());
            pause(Duration.ofSeconds(1));
            return;
        }
        if (batch.isEmpty()) { // sleep until an append or close: no polling while idle
            spool.awaitRecords(IDLE_MILLIS, () -> !running);
            return;
        }
        int generation = window.generation();
        try {
            for (SpoolRecord r : batch) {
                window.sent(r.sequence());
                MqttMessage message = new MqttMessage(r.payload());
                message.setQos(backlogQos.qosFor(r.sequence(), r.qos()));
                message.setRetained(r.retained());
                clients[Math.floorMod(r.topic().hashCode(), clients.length)]
                        .publish(r.topic(), message, new PublishCompletions.Delivery(generation, r.sequence()), completions);
            }
        } catch (MqttException e) {
            markLost(Reasons.of(e));
        }
    }

    private void connect() throws InterruptedException {
        if (linkLog.state() == LinkState.STOPPED) {
            linkLog.change(LinkState.CONNECTING, "", null, 0);
        }
        MqttAsyncClient[] opened = new MqttAsyncClient[target.connections()];
        try {
            for (int i = 0; i < opened.length; i++) {
                opened[i] = new MqttAsyncClient(target.url(), i == 0 ? target.clientId() : target.clientId() + "-" + i,
                        new MemoryPersistence());
                opened[i].setCallback(completions);
                opened[i].connect(target.options()).waitForCompletion(target.options().getConnectionTimeout() * 1000L + 5000);
            }
            lost = false;
            backlogQos.connected(spool.lastSequence());
            clients = opened;
            downBackoff.reset();
            authBackoff.reset();
            linkLog.change(LinkState.CONNECTED, "", spool.counters(), 0);
        } catch (MqttException e) {
            disconnect(opened);
            boolean auth = Reasons.isLoginRefused(e);
            Duration delay = auth ? authBackoff.next() : downBackoff.next();
            linkLog.change(auth ? LinkState.AUTH_FAILED : LinkState.BROKER_DOWN, Reasons.of(e), spool.counters(),
                    delay.toSeconds());
            pause(delay);
        }
    }

    private void dropConnection(String reason) {
        disconnect();
        window.reset();
        spool.rewind();
        linkLog.change(LinkState.BROKER_DOWN, "connection lost: " + reason, spool.counters(), 0);
    }

    private void disconnect() {
        if (clients != null) {
            disconnect(clients);
            clients = null;
        }
    }

    private static void disconnect(MqttAsyncClient[] connections) {
        for (MqttAsyncClient c : connections) {
            if (c == null) {
                continue;
            }
            try {
                if (c.isConnected()) {
                    c.disconnectForcibly(0, 1000, false);
                }
                c.close(true);
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.getMessage());
            }
        }
    }

    private void markLost(String reason) {
        if (!lost) {
            lostReason = reason;
            lost = true;
        }
        wake();
    }

    private void pause(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        synchronized (signal) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
        window.wakeUp();
        if (!running) {
            // not on a lost connection: reacting at once (not at the next append) made the reconnect coincide with
            // a broker restart in SpoolOutageIT, whose subscriber then missed what the broker had acknowledged
            spool.wakeReaders();
        }
    }
}
