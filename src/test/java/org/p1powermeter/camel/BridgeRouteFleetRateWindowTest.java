package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.p1powermeter.camel.fleet.FleetConstants;
import org.p1powermeter.rate.RateWindows;
import org.p1powermeter.testing.MutableClock;
import org.p1powermeter.vscp.MeterGuid;
import org.p1powermeter.vscp.VscpJson;

/**
 * Bridge mode ({@code guidPerMeter}) with [GENERAL] interval = 10, driven by a fake clock: windows closed by the timer
 * route and by direct:p1-rate-flush are published one meter per exchange, each under its own meter's GUID (never the
 * fallback GUID); a telegram marked {@code CamelP1MeterFirst} (after a partition move) publishes at once.
 */
class BridgeRouteFleetRateWindowTest extends BridgeRouteTestSupport {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:01Z"));

    @Override
    boolean guidPerMeter() {
        return true;
    }

    @Override
    P1Beans beans(P1Beans d) {
        RateWindows windows = new RateWindows(Duration.ofSeconds(10), Duration.ofSeconds(30));
        return new P1Beans(d.telegrams(), d.sendFlags(), d.vscp(), d.console(), d.printer(),
                new RateWindowStage(windows, sentGroups(), d.telegrams().metrics(), clock), HomeAssistantStage.off());
    }

    private void telegram(String meter, boolean first) {
        template.send("direct:telegrams", e -> {
            e.getMessage().setBody(swedishTelegram());
            e.getMessage().setHeader(P1Constants.METER_ID, meter); // as the Kafka reader sets it from the record key
            e.getMessage().setHeader(FleetConstants.METER_FIRST, first);
        });
    }

    private static Map<String, Integer> perGuid(MockEndpoint sink, int from) {
        Map<String, Integer> out = new TreeMap<>();
        for (Exchange e : sink.getExchanges().subList(from, sink.getExchanges().size())) {
            out.merge(VscpJson.fromJson(e.getMessage().getBody(String.class)).guid().toString().substring(0, 41), 1,
                    Integer::sum);
        }
        return out;
    }

    private static String guid(String meter) {
        return MeterGuid.of(meter).toString().substring(0, 41);
    }

    @Test
    void timerAndFlushPublishEachMetersWindowUnderItsOwnGuid() throws Exception {
        MockEndpoint sink = getMockEndpoint("mock:p1spool:p1");
        sink.expectedMessageCount(52 + 44); // the first telegrams and the two windows the timer closes
        telegram("meter-a", true);
        telegram("meter-b", true);
        assertEquals(Map.of(guid("meter-a"), 26, guid("meter-b"), 26), perGuid(sink, 0), "first telegrams at once");

        clock.set(Instant.parse("2026-12-03T10:00:05Z"));
        telegram("meter-a", false);
        telegram("meter-b", false);
        assertEquals(52, sink.getExchanges().size(), "within the window: nothing yet");

        clock.set(Instant.parse("2026-12-03T10:00:10Z"));
        context.getRouteController().startRoute("p1-rate-tick"); // the 1-second timer closes both windows
        sink.assertIsSatisfied();
        // the timer keeps ticking: the clock stays before the next windows' end (10:00:20), so it closes nothing more
        assertEquals(Map.of(guid("meter-a"), 22, guid("meter-b"), 22), perGuid(sink, 52),
                "each window under its meter's GUID: the 22 instantaneous values, unchanged counters not again");

        int beforeMove = sink.getExchanges().size();
        clock.set(Instant.parse("2026-12-03T10:00:12Z"));
        telegram("meter-a", false);
        assertEquals(beforeMove, sink.getExchanges().size(), "gathered in the window");
        clock.set(Instant.parse("2026-12-03T10:00:13Z"));
        telegram("meter-a", true); // meter-a's partition moved back here
        assertEquals(Map.of(guid("meter-a"), 22 + 26), perGuid(sink, beforeMove),
                "its open window, then the first telegram after the move at once");

        int beforeFlush = sink.getExchanges().size();
        clock.set(Instant.parse("2026-12-03T10:00:14Z"));
        telegram("meter-b", false);
        template.sendBody("direct:p1-rate-flush", null);
        assertEquals(Map.of(guid("meter-a"), 26, guid("meter-b"), 26), perGuid(sink, beforeFlush),
                "the open windows at stop (every value), each under its meter's GUID");
    }
}
