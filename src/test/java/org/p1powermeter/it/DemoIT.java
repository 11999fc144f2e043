package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command: {@code --demo} runs the embedded broker and the simulated meter, prints every event as the
 * broker delivers it back, uses nothing but 127.0.0.1, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM: exit 0,
 * no stack trace, its temporary spool removed.
 */
class DemoIT {

    private static final int EVENTS = 26;
    private static final String RECEIVED = "received ";

    /** One printed event: the topic it was delivered on and its payload. */
    private record Received(String topic, JsonNode event) {
    }

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheDemoCleanly() throws Exception {
        runDemoThenStopWith("INT");
    }

    @Test
    void sigtermStopsTheDemoCleanly() throws Exception {
        runDemoThenStopWith("TERM");
    }

    private void runDemoThenStopWith(String signal) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // env --default-signal=INT: Ctrl-C must reach the JVM even when Maven was started with SIGINT ignored
        try (BridgeProcess demo = BridgeProcess.start(dir.resolve("work"), List.of("env", "--default-signal=INT"),
                List.of("-Djava.io.tmpdir=" + tmp), List.of("--demo"), null)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (demo.isAlive() && receivedLines(demo).size() < 2 * EVENTS && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(demo.isAlive(), () -> "the demo runs until it is stopped\n" + demo);
            assertOnlyLoopback(ProcessSockets.of(demo.pid()));
            assertEquals(1, demoSpools(tmp).size(), "the demo spools in a temporary folder");

            demo.signal(signal);
            int exit = demo.waitFor(30, TimeUnit.SECONDS);
            assertEquals(0, exit, () -> "SIG" + signal + " is an orderly stop\n" + demo);
            String output = demo.stdout() + demo.stderr();
            assertFalse(output.contains("Exception") || output.lines().anyMatch(l -> l.matches("\\s+at \\S+\\(.*")),
                    () -> "no stack trace\n" + demo);
            assertEquals(List.of(), demoSpools(tmp), "the temporary spool is removed at exit");
            assertTrue(demo.stdout().startsWith("Demo: simulated meter"), demo::toString);
            assertOneWholeTelegram(receivedLines(demo));
        }
    }

    /** Every socket of the demo (broker listener, publisher and watcher connections) is on 127.0.0.1 only. */
    private static void assertOnlyLoopback(List<ProcessSockets.Socket> sockets) {
        assertTrue(sockets.stream().anyMatch(ProcessSockets.Socket::listening), "the embedded broker listens: " + sockets);
        assertTrue(sockets.size() >= 3, "broker, publisher and watcher: " + sockets);
        for (ProcessSockets.Socket s : sockets) {
            assertEquals("127.0.0.1", s.local().getHostAddress(), s.toString());
            InetAddress remote = s.remote();
            assertTrue(remote.isAnyLocalAddress() || remote.getHostAddress().equals("127.0.0.1"), s.toString());
        }
    }

    /** The events of one telegram (one vscpDateTime) that arrived whole: 26, each measurement once, VSCP JSON. */
    private static void assertOneWholeTelegram(List<String> lines) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Received>> byTime = new LinkedHashMap<>();
        for (String line : lines) {
            String rest = line.substring(RECEIVED.length());
            int space = rest.indexOf(' ');
            JsonNode event = json.readTree(rest.substring(space + 1));
            Map<String, Received> telegram = byTime.computeIfAbsent(event.get("vscpDateTime").asText(), t -> new LinkedHashMap<>());
            assertNull(telegram.put(event.get("vscpNote").asText(), new Received(rest.substring(0, space), event)),
                    "one event per measurement and telegram: " + line);
        }
        Map.Entry<String, Map<String, Received>> whole = byTime.entrySet().stream()
                .filter(e -> e.getValue().size() == EVENTS).findFirst()
                .orElseThrow(() -> new AssertionError("no telegram with all " + EVENTS + " events: " + lines));
        Instant time = Instant.parse(whole.getKey());
        assertTrue(Duration.between(time, Instant.now()).abs().toMinutes() < 2, "the simulated meter's time is now: " + time);
        String base = null;
        Set<String> topics = new HashSet<>();
        for (Received received : whole.getValue().values()) {
            JsonNode event = received.event();
            SwedishTelegram.Expected x = SwedishTelegram.BY_NOTE.get(event.get("vscpNote").asText());
            assertNotNull(x, "a measurement of the Python script: " + event);
            String guid = event.get("vscpGuid").asText();
            assertTrue(guid.startsWith("FF:FF:FF:FF:FF:FF:FF:FE:"), guid);
            assertEquals(String.format("%02X:%02X", x.sensorIndex() >> 8, x.sensorIndex() & 0xFF), guid.substring(42),
                    "the id in the two low bytes (default id = sensor index): " + guid);
            base = base == null ? guid.substring(0, 41) : base;
            assertEquals(base, guid.substring(0, 41), "one GUID base for all events");
            assertEquals(32864, event.get("vscpHead").asInt());
            assertEquals(1040, event.get("vscpClass").asInt());
            assertEquals(x.type(), event.get("vscpType").asInt(), x.name());
            assertEquals(x.sensorIndex(), event.get("measurement").get("sensorindex").asInt(), x.name());
            assertEquals(x.unit(), event.get("measurement").get("unit").asInt(), x.name());
            String topic = received.topic();
            assertEquals("vscp/" + guid + "/1040/" + x.type(), topic, x.name());
            topics.add(topic);
        }
        assertEquals(EVENTS, topics.size(), "26 topics");
    }

    private static List<Path> demoSpools(Path tmp) throws Exception {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("p1-demo-spool")).toList();
        }
    }

    private static List<String> receivedLines(BridgeProcess demo) {
        try {
            return demo.stdout().lines().filter(l -> l.startsWith(RECEIVED)).toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
