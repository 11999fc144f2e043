package org.p1powermeter.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring Boot application as a host runs it: the shipped route loaded from p1-power-meter's library jar reads a
 * capture file of {@value #TELEGRAMS} telegrams and publishes through {@code p1spool:} into a real Mosquitto on
 * 127.0.0.1; a subscriber receives every event (26 per telegram, the Python script's measurements).
 */
@SpringBootTest
class P1SpringBootIT {

    @Autowired
    private CamelContext camel;

    private static final int TELEGRAMS = 3;
    private static Path dir;
    private static Process mosquitto;
    private static int port;
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static MqttClient subscriber;

    @BeforeAll
    static void startBroker() throws Exception {
        boolean required = Boolean.getBoolean("p1.it.required") || "true".equalsIgnoreCase(System.getenv("CI"));
        boolean found = new ProcessBuilder("sh", "-c", "command -v mosquitto").start().waitFor() == 0;
        if (!found && required) {
            fail("mosquitto is not installed (CI must install it)");
        }
        assumeTrue(found, "mosquitto is not installed: skipping");
        dir = Files.createTempDirectory("p1-spring-boot-it");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + ("root".equals(System.getProperty("user.name")) ? "user root\n" : ""));
        mosquitto = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        subscriber = new MqttClient("tcp://127.0.0.1:" + port, "p1-spring-boot-it", new MemoryPersistence());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!subscriber.isConnected()) {
            try {
                MqttConnectOptions options = new MqttConnectOptions();
                options.setCleanSession(true);
                subscriber.connect(options);
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
        subscriber.subscribe("vscp/#", 1, (topic, message) -> received.add(topic));
        byte[] telegram;
        try (InputStream in = P1SpringBootIT.class.getResourceAsStream("/demo/sweden-ellevio.telegram")) {
            telegram = in.readAllBytes(); // the telegram p1-power-meter's jar ships for its demo
        }
        Path capture = dir.resolve("capture.txt");
        for (int i = 0; i < TELEGRAMS; i++) {
            Files.write(capture, telegram, i == 0 ? new java.nio.file.OpenOption[0]
                    : new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.APPEND});
        }
    }

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        registry.add("p1.example.capture", () -> dir.resolve("capture.txt").toString());
        registry.add("p1.example.broker-url", () -> "tcp://127.0.0.1:" + port);
        registry.add("p1.example.spool-dir", () -> dir.resolve("spool").toString());
        registry.add("camel.main.run-controller", () -> "false");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (subscriber != null && subscriber.isConnected()) {
            subscriber.disconnect();
        }
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theShippedRoutePublishesEveryMeasurementOfTheCaptureThroughTheSpool() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.size() < TELEGRAMS * 26 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // nothing more may come
        assertEquals(TELEGRAMS * 26, received.size(), "events received: " + received.size());
        assertTrue(received.contains("vscp/FF:FF:FF:FF:FF:FF:FF:FE:00:00:00:00:00:00:00:01/1040/13"), received.toString());

        // the bridge's health check is in the host's registry: the capture was read to its end, so the source is closed
        HealthCheck.Result source = HealthCheckHelper.invoke(camel).stream()
                .filter(r -> r.getCheck().getId().equals("p1-meter-source")).findFirst().orElseThrow();
        assertEquals(HealthCheck.State.DOWN, source.getState());
        assertTrue(source.getMessage().orElse("").startsWith("CLOSED: end of input"), source.getMessage().toString());
        assertEquals(TELEGRAMS, ((Number) source.getDetails().get("telegrams")).intValue());
    }
}
