package org.p1powermeter.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
