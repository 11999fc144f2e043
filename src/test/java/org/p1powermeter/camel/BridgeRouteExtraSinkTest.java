package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * The README's worked example: the shipped example route routes/examples/file-sink.camel.yaml, named in the sinks,
 * receives every event beside MQTT, without a change to the main route.
 */
class BridgeRouteExtraSinkTest extends BridgeRouteTestSupport {

    @Override
    String sinks() {
        return "direct:mqtt,direct:file-sink";
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveResource(context, "file:routes/examples/file-sink.camel.yaml"));
        return context;
    }

    @Test
    void everyEventReachesMqttAndTheFile() throws Exception {
        Path file = Path.of("events", "events.jsonl");
        Files.deleteIfExists(file);
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(26);
        template.sendBody("direct:telegrams", swedishTelegram());
        mqtt.assertIsSatisfied();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (lines.size() >= 26) {
                break;
            }
            Thread.sleep(20);
        }
        assertEquals(26, lines.size(), "one line per event");
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            assertEquals(1040, json.readTree(line).get("vscpClass").asInt(), line);
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
    }
}
