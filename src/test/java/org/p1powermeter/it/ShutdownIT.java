package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM with the broker up (the broker-down case is in {@link SpoolOutageIT}): the packaged jar reads a paced
 * capture into a real Mosquitto, is stopped by SIGTERM in the middle, delivers everything it read and exits 0. What
 * it read is what it printed with {@code -v} (one "Sending…" line per event, before the event is spooled); the
 * subscriber must have every event of those telegrams and none of the telegrams it did not read.
 */
class ShutdownIT {

    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";
    private static final int EVENTS = 26;
    private static final int TELEGRAMS = 40;

    @TempDir
    Path dir;

    @Test
    void sigtermWithTheBrokerUpDeliversEverythingReadAndExitsZero() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret");
                MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "vscp/#")) {
            Path capture = ReplayCapture.write(dir.resolve("capture.txt"), TELEGRAMS);
            Path config = dir.resolve("config.ini");
            Files.writeString(config, SwedishTelegram.seedConfig(broker.port(), "/dev/null",
                    Map.of("no_vscp", "false", "guid", GUID)));
            try (BridgeProcess bridge = BridgeProcess.start(dir, List.of("-c", config.toString(), "-v",
                    "-i", capture.toString(), "--set", "input_interval=250", "--set", "delivery_timeout=20"))) {
                ItTools.waitUntil(() -> sendingLines(bridge) >= 4 * EVENTS, 30);
                bridge.terminate();
                assertEquals(0, bridge.waitFor(30, TimeUnit.SECONDS), "SIGTERM is an orderly stop\n" + bridge);

                int events = sendingLines(bridge);
                int read = events / EVENTS;
                assertEquals(0, events % EVENTS, "a telegram is published whole or not at all: " + events + " events");
                assertTrue(read >= 4 && read < TELEGRAMS, "stopped in the middle of the capture: " + read + " telegrams");
                ItTools.waitUntil(() -> new DeliveryCheck(recorder.snapshot()).distinct >= events, 10);
                DeliveryCheck check = new DeliveryCheck(recorder.snapshot());
                String err = bridge.stderr();
                String counters = err.lines().filter(l -> l.contains("spooled ")).reduce((a, b) -> b).orElse("");
                System.out.println("ShutdownIT: SIGTERM after " + read + " of " + TELEGRAMS + " telegrams; subscriber: "
                        + check + "; bridge: " + counters);
                assertEquals(List.of(), check.missing(read), "every event of every telegram read arrived");
                assertEquals(events, check.distinct, "and nothing of the telegrams not read");
                assertEquals(EVENTS, check.byTopic.size());
                assertEquals(List.of(), check.outOfOrder);
                assertTrue(err.contains("SIGTERM: stopping"), err);
                assertTrue(counters.contains("spooled " + events + ", delivered " + events + ", "), counters);
                assertTrue(counters.contains("waiting 0 "), counters);
                assertFalse(err.contains("they are sent at the next start"), err);
                assertFalse(err.contains("secret"), "the password never appears");
            }
        }
    }

    /** Events the bridge appended (with -v it prints one "Sending…" line per event before spooling it). */
    private static int sendingLines(BridgeProcess bridge) {
        try {
            return (int) bridge.stdout().lines().filter(l -> l.startsWith("Sending")).count();
        } catch (Exception e) {
            return 0;
        }
    }
}
