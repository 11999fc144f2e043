package org.p1powermeter.camel.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.spool.DiskSpool;
import org.p1powermeter.spool.SpoolLimits;
import org.p1powermeter.spool.SpoolRecord;

/** {@code p1spool:} appends each message to the spool bean, with the Paho headers' topic, QoS and retained flag. */
class P1SpoolComponentTest extends CamelTestSupport {

    @TempDir
    static Path dir;
    private DiskSpool spool;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        spool = DiskSpool.open(dir.resolve("spool-" + System.nanoTime()), SpoolLimits.of(1 << 20, Duration.ofHours(1)),
                Clock.systemUTC());
        context.getRegistry().bind("theSpool", spool);
        return context;
    }

    @AfterEach
    void closeSpool() throws Exception {
        spool.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("p1spool:fallback/topic?qos=0");
            }
        };
    }

    @Test
    void appendsBodyTopicQosAndRetainedFromTheHeaders() throws Exception {
        template.sendBodyAndHeaders("direct:in", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Map.of(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, "vscp/x/1040/13", PahoConstants.CAMEL_PAHO_MSG_QOS, 1,
                        PahoConstants.CAMEL_PAHO_MSG_RETAINED, true));
        template.sendBody("direct:in", "plain");
        List<SpoolRecord> records = spool.read(10);
        assertEquals(2, records.size());
        SpoolRecord first = records.get(0);
        assertEquals("vscp/x/1040/13", first.topic());
        assertEquals(1, first.qos());
        assertTrue(first.retained());
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), first.payload());
        SpoolRecord second = records.get(1);
        assertEquals("fallback/topic", second.topic(), "no header: the path is the topic");
        assertEquals(0, second.qos(), "the endpoint's qos");
        assertEquals("plain", new String(second.payload(), StandardCharsets.UTF_8));
        assertEquals(2, spool.counters().appended());
        assertEquals(2, spool.lastSequence());
    }
}
