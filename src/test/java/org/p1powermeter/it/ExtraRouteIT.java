package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Adding a sink", end to end: the shipped routes/examples/file-sink.camel.yaml named in config.ini
 * ({@code [GENERAL] routes}, {@code sinks = direct:mqtt,direct:file-sink}) is loaded by the packaged jar, and every
 * event goes both to a real Mosquitto and to events/events.jsonl.
 */
class ExtraRouteIT {

    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";
    private static final String EXAMPLE = "routes/examples/file-sink.camel.yaml";

    @TempDir
    Path dir;

    @Test
    void theRouteFileNamedInConfigIsLoadedAndItsSinkGetsEveryEventBesideMqtt() throws Exception {
        int telegrams = 3;
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret")) {
            Path work = Files.createDirectories(dir.resolve("work"));
            Files.createDirectories(work.resolve(EXAMPLE).getParent());
            Files.copy(Path.of(EXAMPLE), work.resolve(EXAMPLE)); // the shipped file, as a user copies it
            Path config = writeConfig(work, broker.port(), EXAMPLE, "direct:mqtt,direct:file-sink");
            Path capture = ReplayCapture.write(work.resolve("capture.txt"), telegrams);
            try (MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "vscp/#");
                    BridgeProcess bridge = BridgeProcess.start(work, List.of("-c", config.toString(), "-i", capture.toString()))) {
                assertEquals(0, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
                List<MqttRecorder.Received> got = recorder.await(26 * telegrams, 10, TimeUnit.SECONDS);
                assertEquals(26 * telegrams, got.size(), "every event still goes to MQTT");
                Path file = work.resolve("events").resolve("events.jsonl");
                assertTrue(Files.isRegularFile(file), "the file sink wrote " + file + "\n" + bridge);
                List<String> lines = Files.readAllLines(file);
                assertEquals(26 * telegrams, lines.size(), "one line per event");
                ObjectMapper json = new ObjectMapper();
                for (String line : lines) {
                    JsonNode event = json.readTree(line);
                    assertEquals(1040, event.get("vscpClass").asInt(), line);
                }
                List<String> published = new ArrayList<>(got.stream().map(MqttRecorder.Received::payload).toList());
                List<String> written = new ArrayList<>(lines);
                published.sort(null);
                written.sort(null);
                assertEquals(published, written, "the file holds the very events the broker delivered");
            }
        }
    }

    /** The Python script's config.ini with the two [GENERAL] keys of README's example. */
    private static Path writeConfig(Path work, int brokerPort, String routes, String sinks) throws Exception {
        String ini = SwedishTelegram.seedConfig(brokerPort, "/dev/null", Map.of("no_vscp", "false", "guid", GUID));
        assertTrue(ini.contains("[GENERAL]\n"), "the seed config has a [GENERAL] section");
        ini = ini.replace("[GENERAL]\n", "[GENERAL]\nroutes = " + routes + "\nsinks = " + sinks + "\n");
        Path config = work.resolve("config.ini");
        Files.writeString(config, ini);
        return config;
    }
}
