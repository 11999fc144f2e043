package org.p1powermeter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The periodic summary line: written every interval whatever happened; zero writes nothing. */
class PeriodicSummaryTest {

    @Test
    void writesTheSummaryEveryIntervalUntilClosed() throws Exception {
        P1Metrics metrics = new P1Metrics();
        metrics.increment(P1Metrics.Counter.TELEGRAMS_OK);
        List<String> lines = new CopyOnWriteArrayList<>();
        try (PeriodicSummary summary = PeriodicSummary.start(metrics, Duration.ofMillis(50), lines::add)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lines.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertTrue(lines.size() >= 2, lines.toString());
        assertEquals("P1 metrics: source STARTING (unhealthy), telegrams ok=1", lines.get(0));
        int written = lines.size();
        Thread.sleep(200);
        assertEquals(written, lines.size(), "nothing after close");
    }

    @Test
    void aZeroIntervalIsOff() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (PeriodicSummary summary = PeriodicSummary.start(new P1Metrics(), Duration.ZERO, lines::add)) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), lines);
    }
}
