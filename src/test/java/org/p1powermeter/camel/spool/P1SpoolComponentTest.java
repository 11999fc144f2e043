package org.p1powermeter.camel.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.spool.DiskSpool;
import org.p1powermeter.spool.SpoolRecord;
import org.p1powermeter.spool.WhenFull;

/**
 * {@code p1spool:} from its URI alone (no bean bound): the endpoint opens its own spool when its producer starts,
 * appends each message with the Paho headers' topic, QoS and retained flag, one block per split, and closes the
 * spool when the context stops (nobody listens on the broker port here, so everything stays spooled).
 */
class P1SpoolComponentTest extends CamelTestSupport {

    @TempDir
    static Path dir;
    private static final int DEAD_PORT = freePort();
    private Path spoolDir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        spoolDir = dir.resolve("spool-" + System.nanoTime());
        return super.createCamelContext();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri("qos=0&willTopic=p1/status&willPayload=gone&maxInflight=50"));
                from("direct:split").split(body()).to(uri("qos=0&willTopic=p1/status&willPayload=gone&maxInflight=50"));
            }
        };
    }

    private String uri(String options) {
        return "p1spool:fallback/topic?brokerUrl=tcp://127.0.0.1:" + DEAD_PORT + "&spoolDir=" + spoolDir
                + "&deliveryTimeout=0&maxSize=1048576&" + options;
    }

    private P1SpoolEndpoint endpoint() {
        return context.getEndpoint(uri("qos=0&willTopic=p1/status&willPayload=gone&maxInflight=50"), P1SpoolEndpoint.class);
    }

    @Test
    void appendsBodyTopicQosAndRetainedFromTheHeaders() throws Exception {
        template.sendBodyAndHeaders("direct:in", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Map.of(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, "vscp/x/1040/13", PahoConstants.CAMEL_PAHO_MSG_QOS, 1,
                        PahoConstants.CAMEL_PAHO_MSG_RETAINED, true));
        template.sendBody("direct:in", "plain");
        DiskSpool spool = endpoint().spool();
        List<SpoolRecord> records = spool.read(10);
        assertEquals(2, records.size());
        SpoolRecord first = records.get(0);
        assertEquals("vscp/x/1040/13", first.topic());
        assertEquals(1, first.qos());
        assertTrue(first.retained(), "CamelPahoRetained is honoured");
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), first.payload());
        SpoolRecord second = records.get(1);
        assertEquals("fallback/topic", second.topic(), "no header: the name is the topic");
        assertEquals(0, second.qos(), "the endpoint's qos");
        assertFalse(second.retained());
        assertEquals("plain", new String(second.payload(), StandardCharsets.UTF_8));
        assertEquals(2, context.getComponent("p1spool", P1SpoolComponent.class).counters().appended(),
                "the component's counters are the spool's");
    }

    @Test
    void theEndpointOwnsItsSpoolAndClosesItWhenTheContextStops() throws Exception {
        template.sendBody("direct:split", List.of("a", "b", "c"));
        assertTrue(Files.exists(spoolDir.resolve("lock")), "opened from the URI alone");
        P1SpoolEndpoint endpoint = endpoint();
        assertEquals(WhenFull.DROP_OLDEST, endpoint.getConfiguration().getWhenFull(), "the default: a live meter");
        context.stop();
        assertEquals(3, endpoint.counters().depth(), "kept for the next start: " + endpoint.counters());
        try (DiskSpool reopened = DiskSpool.open(spoolDir, endpoint.getConfiguration().spoolLimits(), java.time.Clock.systemUTC())) {
            assertEquals(List.of("a", "b", "c"), reopened.read(10).stream()
                    .map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList(), "one block, in order");
        }
    }

    @Test
    void connectOptionsComeFromOnePlaceWithTheWill() {
        MqttConnectOptions o = endpoint().getConfiguration().connectOptions();
        assertEquals(50, o.getMaxInflight());
        assertFalse(o.isAutomaticReconnect(), "the publisher reconnects itself");
        assertEquals("p1/status", o.getWillDestination());
        assertEquals("gone", new String(o.getWillMessage().getPayload(), StandardCharsets.UTF_8));
        assertTrue(o.getWillMessage().isRetained(), "a will is retained by default");
        assertEquals(1, o.getWillMessage().getQos());
    }

    @Test
    void anExchangeGetsItsSpoolSequence() {
        Exchange e = template.send("direct:in", x -> x.getMessage().setBody("x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1L, e.getMessage().getHeader(P1SpoolProducer.SPOOL_SEQUENCE));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
