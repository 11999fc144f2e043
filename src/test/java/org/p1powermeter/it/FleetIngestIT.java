package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.vscp.MeterGuid;

/**
 * {@code [GENERAL] mode = ingest} and the whole chain with the packaged jar and a real Kafka broker (KRaft, in
 * this JVM): a capture of three meters' telegrams, one telegram that names no meter and one with a bad CRC goes
 * into the topic keyed by meter id, byte for byte, with the source and receipt time as record headers; the bad one
 * never reaches Kafka and is counted for its source. A bridge instance then publishes them with each meter's own
 * GUID. Also: standalone never loads a Kafka class (the JVM's class-load log of a standalone run, and of the
 * ingest run as the control). And one ingest instance reading 50 network dongles ({@code serial_port} = a list of
 * {@code tcp://}, served by this test on 127.0.0.1), one of which drops its connection in the middle of a telegram
 * and comes back.
 */
class FleetIngestIT {

    private static final String TOPIC = "p1.telegrams";
    private static final String[] KAFKA_PACKAGES = {"org.apache.kafka.", "org.apache.camel.component.kafka.",
        "org.p1powermeter.camel.fleet.", "org.p1powermeter.app.FleetAssembly"};

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void ingestWritesGoodTelegramsKeyedByMeterAndTheBridgePublishesThemPerMeter() throws Exception {
        List<byte[]> good = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        for (int seq = 1; seq <= 4; seq++) {
            for (int meter = 1; meter <= 3; meter++) {
                byte[] telegram = FleetTelegrams.telegram(meter, seq);
                good.add(telegram);
                keys.add(FleetTelegrams.meterId(meter));
                capture.writeBytes(telegram);
            }
            if (seq == 2) {
                byte[] bad = FleetTelegrams.telegram(2, 99);
                bad[40] = (byte) (bad[40] == '0' ? '1' : '0'); // a changed digit: the CRC no longer matches
                capture.writeBytes(bad);
            }
        }
        byte[] anonymous = FleetTelegrams.telegram((String) null, 5); // names no meter: keyed by its source
        good.add(anonymous);
        keys.add("input");
        capture.writeBytes(anonymous);
        Path work = Files.createDirectories(dir.resolve("ingest"));
        Path file = Files.write(work.resolve("capture.p1"), capture.toByteArray());
        Path classLog = work.resolve("classes.log");

        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"))) {
            kafka.createTopic(TOPIC, 6);
            Instant started = Instant.now();
            try (BridgeProcess ingest = BridgeProcess.start(work, List.of(), List.of("-Xlog:class+load=info:file=" + classLog),
                    List.of("-i", file.toString(), "--set", "mode=ingest", "--set", "kafka.brokers=" + kafka.bootstrap()), null)) {
                assertEquals(0, ingest.waitFor(60, TimeUnit.SECONDS), ingest::toString);
                assertTrue(ingest.stderr().contains("ingest source input: 13 telegrams to Kafka, 0 failed,"
                        + " 1 bad telegrams dropped {CRC_MISMATCH=1}"), ingest::toString);
            }
            assertTrue(loadsKafka(classLog), "control: the class-load log shows Kafka classes in ingest mode");

            List<ConsumerRecord<String, byte[]>> records = readAll(kafka.bootstrap(), good.size());
            assertEquals(good.size(), records.size(), "every good telegram, and not the bad one");
            Map<String, List<byte[]>> byKey = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                assertEquals("input", new String(r.headers().lastHeader("p1.source").value(), StandardCharsets.UTF_8));
                Instant receivedAt = Instant.parse(new String(r.headers().lastHeader("p1.receivedAt").value(),
                        StandardCharsets.UTF_8));
                assertFalse(receivedAt.isBefore(started.minusSeconds(1)), "receipt time " + receivedAt);
            }
            Map<String, List<byte[]>> expected = new HashMap<>();
            for (int i = 0; i < good.size(); i++) {
                expected.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(good.get(i));
            }
            assertEquals(expected.keySet(), byKey.keySet(), "keys: the three meters' equipment ids and the source");
            for (String key : expected.keySet()) {
                List<byte[]> want = expected.get(key);
                List<byte[]> got = byKey.get(key);
                assertEquals(want.size(), got.size(), key);
                for (int i = 0; i < want.size(); i++) {
                    assertArrayEquals(want.get(i), got.get(i), key + " telegram " + i + ": the bytes as framed, in order");
                }
            }

            try (Mosquitto mqtt = Mosquitto.start(dir.resolve("mqtt"), null, null);
                    MqttRecorder recorder = new MqttRecorder(mqtt.url(), null, null, "vscp/#")) {
                Path bridgeWork = Files.createDirectories(dir.resolve("bridge"));
                Path config = bridgeWork.resolve("config.ini");
                Files.writeString(config, "[GENERAL]\nmode = bridge\nsend_energy = false\nsend_active_effect = false\n"
                        + "send_reactive_effect = false\nsend_voltage = false\nsend_current = false\nsend_frequency = true\n"
                        + "[MQTT]\nhost = 127.0.0.1\nport = " + mqtt.port() + "\n[SPOOL]\nspool_dir = spool\n");
                try (BridgeProcess bridge = BridgeProcess.start(bridgeWork, List.of(), List.of("-Xmx256m"),
                        List.of("-c", config.toString(), "--set", "kafka.brokers=" + kafka.bootstrap()), null)) {
                    List<MqttRecorder.Received> events = recorder.await(good.size(), 60, TimeUnit.SECONDS);
                    assertEquals(good.size(), events.size(), bridge::toString);
                    Map<String, Integer> perGuid = new HashMap<>();
                    ObjectMapper json = new ObjectMapper();
                    for (MqttRecorder.Received e : events) {
                        JsonNode event = json.readTree(e.payload());
                        String guid = event.get("vscpGuid").asText();
                        perGuid.merge(guid.substring(0, 41), 1, Integer::sum);
                        assertTrue(e.topic().startsWith("vscp/" + guid + "/"), e.topic());
                    }
                    Map<String, Integer> want = new HashMap<>();
                    for (int meter = 1; meter <= 3; meter++) {
                        want.put(MeterGuid.of(FleetTelegrams.meterId(meter)).toString().substring(0, 41), 4);
                    }
                    want.put(MeterGuid.of("input").toString().substring(0, 41), 1);
                    assertEquals(want, perGuid, "each meter's events carry its own GUID");
                }
            }
        }
    }

    /** Dongles of {@link #oneIngestInstanceReadsFiftyDonglesAndADongleThatDropsMidTelegramComesBack}. */
    private static final int DONGLES = 50;
    private static final int FIRST_METER = 101;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oneIngestInstanceReadsFiftyDonglesAndADongleThatDropsMidTelegramComesBack() throws Exception {
        int dropper = FIRST_METER; // the dongle that drops mid-telegram
        List<Dongle> dongles = new ArrayList<>();
        Map<String, List<byte[]>> expected = new HashMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        byte[] cut = FleetTelegrams.telegram(dropper, 3);
        try {
            for (int meter = FIRST_METER; meter < FIRST_METER + DONGLES; meter++) {
                List<List<byte[]>> script = new ArrayList<>();
                List<byte[]> want = new ArrayList<>();
                if (meter == dropper) {
                    // first connection: telegrams 1 and 2, then half of 3 and the connection drops; second: 4 and 5
                    script.add(List.of(FleetTelegrams.telegram(meter, 1), FleetTelegrams.telegram(meter, 2),
                            java.util.Arrays.copyOf(cut, cut.length / 2)));
                    script.add(List.of(FleetTelegrams.telegram(meter, 4), FleetTelegrams.telegram(meter, 5)));
                    want.addAll(List.of(script.get(0).get(0), script.get(0).get(1)));
                    want.addAll(script.get(1));
                } else {
                    script.add(List.of(FleetTelegrams.telegram(meter, 1), FleetTelegrams.telegram(meter, 2),
                            FleetTelegrams.telegram(meter, 3)));
                    want.addAll(script.get(0));
                }
                Dongle dongle = new Dongle(script, meter == dropper);
                dongles.add(dongle);
                expected.put(FleetTelegrams.meterId(meter), want);
                sourceOf.put(FleetTelegrams.meterId(meter), "tcp://127.0.0.1:" + dongle.port());
            }
            int total = expected.values().stream().mapToInt(List::size).sum();
            StringBuilder port = new StringBuilder();
            for (Dongle d : dongles) {
                port.append(port.length() == 0 ? "" : ",").append("tcp://127.0.0.1:").append(d.port());
            }
            Path work = Files.createDirectories(dir.resolve("dongles"));
            Path config = work.resolve("config.ini");
            Files.writeString(config, "[GENERAL]\nmode = ingest\n[SERIAL]\nserial_port = " + port
                    + "\nserial_timeout = 60\n");

            try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"))) {
                kafka.createTopic(TOPIC, 6);
                List<ConsumerRecord<String, byte[]>> records;
                try (BridgeProcess ingest = BridgeProcess.start(work, List.of(), List.of("-Xmx256m"),
                        List.of("-c", config.toString(), "-v", "--set", "kafka.brokers=" + kafka.bootstrap()), null)) {
                    records = readAll(kafka.bootstrap(), total, 60);
                    assertTrue(dongles.get(0).connections() >= 2, "the dropped dongle was connected again\n" + ingest);
                    ingest.terminate();
                    assertEquals(0, ingest.waitFor(30, TimeUnit.SECONDS), ingest::toString);
                    String log = ingest.stderr() + ingest.stdout();
                    assertTrue(log.contains("ingest source " + sourceOf.get(FleetTelegrams.meterId(dropper))
                            + ": 4 telegrams to Kafka, 0 failed, 1 bad telegrams dropped {TRUNCATED=1}"), log);
                    assertTrue(log.contains("ingest source " + sourceOf.get(FleetTelegrams.meterId(FIRST_METER + 1))
                            + ": 3 telegrams to Kafka, 0 failed, 0 bad telegrams dropped"), log);
                }
                assertEquals(total, records.size(), "every telegram of the 50 dongles, and not the cut one");
                Map<String, List<byte[]>> byKey = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                    assertEquals(sourceOf.get(r.key()),
                            new String(r.headers().lastHeader("p1.source").value(), StandardCharsets.UTF_8),
                            "the source header of meter " + r.key() + ": its dongle");
                    assertFalse(java.util.Arrays.equals(cut, r.value()), "the cut telegram reached Kafka");
                }
                assertEquals(expected.keySet(), byKey.keySet(), "keyed by each dongle's meter");
                for (String key : expected.keySet()) {
                    List<byte[]> want = expected.get(key);
                    List<byte[]> got = byKey.get(key);
                    assertEquals(want.size(), got.size(), key);
                    for (int i = 0; i < want.size(); i++) {
                        assertArrayEquals(want.get(i), got.get(i), key + " telegram " + i + ": the bytes, in order");
                    }
                }
            }
        } finally {
            for (Dongle d : dongles) {
                d.close();
            }
        }
    }

    /**
     * A network P1 dongle on 127.0.0.1: connection n gets the telegrams of {@code script[n]} (100 ms apart), then is
     * held open, silent; with {@code dropAfter} the connection is closed after its telegrams instead (the last of
     * them cut short by the caller). Connections past the script get nothing.
     */
    private static final class Dongle implements AutoCloseable {
        private final ServerSocket server;
        private final List<List<byte[]>> script;
        private final boolean dropFirst;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile int connections;

        Dongle(List<List<byte[]>> script, boolean dropFirst) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.script = script;
            this.dropFirst = dropFirst;
            Thread t = new Thread(this::serve, "dongle-" + server.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections;
        }

        private void serve() {
            try {
                while (!server.isClosed()) {
                    Socket socket = server.accept();
                    int n = connections++;
                    open.add(socket);
                    Thread t = new Thread(() -> send(socket, n), "dongle-" + port() + "-" + n);
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void send(Socket socket, int n) {
            try {
                OutputStream out = socket.getOutputStream();
                for (byte[] telegram : n < script.size() ? script.get(n) : List.<byte[]>of()) {
                    out.write(telegram);
                    out.flush();
                    Thread.sleep(100);
                }
                if (n == 0 && dropFirst) {
                    Thread.sleep(200);
                    socket.close(); // in the middle of the telegram
                }
            } catch (IOException | InterruptedException e) {
                // the reader went away or the test is over
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void standaloneNeverLoadsAKafkaClass() throws Exception {
        Path work = Files.createDirectories(dir.resolve("standalone"));
        Path file = Files.write(work.resolve("capture.p1"), FleetTelegrams.telegram(7, 1));
        Path classLog = work.resolve("classes.log");
        try (BridgeProcess run = BridgeProcess.start(work, List.of(), List.of("-Xlog:class+load=info:file=" + classLog),
                List.of("-n", "-i", file.toString()), null)) {
            assertEquals(0, run.waitFor(30, TimeUnit.SECONDS), run::toString);
            assertTrue(run.stdout().contains("\"payload\""), "the dry run printed events\n" + run);
        }
        assertTrue(Files.readString(classLog).contains("org.p1powermeter.camel.P1TelegramProcessor"),
                "the class-load log works");
        assertFalse(loadsKafka(classLog), "standalone loaded a Kafka class");
    }

    private static boolean loadsKafka(Path classLog) throws Exception {
        for (String line : Files.readAllLines(classLog)) {
            for (String name : KAFKA_PACKAGES) {
                if (line.contains(" " + name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, int expected) {
        return readAll(bootstrap, expected, 30);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, int expected, int seconds) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                if (records.size() >= expected) {
                    consumer.poll(Duration.ofMillis(500)).forEach(records::add); // one more look for extras
                    break;
                }
            }
        }
        return records;
    }
}
