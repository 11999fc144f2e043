package org.p1powermeter.camel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p1powermeter.metrics.OutboxStatus;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.publish.LinkState;

/** The checks as a host's camel-health registry sees them: readiness from the source, broker link and spool. */
class P1HealthChecksTest {

    private final P1Metrics metrics = new P1Metrics();
    private volatile SpoolCounters counters = new SpoolCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    private volatile LinkState link = LinkState.CONNECTING;
    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.setExposureLevel("full"); // every check's result, also the UP ones next to a DOWN one
        registry.register(P1HealthChecks.withMqtt(metrics));
        context.start();
        metrics.attachOutbox(new OutboxStatus() {
            @Override
            public SpoolCounters counters() {
                return counters;
            }

            @Override
            public LinkState link() {
                return link;
            }

            @Override
            public long maxBytes() {
                return 1000;
            }
        });
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private Map<String, HealthCheck.Result> readiness() {
        Map<String, HealthCheck.Result> byId = new TreeMap<>();
        HealthCheckHelper.invokeReadiness(context).forEach(r -> byId.put(r.getCheck().getId(), r));
        return byId;
    }

    @Test
    void allThreeAreDownUntilTelegramsArriveAndTheBrokerIsConnected() {
        metrics.sourceState("OPEN", false, "opened with 115200 8N1, waiting for a telegram");
        Map<String, HealthCheck.Result> results = readiness();
        assertEquals(HealthCheck.State.DOWN, results.get(MeterSourceHealthCheck.ID).getState());
        assertEquals("OPEN: opened with 115200 8N1, waiting for a telegram",
                results.get(MeterSourceHealthCheck.ID).getMessage().orElseThrow());
        assertEquals(HealthCheck.State.DOWN, results.get(BrokerLinkHealthCheck.ID).getState());
        assertEquals(HealthCheck.State.UP, results.get(SpoolHealthCheck.ID).getState());
        assertFalse(HealthCheckHelper.isResultsUp(results.values(), true));

        metrics.sourceState("RECEIVING", true, "telegrams arrive at 115200 8N1");
        link = LinkState.CONNECTED;
        counters = new SpoolCounters(26, 26, 0, 0, 0, 0, 0, 0, 0, 400, 0);
        results = readiness();
        assertTrue(HealthCheckHelper.isResultsUp(results.values(), true), results.toString());
        assertEquals(26L, results.get(BrokerLinkHealthCheck.ID).getDetails().get("delivered"));
    }

    @Test
    void aBrokerOutageAndANearlyFullSpoolAreNotReadyAndSayWhy() {
        metrics.sourceState("RECEIVING", true, "telegrams arrive");
        link = LinkState.BROKER_DOWN;
        counters = new SpoolCounters(2600, 0, 0, 0, 0, 0, 0, 0, 2600, 950, 0);
        Map<String, HealthCheck.Result> results = readiness();
        assertEquals("BROKER_DOWN: 2600 events wait in the spool", results.get(BrokerLinkHealthCheck.ID).getMessage().orElseThrow());
        assertEquals(HealthCheck.State.DOWN, results.get(SpoolHealthCheck.ID).getState());
        assertTrue(results.get(SpoolHealthCheck.ID).getMessage().orElseThrow().startsWith("nearly full: 2600 events waiting, 950 of 1000 bytes (95 %)"));
        assertEquals(HealthCheck.State.UP, results.get(MeterSourceHealthCheck.ID).getState());
    }

    @Test
    void theyAreReadinessChecksOnly() {
        assertTrue(HealthCheckHelper.invokeLiveness(context).stream()
                .noneMatch(r -> r.getCheck().getGroup() != null && r.getCheck().getGroup().equals(P1HealthChecks.GROUP)));
    }
}
