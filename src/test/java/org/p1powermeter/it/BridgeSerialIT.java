package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a Python-script user runs it: the script's own config.ini (pointed at this test's broker
 * and pty), a real Mosquitto with password authentication, and a socat pty pair as the meter's P1 port.
 */
class BridgeSerialIT {

    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";

    @TempDir
    Path dir;
    private Mosquitto broker;
    private SocatPty pty;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret");
        pty = SocatPty.start(dir.resolve("pty"));
    }

    @AfterEach
    void stop() throws Exception {
        if (pty != null) {
            pty.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void oneShotPublishesTheTwentySixEventsOfTheFirstTelegramAndExits() throws Exception {
        Path config = writeConfig(Map.of("no_vscp", "false", "guid", GUID));
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "vscp/#");
                BridgeProcess bridge = BridgeProcess.start(dir, List.of("-c", config.toString(), "-s"))) {
            int exit = feedUntilExit(bridge);
            assertEquals(0, exit, () -> "exit code; stderr:\n" + stderrOf(bridge));
            List<MqttRecorder.Received> got = recorder.await(26, 10, TimeUnit.SECONDS);
            Thread.sleep(300); // nothing more may come: one-shot publishes one telegram
            got = recorder.snapshot();
            assertEquals(26, got.size(), "one event per measurement of one telegram");
            assertEventsMatchTheTelegram(got);
            keepForVscpCheck(got);
        }
    }

    @Test
    void noVscpPublishesPlainNumbersUnderTheNotes() throws Exception {
        Path config = writeConfig(Map.of("guid", GUID)); // the sample's no_vscp = true as it is
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "#");
                BridgeProcess bridge = BridgeProcess.start(dir, List.of("-c", config.toString(), "--oneshot"))) {
            assertEquals(0, feedUntilExit(bridge), () -> stderrOf(bridge));
            List<MqttRecorder.Received> got = recorder.await(26, 10, TimeUnit.SECONDS);
            Map<String, String> byTopic = new HashMap<>();
            got.forEach(r -> byTopic.put(r.topic(), r.payload()));
            assertEquals(26, byTopic.size());
            assertEquals("1.727", byTopic.get("Active effect out"));
            assertEquals("6678.394", byTopic.get("Meter reading active energy out"));
            assertEquals("0.309", byTopic.get("Reactive effect in"), "kvar as the meter sends it");
            assertEquals("240.3", byTopic.get("Voltage L1"));
        }
    }

    @Test
    void sendFlagsLeaveOutTheirGroups() throws Exception {
        Path config = writeConfig(Map.of("no_vscp", "false", "guid", GUID, "send_reactive_effect", "false",
                "send_current", "false"));
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "vscp/#");
                BridgeProcess bridge = BridgeProcess.start(dir, List.of("-c", config.toString(), "-s"))) {
            assertEquals(0, feedUntilExit(bridge), () -> stderrOf(bridge));
            recorder.await(15, 10, TimeUnit.SECONDS);
            Thread.sleep(300);
            List<MqttRecorder.Received> got = recorder.snapshot();
            assertEquals(26 - 8 - 3, got.size(), "8 reactive power and 3 current events left out");
            for (MqttRecorder.Received r : got) {
                int type = Integer.parseInt(r.topic().substring(r.topic().lastIndexOf('/') + 1));
                assertFalse(type == 64 || type == 5, "reactive power and current are off: " + r.topic());
            }
        }
    }

    @Test
    void wrongPasswordIsAReportedFailureNotAHang() throws Exception {
        Path config = writeConfig(Map.of("no_vscp", "false", "guid", GUID, "password", "wrong"));
        try (BridgeProcess bridge = BridgeProcess.start(dir, List.of("-c", config.toString(), "-s"))) {
            int exit = feedUntilExit(bridge);
            assertEquals(1, exit, "one-shot run whose events were not delivered");
            assertFalse(bridge.stderr().contains("wrong"), "the password never appears in the output");
        }
    }

    private void assertEventsMatchTheTelegram(List<MqttRecorder.Received> got) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        for (MqttRecorder.Received r : got) {
            JsonNode e = json.readTree(r.payload());
            SwedishTelegram.Expected x = SwedishTelegram.BY_NOTE.get(e.get("vscpNote").asText());
            assertNotNull(x, "unexpected note " + e.get("vscpNote"));
            assertTrue(seen.add(x.name()), "twice: " + x.name());
            String guid = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:" + String.format("%02X", x.sensorIndex());
            assertEquals("vscp/" + guid + "/1040/" + x.type(), r.topic(), x.name());
            assertEquals(32864, e.get("vscpHead").asInt());
            assertEquals(1040, e.get("vscpClass").asInt());
            assertEquals(x.type(), e.get("vscpType").asInt(), x.name());
            assertEquals(guid, e.get("vscpGuid").asText(), x.name());
            assertEquals(SwedishTelegram.DATE_TIME, e.get("vscpDateTime").asText(), x.name());
            List<Integer> data = new ArrayList<>();
            e.get("vscpData").forEach(b -> data.add(b.asInt()));
            List<Integer> expected = new ArrayList<>(List.of(x.sensorIndex(), 0, 0, x.unit()));
            for (byte b : x.value().getBytes(StandardCharsets.US_ASCII)) {
                expected.add((int) b);
            }
            expected.add(0);
            assertEquals(expected, data, x.name() + " data bytes");
            assertEquals(0, new java.math.BigDecimal(x.value()).compareTo(new java.math.BigDecimal(e.get("measurement").get("value").asText())),
                    x.name() + " measurement.value " + e.get("measurement").get("value"));
            assertEquals(x.unit(), e.get("measurement").get("unit").asInt(), x.name());
        }
    }

    /** Leaves the events as the broker delivered them in target/vscp-samples, where .ci/run checks them with vscp-check. */
    private static void keepForVscpCheck(List<MqttRecorder.Received> got) throws Exception {
        Path samples = Path.of("target", "vscp-samples");
        Files.createDirectories(samples);
        int n = 0;
        for (MqttRecorder.Received r : got) {
            String name = String.format("published-serial-%02d", ++n);
            Files.writeString(samples.resolve(name + ".json"), r.payload());
            Files.writeString(samples.resolve(name + ".topic"), r.topic());
        }
    }

    /** Writes the telegram into the pty once a second (as a meter does) until the bridge exits. */
    private int feedUntilExit(BridgeProcess bridge) throws Exception {
        byte[] telegram = SwedishTelegram.bytes();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (bridge.isAlive() && System.nanoTime() < deadline) {
            pty.send(telegram);
            Thread.sleep(1000);
        }
        return bridge.waitFor(20, TimeUnit.SECONDS);
    }

    private Path writeConfig(Map<String, String> overrides) throws Exception {
        Path config = dir.resolve("config.ini");
        Files.writeString(config, SwedishTelegram.seedConfig(broker.port(), pty.appSide().toString(), overrides));
        return config;
    }

    private static String stderrOf(BridgeProcess bridge) {
        try {
            return bridge.stderr();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
