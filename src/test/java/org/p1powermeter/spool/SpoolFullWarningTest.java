package org.p1powermeter.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.testing.MutableClock;

/**
 * "When full, the oldest are dropped first and counted with a warning": the warning is logged (slf4j-simple writes
 * to System.err, read at each line, so the test captures it) and its figures are the spool's own counters.
 */
class SpoolFullWarningTest {

    private static final Pattern WARNING = Pattern.compile(
            "WARN .*Spool (\\S+) is full \\((\\d+) bytes\\): dropped the (\\d+) oldest undelivered events, whole telegrams \\((\\d+) so far\\)");

    @TempDir
    Path dir;

    @Test
    void droppingTheOldestForSpaceIsLoggedAsAWarningAndCounted() throws Exception {
        SpoolLimits small = new SpoolLimits(8192, Duration.ofDays(1), 2048);
        SpoolCounters counters;
        String log;
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (DiskSpool spool = DiskSpool.open(dir, small, new MutableClock())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                for (int i = 1; i <= 2000; i++) {
                    spool.append("vscp/t", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1, false);
                }
            } finally {
                System.setErr(stderr);
            }
            counters = spool.counters();
            log = captured.toString(StandardCharsets.UTF_8);
        }
        List<Matcher> warnings = log.lines().map(WARNING::matcher).filter(Matcher::find).toList();
        assertTrue(counters.droppedFull() > 0, counters.toString());
        assertTrue(warnings.size() >= 2, "a warning per dropped segment:\n" + log);
        long sum = 0;
        for (Matcher w : warnings) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), w.group(1));
            assertEquals("8192", w.group(2));
            sum += Long.parseLong(w.group(3));
            assertEquals(sum, Long.parseLong(w.group(4)), "the running total");
        }
        assertEquals(counters.droppedFull(), sum, "the warnings add up to the counter");
        assertEquals(2000, counters.droppedFull() + counters.depth(), "every event is waiting or counted as dropped");
        assertEquals(warnings.size(), log.lines().filter(l -> l.contains("is full")).count(), "no other line:\n" + log);
    }
}
