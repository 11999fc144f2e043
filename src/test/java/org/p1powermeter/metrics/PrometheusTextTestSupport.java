package org.p1powermeter.metrics;

import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.publish.LinkState;

/** A fixed MQTT sink for the metrics tests: 3,068 delivered, 26 dropped (full), 4 (too old), 22 waiting, broker down. */
final class PrometheusTextTestSupport {

    private PrometheusTextTestSupport() {
    }

    static void attach(P1Metrics m) {
        P1MetricsTest.FakeOutbox outbox = new P1MetricsTest.FakeOutbox();
        outbox.counters = new SpoolCounters(3120, 3068, 0, 0, 26, 4, 0, 0, 22, 40_000, 0);
        outbox.link = LinkState.BROKER_DOWN;
        m.attachOutbox(outbox);
    }
}
