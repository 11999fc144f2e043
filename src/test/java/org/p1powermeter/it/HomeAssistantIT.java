package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.ha.HaRules;
import org.p1powermeter.ha.HaRules.Published;
import org.p1powermeter.p1.Crc16Arc;

/**
 * [HOMEASSISTANT] discovery = true end to end: the packaged jar replays telegrams into a real Mosquitto and a
 * recorder keeps everything the bridge publishes with its retain flag (MQTT 5 retain-as-published), which is then
 * checked against the rules of docs/home-assistant.md ({@link HaRules}). The run with the bundled telegram writes
 * target/ha-messages.jsonl (one {"topic", "payload", "retain"} per line, in publish order).
 */
class HomeAssistantIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BIRTH = "homeassistant/status";
    private static final String STATUS = "p1/status";

    @TempDir
    Path dir;
    /** One broker per test: no retained message of another test is replayed to this one's recorder. */
    private Mosquitto broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"), null, null);
    }

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** The Python script's config.ini with a [HOMEASSISTANT] section: discovery on, and {@code extra} lines. */
    private Path config(Path work, String extra) throws Exception {
        Path config = work.resolve("config.ini");
        Files.writeString(config, SwedishTelegram.seedConfig(broker.port(), "/dev/null",
                Map.of("no_vscp", "false", "guid", "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00"))
                + "\n[HOMEASSISTANT]\ndiscovery = true\n" + extra);
        return config;
    }

    private static boolean is(Published p, String topic, String payload) {
        return p.topic().equals(topic) && p.payload().equals(payload);
    }

    @Test
    void theBundledTelegramAppearsInHomeAssistantAndIsResentWhenItStarts() throws Exception {
        Path work = Files.createDirectories(dir.resolve("bundled"));
        Path capture = ReplayCapture.write(work.resolve("capture.txt"), 8);
        Path config = config(work, "");
        List<Published> got;
        try (RetainRecorder recorder = new RetainRecorder(broker.port(), "#");
                BridgeProcess bridge = BridgeProcess.start(work, List.of("-c", config.toString(), "-i", capture.toString(),
                        "--set", "input_interval=700"))) {
            assertTrue(recorder.await(p -> p.topic().endsWith("/state"), 30, TimeUnit.SECONDS), bridge::toString);
            // Home Assistant starts: it announces itself until the bridge's birth route (supervised) has subscribed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (configCount(recorder.snapshot()) < 52 && System.nanoTime() < deadline) {
                publish(BIRTH, "online");
                recorder.await(p -> false, 500, TimeUnit.MILLISECONDS);
            }
            assertEquals(0, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            assertTrue(recorder.await(p -> is(p, STATUS, "offline"), 10, TimeUnit.SECONDS), "offline at the orderly stop");
            got = recorder.snapshot().stream().filter(p -> !p.topic().equals(BIRTH)).collect(Collectors.toList());
        }
        writeJsonLines(got, Path.of("target", "ha-messages.jsonl"));

        assertEquals(new Published(STATUS, "online", true), got.get(0), "online, retained, before anything else");
        List<Published> running = untilOffline(got, STATUS);
        assertEquals(new Published(STATUS, "offline", true), got.get(running.size()), "offline, retained, at the orderly stop");
        assertEquals(List.of(), HaRules.violations(running));

        long states = running.stream().filter(p -> p.topic().endsWith("/state")).count();
        long events = running.stream().filter(p -> p.topic().startsWith("vscp/")).count();
        long removals = running.stream().filter(p -> p.topic().endsWith("/config") && p.payload().isEmpty()).count();
        assertEquals(8, states, "one state per telegram (interval 0)");
        assertEquals(8 * 26, events, "the VSCP events run beside the state ([HOMEASSISTANT] vscp = true)");
        long expectedRemovals = 0;
        for (org.p1powermeter.measure.MeasurementType type : org.p1powermeter.measure.MeasurementType.values()) {
            if (!type.group().isSeed()) { // the script's config.ini sends its five groups only
                expectedRemovals += type.isMbus() ? 4 : 1;
            }
        }
        assertEquals(expectedRemovals, removals, "the configs of the switched-off groups (power factor, frequency,"
                + " tariff, M-Bus on 4 channels …) are removed");
        assertTrue(configCount(running) >= 52, "26 configs, and all again when Home Assistant said online: "
                + configCount(running));
        assertTrue(running.stream().filter(p -> p.topic().endsWith("/config") && !p.payload().isEmpty()).allMatch(Published::retain));
        assertTrue(running.stream().filter(p -> p.topic().endsWith("/state")).noneMatch(Published::retain));
        assertTrue(running.stream().filter(p -> is(p, STATUS, "online")).count() >= 2, "online again with the configs");
    }

    @Test
    void aKilledBridgeLeavesItsWillOfflineRetained() throws Exception {
        Path work = Files.createDirectories(dir.resolve("kill"));
        Path capture = ReplayCapture.write(work.resolve("capture.txt"), 120);
        Path config = config(work, "base_topic = kill9\n");
        try (RetainRecorder recorder = new RetainRecorder(broker.port(), "kill9/#");
                BridgeProcess bridge = BridgeProcess.start(work, List.of("-c", config.toString(), "-i", capture.toString(),
                        "--set", "input_interval=500"))) {
            assertTrue(recorder.await(p -> p.topic().endsWith("/state"), 30, TimeUnit.SECONDS), bridge::toString);
            assertTrue(recorder.snapshot().stream().anyMatch(p -> is(p, "kill9/status", "online") && p.retain()));
            bridge.signal("KILL");
            assertTrue(recorder.await(p -> is(p, "kill9/status", "offline"), 10, TimeUnit.SECONDS),
                    "the broker published the will: " + recorder.snapshot().stream().filter(p -> p.topic().endsWith("status")).toList());
            Published will = recorder.snapshot().stream().filter(p -> is(p, "kill9/status", "offline")).findFirst().orElseThrow();
            assertTrue(will.retain(), "the will is retained");
        }
        try (RetainRecorder late = new RetainRecorder(broker.port(), "kill9/status")) {
            assertTrue(late.await(p -> is(p, "kill9/status", "offline") && p.retain(), 5, TimeUnit.SECONDS),
                    "a later subscriber (Home Assistant restarting) reads offline at once");
        }
    }

    @Test
    void corpusMetersNlBeSeLuAtHuKeepEveryRule() throws Exception {
        Path work = Files.createDirectories(dir.resolve("corpus"));
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        for (String file : List.of("v5_iskra_am550_two_mbus.txt", "be_fluvius_v171.txt", "at_sagemcom_t210_d_r_plaintext.txt",
                "hu_eon_sag_meter.txt")) {
            capture.write(resource("/corpus/dsmr_parser/" + file));
        }
        capture.write(SwedishTelegram.bytes());
        capture.write(luxembourgTelegram());
        Path file = Files.write(work.resolve("capture.txt"), capture.toByteArray());
        Path config = config(work, "base_topic = corpus\n");
        List<Published> got;
        try (RetainRecorder recorder = new RetainRecorder(broker.port(), "#");
                BridgeProcess bridge = BridgeProcess.start(work, List.of("-c", config.toString(), "-i", file.toString(),
                        "--set", "meter_zone=Europe/Brussels", "--set", "send_power_factor=true", "--set",
                        "send_frequency=true", "--set", "send_tariff=true", "--set", "send_mbus=true", "--set",
                        "send_quadrant=true", "--set", "send_demand=true", "--set", "send_power_quality=true", "--set",
                        "send_limits=true"))) {
            assertEquals(0, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            assertTrue(recorder.await(p -> is(p, "corpus/status", "offline"), 10, TimeUnit.SECONDS));
            got = recorder.snapshot().stream()
                    .filter(p -> p.topic().startsWith("corpus/") || p.topic().startsWith("homeassistant/sensor/"))
                    .filter(p -> !p.topic().endsWith("/config") || p.payload().isEmpty()
                            || p.payload().contains("\"corpus/status\""))
                    .collect(Collectors.toList());
        }
        List<Published> running = untilOffline(got, "corpus/status");
        assertEquals(List.of(), HaRules.violations(running));
        Set<String> stateTopics = running.stream().filter(p -> p.topic().endsWith("/state")).map(Published::topic)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(6, stateTopics.size(), "NL, BE, AT, HU, SE, LU: " + stateTopics);
        List<String> gas = new ArrayList<>();
        for (Published p : running) {
            if (p.topic().endsWith("/config") && p.payload().contains("\"device_class\":\"gas\"")) {
                gas.add(p.payload());
            }
        }
        assertTrue(gas.size() >= 2, "the NL and BE gas meters: " + gas.size());
        List<String> demand = running.stream().filter(p -> p.topic().endsWith("/demand_average/config")
                || p.topic().endsWith("/demand_month_peak/config")).map(Published::payload).toList();
        assertEquals(2, demand.size(), "the Belgian capacity tariff: current average demand and this month's peak");
        for (String d : demand) {
            var c = JSON.readTree(d);
            assertEquals("power", c.get("device_class").asText());
            assertEquals("W", c.get("unit_of_measurement").asText());
        }
        for (String g : gas) {
            var c = JSON.readTree(g);
            assertEquals("m³", c.get("unit_of_measurement").asText());
            assertTrue(c.at("/device/via_device").asText().startsWith("p1_"), g);
        }
    }

    /** What was published while the bridge ran: up to its first offline (the stop; the will may follow). */
    private static List<Published> untilOffline(List<Published> got, String status) {
        for (int i = 0; i < got.size(); i++) {
            if (is(got.get(i), status, "offline")) {
                return got.subList(0, i);
            }
        }
        return got;
    }

    @Test
    void rateWindowsOnTheWallClockClosedByTheTickAndFlushedAtStop() throws Exception {
        Path work = Files.createDirectories(dir.resolve("rate"));
        Path capture = ReplayCapture.write(work.resolve("capture.txt"), 3);
        Path config = config(work, "base_topic = rate\n");
        List<Published> got;
        List<Long> arrivals;
        try (RetainRecorder recorder = new RetainRecorder(broker.port(), "#");
                BridgeProcess bridge = BridgeProcess.start(work, List.of("-c", config.toString(), "-i", capture.toString(),
                        "--set", "input_interval=4000", "--set", "interval=1"))) {
            assertEquals(0, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            assertTrue(recorder.await(p -> is(p, "rate/status", "offline"), 10, TimeUnit.SECONDS));
            got = recorder.snapshot();
            arrivals = recorder.arrivals();
        }
        List<Long> windowEnds = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            Published p = got.get(i);
            if (p.topic().endsWith("/state")) {
                long time = java.time.Instant.parse(JSON.readTree(p.payload()).get("time").asText()).toEpochMilli();
                if (time % 1000 == 0) {
                    windowEnds.add(time);
                    assertTrue(arrivals.get(i) - time < 2000, "closed by the 1-second tick, not by the next telegram 3-4 s"
                            + " later: window end " + time + ", received " + arrivals.get(i));
                }
            }
        }
        assertEquals(2, windowEnds.size(), "a window per telegram but the last (4 s apart, 1 s windows, empty ones publish"
                + " nothing): " + windowEnds);
        assertEquals(4, got.stream().filter(p -> p.topic().endsWith("/state")).count(),
                "the first telegram at once, two windows, and the last one flushed when the input ended");
        for (long end : windowEnds) {
            String second = java.time.Instant.ofEpochMilli(end).toString().replace(".000Z", "Z");
            assertTrue(got.stream().anyMatch(p -> p.topic().startsWith("vscp/") && p.payload().contains(
                    "\"vscpDateTime\":\"" + second + "\"")), "VSCP events dated at the window end " + second);
        }
        assertEquals(List.of(), HaRules.violations(untilOffline(got, "rate/status")));
    }

    private static long configCount(List<Published> messages) {
        return messages.stream().filter(p -> p.topic().endsWith("/config") && !p.payload().isEmpty()).count();
    }

    private void publish(String topic, String payload) throws Exception {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()), "-q", "1",
                "-t", topic, "-m", payload).redirectErrorStream(true).start();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    private static void writeJsonLines(List<Published> messages, Path file) throws Exception {
        StringBuilder out = new StringBuilder();
        for (Published p : messages) {
            ObjectNode line = JSON.createObjectNode();
            line.put("topic", p.topic());
            line.put("payload", p.payload());
            line.put("retain", p.retain());
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = HomeAssistantIT.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /**
     * A Luxembourg Smarty telegram as the decrypted plaintext looks (docs/p1-telegrams.md §6: {@code 0-0:42.0.0} id,
     * totals only, reactive power without a unit); the corpus has none, so it is built here with its CRC. Values made up.
     */
    static byte[] luxembourgTelegram() {
        String body = "/Lux5\\253663629_D\r\n\r\n"
                + "0-0:1.0.0(231120143000W)\r\n"
                + "0-0:42.0.0(53414733303331323334353637383930)\r\n"
                + "1-0:1.8.0(000123.456*kWh)\r\n"
                + "1-0:2.8.0(000010.002*kWh)\r\n"
                + "1-0:3.8.0(000020.100*kvarh)\r\n"
                + "1-0:4.8.0(000030.200*kvarh)\r\n"
                + "1-0:1.7.0(01.193*kW)\r\n"
                + "1-0:2.7.0(00.000*kW)\r\n"
                + "1-0:3.7.0(00.007)\r\n"
                + "1-0:4.7.0(00.150)\r\n"
                + "1-0:32.7.0(230.1*V)\r\n"
                + "1-0:31.7.0(005*A)\r\n"
                + "!";
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String crc = String.format("%04X\r\n", Crc16Arc.compute(bytes, 0, bytes.length));
        return (body + crc).getBytes(StandardCharsets.ISO_8859_1);
    }
}
