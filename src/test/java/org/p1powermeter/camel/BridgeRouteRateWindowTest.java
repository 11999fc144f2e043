package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.paho.PahoConstants;
import org.junit.jupiter.api.Test;
import org.p1powermeter.ha.HaOptions;
import org.p1powermeter.ha.HomeAssistantMessages;
import org.p1powermeter.rate.RateWindows;
import org.p1powermeter.testing.MutableClock;

/**
 * The shipped route with [GENERAL] interval = 10 and Home Assistant on, driven by a fake clock: the first telegram
 * goes out at once; the next telegram after a window's end publishes that window (power averaged, VSCP events dated
 * at the window end, the unchanged counters not sent as events); direct:p1-rate-flush (what the app calls at stop)
 * publishes the open window.
 */
class BridgeRouteRateWindowTest extends BridgeRouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:01Z"));

    @Override
    P1Beans beans(P1Beans d) {
        RateWindows windows = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        return new P1Beans(d.telegrams(), d.sendFlags(), d.vscp(), d.console(), d.printer(),
                new RateWindowStage(windows, sentGroups(), d.telegrams().metrics(), clock),
                new HomeAssistantStage(new HomeAssistantMessages(new HaOptions("homeassistant", "p1", 60, true, "test", "")),
                        true, sentGroups()));
    }

    private static List<Exchange> since(MockEndpoint sink, int from) {
        return new ArrayList<>(sink.getExchanges().subList(from, sink.getExchanges().size()));
    }

    private static String topic(Exchange e) {
        return e.getMessage().getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, String.class);
    }

    private static String body(Exchange e) {
        return new String(e.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
    }

    @Test
    void windowsPublishMeansDatedAtTheirEndAndFlushPublishesTheOpenOne() throws Exception {
        MockEndpoint sink = getMockEndpoint("mock:p1spool:p1");
        template.sendBody("direct:telegrams", swedishTelegram());
        int afterFirst = sink.getExchanges().size();
        assertEquals(26, since(sink, 0).stream().filter(e -> topic(e).startsWith("vscp/")).count(),
                "the first telegram goes out at once");

        clock.set(Instant.parse("2026-12-03T10:00:05Z"));
        template.sendBody("direct:telegrams", swedishTelegram());
        assertEquals(afterFirst, sink.getExchanges().size(), "within the window: nothing yet");

        clock.set(Instant.parse("2026-12-03T10:00:12Z"));
        template.sendBody("direct:telegrams", swedishTelegram());
        List<Exchange> window = since(sink, afterFirst);
        List<Exchange> events = window.stream().filter(e -> topic(e).startsWith("vscp/")).toList();
        assertEquals(22, events.size(), "the 22 instantaneous values; the 4 unchanged counters are not sent again");
        for (Exchange e : events) {
            assertEquals("2026-12-03T10:00:10Z", JSON.readTree(body(e)).get("vscpDateTime").asText(), "the window end");
        }
        JsonNode state = JSON.readTree(body(window.stream().filter(e -> topic(e).endsWith("/state")).findFirst().orElseThrow()));
        assertEquals("2026-12-03T10:00:10Z", state.get("time").asText());
        assertEquals(1727, state.get("momentan_active_effect_out").intValue(), "the mean of two equal samples");
        assertEquals(1727, state.get("momentan_active_effect_out_min").intValue());
        assertEquals(1727, state.get("momentan_active_effect_out_max").intValue());
        assertEquals("6678.394", state.get("sum_active_energy_out").decimalValue().toPlainString(), "the counter is in the state");
        assertTrue(window.stream().noneMatch(e -> topic(e).endsWith("/config")), "no new entity, no config");

        int beforeFlush = sink.getExchanges().size();
        clock.set(Instant.parse("2026-12-03T10:00:14Z"));
        template.sendBody("direct:p1-rate-flush", null);
        List<Exchange> flushed = since(sink, beforeFlush);
        assertEquals(1, flushed.stream().filter(e -> topic(e).endsWith("/state")).count(), "the open window at stop");
        assertEquals("2026-12-03T10:00:14Z", JSON.readTree(body(flushed.stream().filter(e -> topic(e).endsWith("/state"))
                .findFirst().orElseThrow())).get("time").asText());
        assertEquals(26, flushed.stream().filter(e -> topic(e).startsWith("vscp/")).count(),
                "at stop the counters go out too");
    }
}
