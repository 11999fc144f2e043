package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture file can wait: the packaged jar replays 20,000 telegrams (520,000 events) at QoS 1 into a 1 MB spool
 * while the broker is down. Reading waits when the spool is full instead of dropping; once the broker is up every
 * event arrives, the bridge reports no loss (a loss is an error line and exit 1) and exits 0. (Before, such a replay dropped thousands of
 * events and still exited 0.)
 */
class ReplayBackpressureIT {

    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";
    private static final String SUBSCRIBER = "it-backpressure-subscriber";
    private static final int TELEGRAMS = 20_000;
    private static final int EVENTS = 26;

    @TempDir
    Path dir;
    private Mosquitto broker;

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aReplayIntoAFullSpoolWaitsAndLosesNothing() throws Exception {
        Path data = Files.createDirectories(dir.resolve("broker"));
        broker = Mosquitto.start(data, ItTools.freeLoopbackPort(), "vscp", "secret",
                "persistence true\npersistence_location " + data + "/\nmax_queued_messages 0\nautosave_interval 1\n");
        subscriber(new AtomicLong(), ConcurrentHashMap.newKeySet()).disconnect(); // the persistent session exists
        broker.stop();
        Path capture = ReplayCapture.write(dir.resolve("capture.txt"), TELEGRAMS);
        Path config = dir.resolve("config.ini");
        Files.writeString(config, SwedishTelegram.seedConfig(broker.port(), "/dev/null", Map.of("no_vscp", "false",
                "guid", GUID)));
        long start = System.nanoTime();
        try (BridgeProcess bridge = BridgeProcess.start(dir, List.of("-c", config.toString(), "-i", capture.toString(),
                "--set", "qos=1", "--set", "spool_max_mb=1", "--set", "delivery_timeout=60"))) {
            ItTools.waitUntil(() -> stderrOf(bridge).contains("reading waits until the broker takes events"), 60);
            Thread.sleep(2000);
            assertTrue(bridge.isAlive(), "waiting, not ended");
            broker.start();
            AtomicLong received = new AtomicLong();
            Set<String> distinct = ConcurrentHashMap.newKeySet();
            MqttClient counter = subscriber(received, distinct);
            try {
                assertEquals(0, bridge.waitFor(180, TimeUnit.SECONDS), bridge::toString);
                ItTools.waitUntil(() -> distinct.size() >= TELEGRAMS * EVENTS, 60);
            } finally {
                counter.disconnect();
            }
            String err = bridge.stderr();
            System.out.printf("ReplayBackpressureIT: %d telegrams in %.1f s; subscriber %d messages, %d distinct%n",
                    TELEGRAMS, (System.nanoTime() - start) / 1e9, received.get(), distinct.size());
            assertEquals(TELEGRAMS * EVENTS, distinct.size(), "every event arrived");
            // the only line about drops is the last summary, and it says none (events delivered=..., dropped=0, ...)
            assertTrue(!err.contains("were not delivered") && err.lines().filter(l -> l.contains("dropped"))
                    .allMatch(l -> l.contains("P1 metrics: ") && l.contains(", dropped=0, waiting=0")), "nothing dropped:\n" + err);
            assertTrue(err.contains(", dropped=0, waiting=0"), "the last summary line says nothing was lost:\n" + err);
        }
    }

    /** A persistent-session subscriber that counts messages and their distinct (topic, event time) pairs. */
    private MqttClient subscriber(AtomicLong received, Set<String> distinct) throws Exception {
        MqttClient client = new MqttClient(broker.url(), SUBSCRIBER, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName("vscp");
        o.setPassword("secret".toCharArray());
        o.setCleanSession(false);
        o.setMaxInflight(65535);
        // the callback is set before connecting: the persistent session's queued messages may arrive before the
        // SUBSCRIBE is answered (the bridge reconnects within 2 s, often before this subscriber), and a message that
        // finds no listener is lost to the test
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.incrementAndGet();
                String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                int at = payload.indexOf("\"vscpDateTime\":\"");
                distinct.add(topic + payload.substring(at, at + 40));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(o);
        client.subscribe("vscp/#", 1);
        return client;
    }

    private static String stderrOf(BridgeProcess bridge) {
        try {
            return bridge.stderr();
        } catch (Exception e) {
            return "";
        }
    }
}
