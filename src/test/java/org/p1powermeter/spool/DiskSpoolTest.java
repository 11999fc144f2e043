package org.p1powermeter.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.testing.MutableClock;

class DiskSpoolTest {

    private static final SpoolLimits ROOMY = new SpoolLimits(64L << 20, Duration.ofDays(7), 1 << 20);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock();

    private DiskSpool open(SpoolLimits limits) throws IOException {
        return DiskSpool.open(dir, limits, clock);
    }

    private static byte[] payload(long i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Long> numbers(List<SpoolRecord> records) {
        List<Long> out = new ArrayList<>();
        records.forEach(r -> out.add(Long.parseLong(new String(r.payload(), StandardCharsets.UTF_8).replaceAll("\\D", ""))));
        return out;
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void readsWhatWasAppendedInOrderWithItsFields() throws Exception {
        try (DiskSpool spool = open(ROOMY)) {
            assertEquals(1, spool.append("a/b", payload(1), 1, false));
            assertEquals(2, spool.append("vscp/FF:FF/1040/13", payload(2), 0, true));
            List<SpoolRecord> got = spool.read(10);
            assertEquals(2, got.size());
            assertEquals("a/b", got.get(0).topic());
            assertEquals(1, got.get(0).qos());
            assertEquals("vscp/FF:FF/1040/13", got.get(1).topic());
            assertEquals(0, got.get(1).qos());
            assertTrue(got.get(1).retained());
            assertArrayEquals(payload(2), got.get(1).payload());
            assertTrue(spool.read(10).isEmpty(), "nothing more to read");
        }
    }

    @Test
    void undeliveredRecordsSurviveARestartAndDeliveredOnesDoNotComeBack() throws Exception {
        try (DiskSpool spool = open(ROOMY)) {
            for (int i = 1; i <= 100; i++) {
                spool.append("t", payload(i), 1, false);
            }
            spool.read(60);
            spool.acknowledge(40);
        }
        try (DiskSpool spool = open(ROOMY)) {
            assertEquals(60, spool.counters().recovered());
            assertEquals(range(41, 100), numbers(spool.read(1000)));
            assertEquals(101, spool.append("t", payload(101), 1, false), "sequences go on after a restart");
            spool.acknowledge(101);
        }
        try (DiskSpool spool = open(ROOMY)) {
            assertEquals(0, spool.counters().depth());
            assertTrue(spool.read(10).isEmpty());
            assertEquals(102, spool.append("t", payload(102), 1, false));
        }
    }

    @Test
    void rewindReadsAgainFromTheFirstUnacknowledgedAndCountsTheResent() throws Exception {
        try (DiskSpool spool = open(new SpoolLimits(1 << 20, Duration.ofDays(1), 4096))) {
            for (int i = 1; i <= 500; i++) {
                spool.append("t", payload(i), 1, false);
            }
            assertEquals(range(1, 300), numbers(spool.read(300)));
            spool.acknowledge(120);
            spool.rewind();
            assertEquals(range(121, 500), numbers(spool.read(1000)));
            assertEquals(180, spool.counters().resent(), "121..300 were handed out twice");
        }
    }

    @Test
    void theSizeLimitDropsTheOldestAndCountsThem() throws Exception {
        SpoolLimits small = new SpoolLimits(8192, Duration.ofDays(1), 2048);
        try (DiskSpool spool = open(small)) {
            for (int i = 1; i <= 2000; i++) {
                spool.append("t", payload(i), 1, false);
            }
            SpoolCounters c = spool.counters();
            assertTrue(c.bytes() <= 8192, "on disk: " + c.bytes());
            assertTrue(c.droppedFull() > 0);
            assertEquals(2000, c.droppedFull() + c.depth(), "every event is either waiting or counted as dropped");
            List<Long> left = numbers(spool.read(10_000));
            assertEquals(c.depth(), left.size());
            assertEquals(range(2001 - left.size(), 2000), left, "the newest are kept, in order");
        }
    }

    @Test
    void theAgeLimitDropsOldSegments() throws Exception {
        try (DiskSpool spool = open(new SpoolLimits(1 << 20, Duration.ofHours(1), 4096))) {
            for (int i = 1; i <= 10; i++) {
                spool.append("t", payload(i), 1, false);
            }
            clock.advance(Duration.ofMinutes(59));
            spool.expire();
            assertEquals(10, spool.counters().depth());
            spool.append("t", payload(11), 1, false);
            clock.advance(Duration.ofMinutes(2));
            spool.expire();
            assertEquals(0, spool.counters().droppedExpired(), "the segment has a young record: kept");
            clock.advance(Duration.ofHours(2));
            spool.expire();
            assertEquals(11, spool.counters().droppedExpired());
            assertTrue(spool.read(100).isEmpty());
            assertEquals(12, spool.append("t", payload(12), 1, false));
            assertEquals(List.of(12L), numbers(spool.read(100)));
        }
    }

    @Test
    void aTornRecordAtTheEndIsSkippedWithTheRestKept() throws Exception {
        try (DiskSpool spool = open(ROOMY)) {
            for (int i = 1; i <= 20; i++) {
                spool.append("t", payload(i), 1, false);
            }
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3); // the app died in the middle of writing record 20
        }
        try (DiskSpool spool = open(ROOMY)) {
            assertTrue(spool.counters().corruptBytes() > 0);
            assertEquals(range(1, 19), numbers(spool.read(100)));
            assertEquals(20, spool.append("t", payload(20), 1, false), "the lost sequence is reused");
            assertEquals(List.of(20L), numbers(spool.read(100)));
        }
    }

    @Test
    void aDamagedRecordIsCutOffWithEverythingAfterIt() throws Exception {
        try (DiskSpool spool = open(ROOMY)) {
            for (int i = 1; i <= 20; i++) {
                spool.append("t", payload(i), 1, false);
            }
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 5] ^= 0x55; // a flipped payload byte in the last record: the checksum catches it
        Files.write(segment, bytes);
        try (DiskSpool spool = open(ROOMY)) {
            assertEquals(range(1, 19), numbers(spool.read(100)));
        }
    }

    @Test
    void aSecondSpoolOnTheSameDirectoryIsRefused() throws Exception {
        try (DiskSpool spool = open(ROOMY)) {
            IOException e = assertThrows(IOException.class, () -> open(ROOMY));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }

    @Test
    void appendsWhileAnotherThreadDrainsLoseNothingAndKeepTheOrder() throws Exception {
        int total = 200_000;
        try (DiskSpool spool = open(new SpoolLimits(256L << 20, Duration.ofDays(1), 1 << 20))) {
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 1; i <= total; i++) {
                        spool.append("t/" + (i % 26), payload(i), 1, false);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            writer.start();
            long expected = 1;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (expected <= total && System.nanoTime() < deadline) {
                List<SpoolRecord> batch = spool.read(1000);
                if (batch.isEmpty()) {
                    spool.awaitRecords(50);
                }
                for (SpoolRecord r : batch) {
                    assertEquals(expected, r.sequence());
                    assertEquals(List.of(expected), numbers(List.of(r)));
                    expected++;
                }
                if (!batch.isEmpty()) {
                    spool.acknowledge(batch.get(batch.size() - 1).sequence());
                }
            }
            writer.join();
            assertEquals(total + 1, expected);
            assertEquals(0, spool.counters().depth());
            assertEquals(total, spool.counters().delivered());
        }
    }

    @Test
    void aReaderFarBehindReadsTheFilesThenTheTailInMemoryWithoutGapOrRepeat() throws Exception {
        int count = 30_000; // the tail holds ~12,000 of these (84 bytes counted each): the rest comes from 2 segment files
        try (DiskSpool spool = open(ROOMY)) {
            for (int i = 1; i <= count; i++) {
                spool.append("vscp/t/" + (i % 26), payload(i), 1, false);
            }
            List<Long> got = new ArrayList<>();
            List<SpoolRecord> batch;
            while (!(batch = spool.read(777)).isEmpty()) {
                got.addAll(numbers(batch));
                spool.acknowledge(batch.get(batch.size() - 1).sequence());
            }
            assertEquals(range(1, count), got);
            spool.append("vscp/t/x", payload(count + 1), 1, false);
            assertEquals(List.of((long) count + 1), numbers(spool.read(10)), "a reader that keeps up gets the new record");
            assertEquals(0, spool.counters().resent());
        }
    }

    @Test
    void afterARewindTheUnacknowledgedRecordsComeAgainFromMemoryOrFile() throws Exception {
        try (DiskSpool spool = open(ROOMY)) {
            for (int i = 1; i <= 100; i++) {
                spool.append("t", payload(i), 1, false);
            }
            assertEquals(range(1, 100), numbers(spool.read(1000)));
            spool.acknowledge(40);
            spool.rewind();
            assertEquals(range(41, 100), numbers(spool.read(1000)));
            assertEquals(60, spool.counters().resent());
        }
        try (DiskSpool spool = open(ROOMY)) { // a restart: nothing in memory, the files and the acknowledged position
            assertEquals(range(41, 100), numbers(spool.read(1000)));
        }
    }

    @Test
    void aSourceThatCanWaitWaitsWhenTheSpoolIsFullAndLosesNothing() throws Exception {
        SpoolLimits small = new SpoolLimits(8192, Duration.ofDays(1), 2048);
        try (DiskSpool spool = open(small)) {
            spool.setWhenFull(WhenFull.WAIT);
            int total = 3000;
            java.util.concurrent.atomic.AtomicLong appended = new java.util.concurrent.atomic.AtomicLong();
            Thread source = new Thread(() -> {
                try {
                    for (int i = 1; i <= total; i++) {
                        spool.append("t", payload(i), 1, false);
                        appended.set(i);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            source.start();
            Thread.sleep(300);
            long whileFull = appended.get();
            assertTrue(whileFull < total, "the source waits while nobody takes events: " + whileFull);
            Thread.sleep(200);
            assertEquals(whileFull, appended.get(), "and does not go on by itself");
            List<Long> got = new ArrayList<>();
            while (got.size() < total) { // a publisher that takes and acknowledges
                List<SpoolRecord> batch = spool.read(50);
                if (batch.isEmpty()) {
                    spool.awaitRecords(100);
                    continue;
                }
                got.addAll(numbers(batch));
                spool.acknowledge(batch.get(batch.size() - 1).sequence());
            }
            source.join(10_000);
            assertEquals(range(1, total), got, "every event, in order");
            assertEquals(0, spool.counters().dropped(), spool.counters().toString());
        }
    }

    @Test
    void eventsInFlightWhenTheirSegmentIsDroppedCountAsDeliveredOnceAcknowledgedElseAsDropped() throws Exception {
        SpoolLimits small = new SpoolLimits(8192, Duration.ofDays(1), 2048);
        try (DiskSpool spool = open(small)) {
            for (int i = 1; i <= 40; i++) {
                spool.append("t", payload(i), 1, false);
            }
            List<SpoolRecord> sent = spool.read(30); // handed to the broker, not yet acknowledged
            int total = 40;
            while (spool.counters().droppedFull() == 0 && spool.acknowledgedSequence() < 30) {
                spool.append("t", payload(++total), 1, false); // fills until the oldest segment goes
            }
            long droppedFirst = spool.counters().droppedFull();
            spool.acknowledge(sent.get(sent.size() - 1).sequence()); // the broker took all 30 after all
            SpoolCounters c = spool.counters();
            assertEquals(30, c.delivered(), "in flight and acknowledged: delivered, not dropped: " + c);
            assertEquals(droppedFirst, c.droppedFull(), c.toString());
            assertEquals(total, c.delivered() + c.droppedFull() + c.depth(), "every event counted once: " + c);
            spool.read(5);
            while (spool.counters().droppedFull() == droppedFirst) { // drop in-flight records again, then lose the link
                spool.append("t", payload(++total), 1, false);
            }
            spool.rewind();
            c = spool.counters();
            assertEquals(total, c.delivered() + c.droppedFull() + c.depth(), "every event counted once: " + c);
        }
    }
}
