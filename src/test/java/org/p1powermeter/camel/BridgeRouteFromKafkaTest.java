package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.p1powermeter.camel.fleet.FleetConstants;
import org.p1powermeter.camel.fleet.KafkaTelegramReader;
import org.p1powermeter.fleet.MeterLedger;
import org.p1powermeter.vscp.MeterGuid;
import org.p1powermeter.vscp.VscpJson;

/**
 * Bridge mode's stages in front of the shipped route, as the Kafka consumer feeds them (the record's headers and the
 * telegram bytes as ingest wrote them): every event of a meter carries that meter's GUID, a record this instance
 * processed before is skipped and counted, and the meter's first telegram is marked.
 */
class BridgeRouteFromKafkaTest extends BridgeRouteTestSupport {

    private final MeterLedger ledger = new MeterLedger();
    private final Map<Long, Boolean> firstByOffset = new HashMap<>();

    @Override
    boolean guidPerMeter() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:kafka").process(new KafkaTelegramReader(ledger, "p1.telegrams"))
                        .process(e -> firstByOffset.put(e.getMessage().getHeader(KafkaConstants.OFFSET, Long.class),
                                e.getMessage().getHeader(FleetConstants.METER_FIRST, Boolean.class)))
                        .to("direct:telegrams");
            }
        };
    }

    private void record(String key, long offset, byte[] telegram) {
        template.send("direct:kafka", e -> {
            e.getMessage().setBody(telegram);
            e.getMessage().setHeader(KafkaConstants.KEY, key);
            e.getMessage().setHeader(KafkaConstants.PARTITION, 4);
            e.getMessage().setHeader(KafkaConstants.OFFSET, offset);
            e.getMessage().setHeader(FleetConstants.RECORD_SOURCE, "dongle-7".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void eachMetersEventsCarryItsGuidAndARecordProcessedBeforeIsSkipped() throws Exception {
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(52);
        byte[] telegram = swedishTelegram().bytes(); // names no meter: the record key is its id
        record("meter-a", 10, telegram);
        record("meter-b", 11, telegram);
        record("meter-a", 10, telegram); // redelivered: already in the spool
        record("meter-a", 12, telegram);
        mqtt.expectedMessageCount(78);
        mqtt.assertIsSatisfied();
        Map<String, Integer> perGuid = new HashMap<>();
        Set<String> sources = new HashSet<>();
        for (Exchange e : mqtt.getExchanges()) {
            String guid = VscpJson.fromJson(e.getMessage().getBody(String.class)).guid().toString();
            perGuid.merge(guid.substring(0, 41), 1, Integer::sum);
            sources.add(e.getMessage().getHeader(P1Constants.SOURCE, String.class));
        }
        assertEquals(Map.of(MeterGuid.of("meter-a").toString().substring(0, 41), 52,
                MeterGuid.of("meter-b").toString().substring(0, 41), 26), perGuid);
        assertEquals(Set.of("dongle-7"), sources, "the source the ingest instance named");
        assertEquals(1, ledger.duplicates());
        assertEquals(Map.of(10L, true, 11L, true, 12L, false), firstByOffset);
        assertTrue(ledger.summary().contains("2 meters"), ledger.summary());
    }
}
