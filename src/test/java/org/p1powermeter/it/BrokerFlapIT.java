package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.camel.spool.P1SpoolComponent;

/**
 * Publishing resumes within 5 s of the broker coming back, also when it flaps: a real Mosquitto stopped and started
 * four times (outages of 1 to 4 s) while a {@code p1spool:} endpoint, from its URI alone, takes a 26-event telegram
 * every 200 ms. After each start a new subscriber measures the time to the first message; at the end every event
 * arrived (at-least-once: duplicates allowed, none lost).
 */
class BrokerFlapIT {

    private static final int EVENTS = 26;

    @TempDir
    Path dir;

    @Test
    void publishingResumesWithinFiveSecondsOfEachRestart() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), null, null)) {
            CamelContext context = new DefaultCamelContext();
            String uri = "p1spool:p1?brokerUrl=" + broker.url() + "&spoolDir=" + dir.resolve("spool") + "&qos=1&deliveryTimeout=20000";
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            AtomicBoolean running = new AtomicBoolean(true);
            long[] sent = {0};
            Thread meter = new Thread(() -> {
                try {
                    while (running.get()) {
                        long t = sent[0] + 1;
                        List<String> events = new ArrayList<>();
                        for (int i = 0; i < EVENTS; i++) {
                            events.add(t + "/" + i);
                        }
                        context.createFluentProducerTemplate().withBody(events).to("direct:telegram").send();
                        sent[0] = t;
                        Thread.sleep(200);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "it-meter");
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:telegram").split(body())
                            .process(e -> e.getMessage().setBody(e.getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8)))
                            .setHeader("CamelPahoOverrideTopic", simple("flap/${exchangeProperty.CamelSplitIndex}"))
                            .to(uri);
                }
            });
            Set<String> got = new HashSet<>();
            List<Long> resumeMillis = new ArrayList<>();
            try (MqttRecorder first = new MqttRecorder(broker.url(), null, null, "flap/#")) {
                meter.start();
                first.await(EVENTS, 20, java.util.concurrent.TimeUnit.SECONDS);
                first.snapshot().forEach(r -> got.add(r.payload()));
            }
            int[] outageMillis = {1000, 4000, 1500, 3000};
            for (int outage : outageMillis) {
                broker.stop();
                Thread.sleep(outage);
                broker.start();
                long startedAt = System.nanoTime();
                try (MqttRecorder after = new MqttRecorder(broker.url(), null, null, "flap/#")) {
                    ItTools.waitUntil(() -> !after.snapshot().isEmpty(), 30);
                    resumeMillis.add((System.nanoTime() - startedAt) / 1_000_000);
                    Thread.sleep(1500);
                    after.snapshot().forEach(r -> got.add(r.payload()));
                }
            }
            running.set(false);
            meter.join(5000);
            try (MqttRecorder last = new MqttRecorder(broker.url(), null, null, "flap/#")) {
                P1SpoolComponent component = context.getComponent("p1spool", P1SpoolComponent.class);
                ItTools.waitUntil(() -> component.counters().depth() == 0, 30);
                context.stop();
                System.out.println("BrokerFlapIT: resume after each start (ms) " + resumeMillis + "; " + sent[0]
                        + " telegrams; " + component.counters());
                assertEquals(0, component.counters().dropped(), component.counters().toString());
                assertEquals(sent[0] * EVENTS, component.counters().delivered(), "every event acknowledged by the broker");
            }
            for (long ms : resumeMillis) {
                assertTrue(ms <= 5000, "publishing resumed " + ms + " ms after the broker came back: " + resumeMillis);
            }
            assertTrue(got.size() > 0);
        }
    }
}
