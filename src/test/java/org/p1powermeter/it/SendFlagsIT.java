package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each of the Python script's five send_* flags, set to false alone in its config.ini: the packaged jar, replaying
 * one telegram into a real Mosquitto, publishes exactly the other measurements' events (count, names, topics).
 */
class SendFlagsIT {

    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";

    @TempDir
    static Path dir;
    private static Mosquitto broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** The flag, how many of the 26 events stay, and the script's measurement names the flag turns off. */
    @ParameterizedTest(name = "{0} = false: {1} events")
    @CsvSource({
        "send_energy,          22, _energy_",
        "send_active_effect,   18, momentan_active_effect_",
        "send_reactive_effect, 18, momentan_reactive_effect_",
        "send_voltage,         23, voltage_",
        "send_current,         23, current_",
    })
    void aFlagSetToFalseLeavesOutExactlyItsMeasurements(String flag, int expectedEvents, String offNamePart)
            throws Exception {
        Path work = Files.createDirectories(dir.resolve(flag));
        Path capture = ReplayCapture.write(work.resolve("capture.txt"), 1);
        Path config = work.resolve("config.ini");
        Files.writeString(config, SwedishTelegram.seedConfig(broker.port(), "/dev/null",
                Map.of("no_vscp", "false", "guid", GUID, flag, "false")));
        Predicate<String> off = name -> name.contains(offNamePart);
        Set<String> expectedNames = new TreeSet<>();
        Set<String> expectedTopics = new TreeSet<>();
        for (SwedishTelegram.Expected x : SwedishTelegram.BY_NOTE.values()) {
            if (!off.test(x.name())) {
                expectedNames.add(x.name());
                expectedTopics.add("vscp/00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:"
                        + String.format("%02X", x.sensorIndex()) + "/1040/" + x.type());
            }
        }
        assertEquals(expectedEvents, expectedNames.size(), "the names the flag turns off: *" + offNamePart + "*");

        try (MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "#");
                BridgeProcess bridge = BridgeProcess.start(work, List.of("-c", config.toString(), "-i", capture.toString()))) {
            assertEquals(0, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            recorder.await(expectedEvents, 10, TimeUnit.SECONDS);
            Thread.sleep(500); // nothing more may come
            List<MqttRecorder.Received> got = recorder.snapshot();
            ObjectMapper json = new ObjectMapper();
            Set<String> names = new TreeSet<>();
            Set<String> topics = new TreeSet<>();
            for (MqttRecorder.Received r : got) {
                JsonNode event = json.readTree(r.payload());
                SwedishTelegram.Expected x = SwedishTelegram.BY_NOTE.get(event.get("vscpNote").asText());
                assertNotNull(x, "an event of the script's measurements: " + r);
                assertTrue(names.add(x.name()), "once: " + x.name());
                assertEquals(x.type(), event.get("vscpType").asInt(), x.name());
                topics.add(r.topic());
            }
            assertEquals(expectedEvents, got.size(), flag + " = false: events published");
            assertEquals(expectedNames, names, flag + " = false: the measurements published");
            assertEquals(expectedTopics, topics, flag + " = false: the topics");
        }
    }
}
