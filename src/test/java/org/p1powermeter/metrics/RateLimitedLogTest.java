package org.p1powermeter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.SkipReason;
import org.p1powermeter.p1.DropReason;

class RateLimitedLogTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();

    @Test
    void oneLinePerKeyPerIntervalAndTheNextLineSaysHowManyWereHeldBack() {
        RateLimitedLog log = new RateLimitedLog(lines::add, Duration.ofMinutes(1), now::get);
        assertTrue(log.log("CRC_MISMATCH", "crc 1"));
        for (int i = 0; i < 59; i++) {
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            assertFalse(log.log("CRC_MISMATCH", "crc " + i));
        }
        assertTrue(log.log("TRUNCATED", "truncated"), "another key has its own budget");
        assertEquals(59, log.heldBack("CRC_MISMATCH"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertTrue(log.log("CRC_MISMATCH", "crc again"));
        assertEquals(List.of("crc 1", "truncated", "crc again (and 59 more like it since the last such line)"), lines);
        log.log("CRC_MISMATCH", "held");
        log.flush();
        assertEquals("CRC_MISMATCH: 1 more since the last line about it", lines.get(lines.size() - 1));
        log.flush();
        assertEquals(4, lines.size(), "nothing held back: flush writes nothing");
    }

    @Test
    void summaryIsWrittenAtMostOncePerIntervalAndOnlyWhenTroubleChanged() {
        P1Metrics metrics = new P1Metrics();
        SummaryLog summary = new SummaryLog(metrics, lines::add, Duration.ofMinutes(1), now::get);
        metrics.dropped(DropReason.CRC_MISMATCH, 10);
        assertFalse(summary.tick(), "interval not passed");
        now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        assertTrue(summary.tick());
        now.addAndGet(TimeUnit.MINUTES.toNanos(5));
        metrics.increment(P1Metrics.Counter.TELEGRAMS_OK);
        assertFalse(summary.tick(), "only good news: quiet");
        metrics.countSkipped(SkipReason.NOT_A_NUMBER);
        assertTrue(summary.tick());
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("P1 metrics: source STARTING (unhealthy), telegrams ok=1"), lines.get(1));
    }
}
