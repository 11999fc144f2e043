package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar against a serial port that comes and goes: a socat pty pair that does not exist when the bridge
 * starts, appears later, and is killed and recreated under the running bridge (as a USB adapter that is unplugged
 * and plugged in again). Telegrams must flow within 5 s of each appearance; while the port is absent the bridge
 * must say it is unhealthy, use little CPU (no busy loop) and not grow its threads.
 */
class SerialReconnectIT {

    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";
    /** Recovery bound of the issue: the port appearing is picked up within 5 s. */
    private static final long RECOVERY_LIMIT_MS = 5000;
    /** CPU the whole JVM may use during 5 s of absence; a busy reader alone would use about 5000 ms. */
    private static final long ABSENT_CPU_LIMIT_MS = 750;
    private static final int CYCLES = 3;

    @TempDir
    Path dir;
    private Mosquitto broker;
    private SocatPty pty;

    @AfterEach
    void stop() throws Exception {
        if (pty != null) {
            pty.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void absentPortIsPickedUpAndAKilledPortRecoversWithoutLeaksOrBusyLoops() throws Exception {
        ItTools.requireTool("socat");
        broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret");
        pty = SocatPty.prepare(dir.resolve("pty"));
        Path config = dir.resolve("config.ini");
        Files.writeString(config, SwedishTelegram.seedConfig(broker.port(), pty.appSide().toString(),
                Map.of("no_vscp", "false", "guid", GUID)));
        byte[] telegram = SwedishTelegram.bytes();
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", "vscp/#");
                BridgeProcess bridge = BridgeProcess.start(dir, List.of("-c", config.toString()))) {
            awaitLog(bridge, "ABSENT", 0, 30_000);
            assertTrue(bridge.stderr().contains("unhealthy"), "absent port is reported unhealthy:\n" + bridge.stderr());
            long absentCpu = cpuWhileAbsent(bridge);
            long firstRecovery = appearAndAwaitEvents(bridge, recorder, telegram);
            List<String> baseline = appThreads(bridge);
            long maxRecovery = firstRecovery;
            long maxAbsentCpu = absentCpu;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                int mark = bridge.stderr().length();
                pty.stop(); // unplugged
                awaitLog(bridge, "LOST", mark, 10_000);
                maxAbsentCpu = Math.max(maxAbsentCpu, cpuWhileAbsent(bridge));
                maxRecovery = Math.max(maxRecovery, appearAndAwaitEvents(bridge, recorder, telegram));
            }
            List<String> after = appThreads(bridge);
            System.out.printf("SerialReconnectIT: first pick-up %d ms, worst recovery %d ms, worst CPU over 5 s absent"
                    + " %d ms, threads %d -> %d%n", firstRecovery, maxRecovery, maxAbsentCpu, baseline.size(), after.size());
            assertTrue(maxRecovery < RECOVERY_LIMIT_MS, "events within 5 s of the port appearing: " + maxRecovery + " ms");
            assertTrue(maxAbsentCpu < ABSENT_CPU_LIMIT_MS, "CPU while absent " + maxAbsentCpu + " ms in 5 s");
            assertEquals(1, after.stream().filter(n -> n.contains("p1-serial-reader")).count(), after.toString());
            assertTrue(after.size() <= baseline.size() + 2, "threads grew over " + CYCLES + " reconnects: " + baseline
                    + " -> " + after);
            assertTrue(bridge.isAlive(), bridge.toString());
            String log = bridge.stderr();
            assertEquals(CYCLES, count(log, ": LOST ("), "one line per loss, not one per retry\n" + log);
            assertEquals(CYCLES + 1, count(log, ": ABSENT ("), "one line per absence, not one per retry\n" + log);
        }
    }

    /** Waits for the bridge to report the port unhealthy, then measures the JVM's CPU time over 5 s. */
    private static long cpuWhileAbsent(BridgeProcess bridge) throws Exception {
        Thread.sleep(1500); // let the backoff reach its ceiling
        long before = ProcessProbe.cpuMillis(bridge.pid());
        Thread.sleep(5000);
        return ProcessProbe.cpuMillis(bridge.pid()) - before;
    }

    /** Creates the pty, feeds a telegram a second, returns ms until the first new event arrives. */
    private long appearAndAwaitEvents(BridgeProcess bridge, MqttRecorder recorder, byte[] telegram) throws Exception {
        int seen = recorder.snapshot().size();
        long start = System.nanoTime();
        pty.start();
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        long lastSend = 0;
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() - lastSend > TimeUnit.MILLISECONDS.toNanos(1000)) {
                pty.send(telegram);
                lastSend = System.nanoTime();
            }
            if (recorder.await(seen + 26, 50, TimeUnit.MILLISECONDS).size() >= seen + 26) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
        }
        throw new AssertionError("no events within 30 s of the port appearing\n" + bridge);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> appThreads(BridgeProcess bridge) throws Exception {
        return ProcessProbe.threadNames(bridge.pid()).stream().filter(n -> !n.contains("CompilerThread")).sorted().toList();
    }

    /** Waits until {@code text} appears in the log after position {@code from}. */
    private static void awaitLog(BridgeProcess bridge, String text, int from, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            String err = bridge.stderr();
            if (err.indexOf(text, from) >= 0) {
                return;
            }
            assertTrue(bridge.isAlive(), "bridge exited\n" + bridge);
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in the log within " + timeoutMs + " ms\n" + bridge);
    }
}
