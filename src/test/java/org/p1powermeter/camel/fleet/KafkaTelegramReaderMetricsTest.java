package org.p1powermeter.camel.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.p1powermeter.fleet.MeterLedger;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.PrometheusText;

/** The bridge's reader attaches its ledger to the bound P1Metrics when it starts: /observe/metrics shows the fleet. */
class KafkaTelegramReaderMetricsTest {

    @Test
    void theReaderAttachesItsLedgerToTheBoundMetrics() throws Exception {
        P1Metrics metrics = new P1Metrics();
        MeterLedger ledger = new MeterLedger();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("p1Metrics", metrics);
            KafkaTelegramReader reader = new KafkaTelegramReader(ledger, "p1.telegrams");
            reader.setCamelContext(context);
            reader.start();
            ledger.admit(0, 10, "meter-a");
            ledger.processed(0, 10);
            ledger.admit(1, 4, "meter-b");
            ledger.processed(1, 4);
            ledger.admit(1, 4, "meter-b"); // redelivered
            String text = PrometheusText.of(metrics);
            assertTrue(text.contains("\np1_fleet_meters 2\n"), text);
            assertTrue(text.contains("\np1_fleet_partitions 2\n"), text);
            assertTrue(text.contains("\np1_fleet_partition_assignments_total 2\n"), text);
            assertTrue(text.contains("\np1_fleet_duplicates_skipped_total 1\n"), text);
            assertTrue(text.contains("# TYPE p1_kafka_consumer_lag gauge\n"), "no consumer here: no lag series yet");
            reader.stop();
        }
    }
}
