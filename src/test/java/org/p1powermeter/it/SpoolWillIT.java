package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.camel.spool.P1SpoolComponent;

/**
 * The will a Home Assistant status topic needs: a JVM with a {@code p1spool:} endpoint configured with
 * {@code willTopic=p1/status&willPayload=offline} publishes a retained {@code online} there, then is killed with
 * kill -9; a real Mosquitto publishes the will, so a subscriber that comes later reads a retained {@code offline}.
 */
class SpoolWillIT {

    @TempDir
    Path dir;

    @Test
    void aKilledBridgeLeavesItsRetainedWill() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), null, null)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SpoolWillIT.class.getName(),
                    broker.url(), dir.resolve("spool").toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("online published", out.readLine());
            }
            try (MqttRecorder before = new MqttRecorder(broker.url(), null, null, "p1/status")) {
                assertEquals("online", before.await(1, 10, TimeUnit.SECONDS).get(0).payload(), "retained while it runs");
            }
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no MQTT DISCONNECT
            Thread.sleep(1000);
            try (MqttRecorder after = new MqttRecorder(broker.url(), null, null, "p1/status")) {
                List<MqttRecorder.Received> got = after.await(1, 10, TimeUnit.SECONDS);
                assertEquals("offline", got.get(0).payload(), "the broker published the retained will: " + got);
            }
        }
    }

    /** The child: one retained "online" through p1spool: with a will, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("p1spool:p1?brokerUrl=" + args[0] + "&spoolDir=" + args[1]
                        + "&willTopic=p1/status&willPayload=offline&willRetained=true&keepAliveInterval=5");
            }
        });
        context.start();
        context.createProducerTemplate().sendBodyAndHeaders("direct:in", "online".getBytes(StandardCharsets.UTF_8),
                Map.of("CamelPahoOverrideTopic", "p1/status", "CamelPahoRetained", true));
        P1SpoolComponent component = context.getComponent("p1spool", P1SpoolComponent.class);
        while (component.counters().delivered() < 1) {
            Thread.sleep(20);
        }
        System.out.println("online published");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
