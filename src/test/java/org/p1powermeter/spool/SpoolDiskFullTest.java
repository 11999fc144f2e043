package org.p1powermeter.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.testing.MutableClock;

/**
 * A full disk never damages the spool: on a real 2 MiB tmpfs, telegrams keep coming after the file system is full.
 * Appends never fail; what cannot be written is held in memory (and readable) up to the bound, then whole telegrams
 * are dropped and counted; the error is logged once; when space returns everything held is written; reopened, the
 * spool holds every accepted event in order, with no damaged byte. Needs {@code mount} (root); skipped without it
 * only outside CI.
 */
class SpoolDiskFullTest {

    private static final int EVENTS = 26;

    @TempDir
    Path dir;
    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountTmpfs() throws Exception {
        mount = Files.createDirectories(dir.resolve("tmpfs"));
        int rc = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
        mounted = rc == 0;
        if (!mounted) {
            Assumptions.assumeTrue(System.getenv("CI") != null, "mount -t tmpfs not permitted here (not root?)");
            throw new AssertionError("CI: mount -t tmpfs must work (the test runs as root in CI)");
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aFullDiskKeepsWhatIsWrittenHoldsTheRestAndWritesItWhenSpaceReturns() throws Exception {
        Path filler = mount.resolve("filler");
        Files.write(filler, new byte[512 * 1024]); // space to give back later
        Path spoolDir = mount.resolve("spool");
        SpoolLimits limits = new SpoolLimits(64L << 20, Duration.ofDays(1), 1 << 20, 256 * 1024);
        Random random = new Random(7);
        List<byte[]> accepted = new ArrayList<>();
        long offered = 0;
        SpoolCounters full;
        String log;
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (DiskSpool spool = DiskSpool.open(spoolDir, limits, new MutableClock())) {
            int telegrams = 0;
            while (spool.counters().droppedUnwritable() < 5L * EVENTS) { // well past the memory bound
                offered += telegram(spool, random, accepted);
                assertTrue(++telegrams < 5000, "the disk never filled: " + spool.counters());
            }
            full = spool.counters();
            assertTrue(full.heldBytes() > 0 && full.heldBytes() <= limits.maxHeldBytes() + 64 * 1024, full.toString());
            assertEquals(0, full.droppedUnwritable() % EVENTS, "whole telegrams are dropped");
            assertEquals(offered, full.appended() + full.droppedUnwritable(), "every event is spooled or counted");
            List<SpoolRecord> readable = spool.read(1_000_000);
            assertEquals(accepted.size(), readable.size(), "what is written and what is held are both readable");
            for (int i = 0; i < readable.size(); i++) {
                assertEquals(i + 1, readable.get(i).sequence());
                assertTrue(java.util.Arrays.equals(accepted.get(i), readable.get(i).payload()), "event " + (i + 1));
            }
            Files.delete(filler); // space returns
            spool.flush();
            assertEquals(0, spool.counters().heldBytes(), "held blocks written once there is room: " + spool.counters());
            offered += telegram(spool, random, accepted);
            spool.flush();
            assertEquals(0, spool.counters().heldBytes());
        } finally {
            System.setErr(stderr);
            log = captured.toString(StandardCharsets.UTF_8);
        }
        assertEquals(1, log.lines().filter(l -> l.contains("cannot write")).count(), "logged once:\n" + log);
        assertEquals(1, log.lines().filter(l -> l.contains("new telegrams are dropped")).count(), log);
        assertEquals(1, log.lines().filter(l -> l.contains("the disk takes writes again")).count(), log);
        assertTrue(log.lines().noneMatch(l -> l.contains("Exception")), "no stack trace:\n" + log);
        try (DiskSpool reopened = DiskSpool.open(spoolDir, limits, new MutableClock())) {
            SpoolCounters c = reopened.counters();
            assertEquals(0, c.corruptBytes(), "nothing damaged");
            assertEquals(accepted.size(), c.recovered(), "every accepted event is on disk");
            List<SpoolRecord> all = reopened.read(1_000_000);
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i + 1, all.get(i).sequence(), "in order");
                assertTrue(java.util.Arrays.equals(accepted.get(i), all.get(i).payload()));
            }
            System.out.println("SpoolDiskFullTest: " + accepted.size() + " events accepted, " + full.droppedUnwritable()
                    + " dropped (counted) while the 2 MiB tmpfs was full, " + full.heldBytes() + " bytes held at most;"
                    + " reopened: " + c);
        }
    }

    /** Appends one telegram of 26 poorly compressible events, as the producer does; returns the events offered. */
    private static int telegram(DiskSpool spool, Random random, List<byte[]> accepted) throws Exception {
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            byte[] p = new byte[400];
            random.nextBytes(p);
            if (spool.appendToBlock("vscp/t/" + i, p, 1, false) > 0) {
                payloads.add(p);
            }
        }
        spool.seal();
        accepted.addAll(payloads);
        return EVENTS;
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
