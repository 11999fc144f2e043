package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * What Home Assistant discovery needs from {@code p1spool:}: a message sent with the header CamelPahoRetained=true is
 * retained by a real Mosquitto (a subscriber that comes later gets it), one without it is not.
 */
class SpoolRetainedIT {

    @TempDir
    Path dir;

    @Test
    void theRetainedHeaderReachesTheBroker() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), null, null)) {
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("p1spool:p1?brokerUrl=" + broker.url() + "&spoolDir=" + dir.resolve("spool")
                            + "&willTopic=p1/status&willPayload=offline");
                }
            });
            context.start();
            var template = context.createProducerTemplate();
            template.sendBodyAndHeaders("direct:in", "online".getBytes(StandardCharsets.UTF_8),
                    Map.of("CamelPahoOverrideTopic", "p1/status", "CamelPahoRetained", true));
            template.sendBodyAndHeaders("direct:in", "not kept".getBytes(StandardCharsets.UTF_8),
                    Map.of("CamelPahoOverrideTopic", "p1/other"));
            P1SpoolComponent component = context.getComponent("p1spool", P1SpoolComponent.class);
            ItTools.waitUntil(() -> component.counters().delivered() == 2, 20);
            try (MqttRecorder later = new MqttRecorder(broker.url(), null, null, "p1/#")) {
                List<MqttRecorder.Received> got = later.await(1, 5, TimeUnit.SECONDS);
                Thread.sleep(500);
                got = later.snapshot();
                assertEquals(1, got.size(), "only the retained message reaches a later subscriber: " + got);
                assertEquals("p1/status", got.get(0).topic());
                assertEquals("online", got.get(0).payload());
            }
            context.stop();
        }
    }
}
