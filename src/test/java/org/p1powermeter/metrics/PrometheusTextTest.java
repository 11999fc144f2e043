package org.p1powermeter.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.p1powermeter.p1.DropReason;

/** The Prometheus text: p1_* names only, the same counts as the summary, labels escaped (promtool: ObserveIT). */
class PrometheusTextTest {

    @Test
    void everySeriesIsAP1MetricWithTheCountersValue() {
        P1Metrics m = new P1Metrics();
        m.increment(P1Metrics.Counter.TELEGRAMS_OK);
        m.dropped(DropReason.CRC_MISMATCH, 900);
        m.unknownObis("0-0:96.99.9");
        m.sourceState("SILENT", false, "no \"telegram\"");
        PrometheusTextTestSupport.attach(m);
        String text = PrometheusText.of(m);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# HELP p1_") || line.startsWith("# TYPE p1_") || line.startsWith("p1_"), line);
        }
        assertTrue(text.contains("\np1_telegrams_total 1\n"), text);
        assertTrue(text.contains("\np1_framer_drops_total{reason=\"crc_mismatch\"} 1\n"), text);
        assertTrue(text.contains("\np1_framer_dropped_bytes_total{reason=\"crc_mismatch\"} 900\n"), text);
        assertTrue(text.contains("\np1_unknown_obis_lines_total{obis=\"0-0:96.99.9\"} 1\n"), text);
        assertTrue(text.contains("\np1_source_up 0\n"), text);
        assertTrue(text.contains("\np1_events_delivered_total 3068\n"), text);
        assertTrue(text.contains("\np1_events_dropped_total{reason=\"spool_full\"} 26\n"), text);
        assertTrue(text.contains("\np1_spool_waiting_events 22\n"), text);
        assertTrue(text.contains("\np1_broker_up 0\n"), text);
    }

    @Test
    void withoutAnMqttSinkThereAreNoEventSeries() {
        String text = PrometheusText.of(new P1Metrics());
        assertFalse(text.contains("p1_events_"), text);
        assertFalse(text.contains("p1_broker_"), text);
    }

    @Test
    void aFleetBridgeShowsItsMetersPartitionArrivalsAndLagPerPartition() {
        P1Metrics m = new P1Metrics();
        assertFalse(PrometheusText.of(m).contains("p1_fleet_"), "standalone: no fleet series");
        m.attachFleet(new FleetStatus() {
            public int meters() {
                return 333;
            }

            public int partitions() {
                return 4;
            }

            public long partitionArrivals() {
                return 6;
            }

            public long duplicatesSkipped() {
                return 17;
            }

            public Map<Integer, Long> lag() {
                return new TreeMap<>(Map.of(0, 12L, 3, 0L));
            }
        });
        String text = PrometheusText.of(m);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# HELP p1_") || line.startsWith("# TYPE p1_") || line.startsWith("p1_"), line);
        }
        assertTrue(text.contains("\n# TYPE p1_fleet_meters gauge\np1_fleet_meters 333\n"), text);
        assertTrue(text.contains("\np1_fleet_partitions 4\n"), text);
        assertTrue(text.contains("\n# TYPE p1_fleet_partition_assignments_total counter\np1_fleet_partition_assignments_total 6\n"),
                text);
        assertTrue(text.contains("\np1_fleet_duplicates_skipped_total 17\n"), text);
        assertTrue(text.contains("\n# TYPE p1_kafka_consumer_lag gauge\np1_kafka_consumer_lag{partition=\"0\"} 12\n"
                + "p1_kafka_consumer_lag{partition=\"3\"} 0\n"), text);
    }
}
