package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar watched as an operator would: {@code [HTTP] port} on 127.0.0.1, the health endpoints answering
 * 200/503 as the source and the broker come and go, {@code /observe/metrics} accepted by a real
 * {@code promtool check metrics}, and the counters there and in the last summary line equal to what a real
 * Mosquitto subscriber received.
 */
class ObserveIT {

    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";
    private static final int TELEGRAMS = 5;

    @TempDir
    Path dir;
    private Mosquitto broker;
    private SocatPty pty;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        ItTools.requireTool("promtool");
        broker = Mosquitto.start(dir.resolve("broker"), null, null);
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
    void healthMetricsAndTheSummaryTellTheTruthThroughTheRealJar() throws Exception {
        int httpPort = ItTools.freeLoopbackPort();
        String base = "http://127.0.0.1:" + httpPort;
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), null, null, "vscp/#");
                BridgeProcess bridge = BridgeProcess.start(dir, List.of("-v", "--set", "serial_port=" + pty.appSide(),
                        "--set", "port=" + broker.port(), "--set", "guid=" + GUID, "--set", "http.port=" + httpPort))) {
            ItTools.waitUntil(() -> status(base + "/observe/health/live") == 200, 60);
            assertEquals(200, status(base + "/observe/health/live"), bridge::toString);
            assertEquals(503, status(base + "/observe/health/ready"), "no telegram yet: not ready");
            JsonNode waiting = json(base + "/observe/health/ready");
            assertEquals("DOWN", check(waiting, "p1-meter-source").path("status").asText(), waiting::toPrettyString);

            for (int i = 0; i < TELEGRAMS; i++) {
                pty.send(SwedishTelegram.bytes());
                Thread.sleep(200);
            }
            recorder.await(TELEGRAMS * 26, 30, TimeUnit.SECONDS);
            ItTools.waitUntil(() -> status(base + "/observe/health/ready") == 200, 20);
            String health = body(base + "/observe/health");
            assertEquals(200, status(base + "/observe/health/ready"), health);

            String metrics = body(base + "/observe/metrics");
            promtoolAccepts(metrics);
            int received = recorder.snapshot().size();
            assertEquals(TELEGRAMS * 26, received);
            assertEquals(TELEGRAMS, sample(metrics, "p1_telegrams_total"));
            assertEquals(received, sample(metrics, "p1_events_delivered_total"), metrics);
            assertEquals(0, sample(metrics, "p1_events_dropped_total{reason=\"spool_full\"}"));
            assertEquals(1, sample(metrics, "p1_source_up"));
            assertEquals(1, sample(metrics, "p1_broker_up"));

            broker.stop();
            ItTools.waitUntil(() -> status(base + "/observe/health/ready") == 503, 20);
            JsonNode down = json(base + "/observe/health/ready");
            assertEquals(503, status(base + "/observe/health/ready"), down::toPrettyString);
            assertEquals("DOWN", check(down, "p1-broker-link").path("status").asText(), down::toPrettyString);
            assertEquals(200, status(base + "/observe/health/live"), "a broker outage is no reason to restart");
            assertEquals(0, sample(body(base + "/observe/metrics"), "p1_broker_up"));
            assertEquals(404, status(base + "/nothing-here"));

            bridge.terminate();
            assertEquals(0, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            String last = lastSummary(bridge.stderr());
            assertTrue(last.contains("events delivered=" + received + ", dropped=0, waiting=0"), last);
            assertTrue(last.contains("telegrams ok=" + TELEGRAMS), last);
        }
    }

    private static void promtoolAccepts(String metrics) throws Exception {
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(metrics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String said = new String(promtool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, promtool.exitValue(), "promtool check metrics: " + said + "\n" + metrics);
        assertEquals("", said.trim(), "promtool's lint findings");
    }

    private static long sample(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\d+)$").matcher(metrics);
        assertTrue(m.find(), series + " not in\n" + metrics);
        return Long.parseLong(m.group(1));
    }

    private static String lastSummary(String stderr) {
        String last = null;
        for (String line : stderr.split("\n")) {
            if (line.contains("P1 metrics: ")) {
                last = line;
            }
        }
        assertTrue(last != null, "no summary line in\n" + stderr);
        return last;
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health.toPrettyString());
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String body(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode json(String url) throws Exception {
        return new ObjectMapper().readTree(body(url));
    }
}
