package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.spool.DiskSpool;
import org.p1powermeter.spool.SpoolLimits;
import org.p1powermeter.spool.publish.BrokerTarget;
import org.p1powermeter.spool.publish.SpoolPublisher;

/**
 * The publisher alone against a real Mosquitto: 52,000 events (2,000 telegrams of 26) spooled at once are all
 * acknowledged and arrive in order per topic, spooled at QoS 0 and 1 (a window of 1,000: Paho's default maxInflight
 * of 10 fails this with 32202). Spooled before the publisher connected, they are a backlog and go out at QoS 1 even
 * when spooled at QoS 0; events spooled while connected keep QoS 0. Prints the rate; the machine is shared, so the
 * rate is reported, not asserted.
 */
class SpoolPublisherIT {

    private static final int TOPICS = 26;
    private static final int EVENTS = 2000 * TOPICS;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "QoS {0} over {1} connection(s)")
    @CsvSource({"0,1", "1,1", "0,4", "1,4"})
    void drainsABacklogInOrderPerTopic(int qos, int connections) throws Exception {
        // a subscriber queue without limit: Mosquitto drops QoS 1 messages for a slow subscriber past 1000 queued
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), ItTools.freeLoopbackPort(), "vscp", "secret",
                "max_queued_messages 0\n");
                MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "it/#");
                DiskSpool spool = DiskSpool.open(dir.resolve("spool"), SpoolLimits.of(256L << 20, Duration.ofHours(1)),
                        Clock.systemUTC())) {
            for (int i = 0; i < EVENTS; i++) {
                spool.append("it/" + (i % TOPICS), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), qos, false);
            }
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(1000); // the window below
            options.setUserName("vscp");
            options.setPassword("secret".toCharArray());
            SpoolPublisher publisher = new SpoolPublisher(spool, new BrokerTarget(broker.url(), "it-publisher", options, 1000,
                    connections));
            long start = System.nanoTime();
            publisher.start();
            boolean acked = publisher.awaitAcknowledged(EVENTS, Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - start) / 1e9;
            List<MqttRecorder.Received> got = recorder.await(EVENTS, 60, TimeUnit.SECONDS);
            publisher.close();
            System.out.printf("SpoolPublisherIT: QoS %d, %d connection(s): %d events acknowledged in %.2f s = %.0f events/s (%.0f telegrams/s); "
                    + "subscriber got %d%n", qos, connections, EVENTS, seconds, EVENTS / seconds, EVENTS / seconds / TOPICS, got.size());
            assertTrue(acked, "every event acknowledged: " + spool.counters());
            assertEquals(EVENTS, got.size());
            Map<String, Integer> last = new HashMap<>();
            for (MqttRecorder.Received r : got) {
                int n = Integer.parseInt(r.payload().replaceAll("\\D", ""));
                Integer before = last.put(r.topic(), n);
                assertTrue(before == null || n > before, r.topic() + ": " + n + " after " + before);
            }
            assertEquals(0, spool.counters().depth());
            assertEquals(List.of(1), got.stream().map(MqttRecorder.Received::qos).distinct().toList(),
                    "a backlog goes at QoS 1, also when spooled at QoS 0");
        }
    }

    @Test
    void aQosZeroBacklogIsPublishedAtQosOneAndLiveEventsAtQosZero() throws Exception {
        int backlog = 300;
        int live = 200;
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret");
                MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "it/#");
                DiskSpool spool = DiskSpool.open(dir.resolve("spool"), SpoolLimits.of(16L << 20, Duration.ofHours(1)),
                        Clock.systemUTC())) {
            for (int i = 0; i < backlog; i++) {
                spool.append("it/" + (i % TOPICS), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 0, false);
            }
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(1000); // the window below
            options.setUserName("vscp");
            options.setPassword("secret".toCharArray());
            SpoolPublisher publisher = new SpoolPublisher(spool, new BrokerTarget(broker.url(), "it-backlog", options, 1000));
            publisher.start();
            assertTrue(publisher.awaitAcknowledged(backlog, Duration.ofSeconds(30)), spool.counters().toString());
            for (int i = backlog; i < backlog + live; i++) {
                spool.append("it/" + (i % TOPICS), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 0, false);
            }
            assertTrue(publisher.awaitAcknowledged(backlog + live, Duration.ofSeconds(30)), spool.counters().toString());
            List<MqttRecorder.Received> got = recorder.await(backlog + live, 30, TimeUnit.SECONDS);
            publisher.close();
            assertEquals(backlog + live, got.size());
            Map<Integer, Integer> qosOf = new HashMap<>();
            for (MqttRecorder.Received r : got) {
                qosOf.put(Integer.parseInt(r.payload().replaceAll("\\D", "")), r.qos());
            }
            for (int n = 0; n < backlog + live; n++) {
                assertEquals(n < backlog ? 1 : 0, qosOf.get(n), "event " + n + (n < backlog ? " (backlog)" : " (live)"));
            }
        }
    }
}
