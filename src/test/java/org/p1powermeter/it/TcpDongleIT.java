package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar reading a network P1 dongle ({@code serial_port = tcp://127.0.0.1:PORT}) that this test plays
 * with its own TCP server ({@link DongleServer}): telegrams in random chunks, a connection dropped mid-telegram,
 * connections refused for a while, the server back, then a stall mid-telegram. Every telegram carries its own
 * meter reading ({@link SwedishTelegram#numbered}), so the test sees that every complete one is published exactly
 * once and the cut ones never, and when each recovery happened.
 */
class TcpDongleIT {

    private static final String TOPIC = "Meter reading active energy out";
    /** Recovery bound of the issue: events within 5 s of the server being back. */
    private static final long RECOVERY_LIMIT_MS = 5000;
    private static final int SILENCE_SECONDS = 2;

    @TempDir
    Path dir;
    private Mosquitto broker;

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void completeTelegramsArePublishedOnceCutOnesNeverAndTheBridgeRecoversFromDropsRefusalsAndStalls() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret");
        List<Integer> complete = new ArrayList<>();
        List<Integer> cut = new ArrayList<>();
        try (DongleServer dongle = new DongleServer(ItTools.freeLoopbackPort(), 8)) {
            dongle.open();
            Path config = dir.resolve("config.ini");
            // pyserial's spelling, as a Python-script user writes it
            Files.writeString(config, SwedishTelegram.seedConfig(broker.port(), "socket://127.0.0.1:" + dongle.port(),
                    Map.of("serial_timeout", Integer.toString(SILENCE_SECONDS))));
            try (MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", TOPIC);
                    BridgeProcess bridge = BridgeProcess.start(dir, List.of(), List.of(
                            // the source's state changes and its summary at the stop, with milliseconds
                            "-Dorg.slf4j.simpleLogger.log.org.p1powermeter.camel.source=info",
                            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"),
                            List.of("-c", config.toString()), null)) {
                int n = 0;
                // 1. telegrams in random chunks
                dongle.accept(30_000);
                for (int i = 0; i < 5; i++) {
                    dongle.sendInChunks(SwedishTelegram.numbered(++n));
                    complete.add(n);
                }
                awaitValues(recorder, complete, 10, bridge);

                // 2. the connection drops mid-telegram
                byte[] halfSent = SwedishTelegram.numbered(++n);
                cut.add(n);
                dongle.sendInChunks(halfSent, 0, halfSent.length / 2);
                dongle.dropClient();
                awaitLog(bridge, ": LOST (", 10_000);

                // 3. connections are refused for a while
                dongle.refuse();
                awaitLog(bridge, ": ABSENT (", 10_000);
                Thread.sleep(3000);

                // 4. the server is back: events within 5 s of that moment
                dongle.open();
                long back = System.nanoTime();
                dongle.accept((int) RECOVERY_LIMIT_MS + 5000);
                long recovered = feedUntilPublished(dongle, recorder, complete, ++n, back, bridge);
                n = complete.get(complete.size() - 1);
                long recoveryAfterRefusal = TimeUnit.NANOSECONDS.toMillis(recovered - back);

                // 5. the dongle stalls mid-telegram: silent for serial_timeout, the bridge connects again
                long lastComplete = dongle.lastWriteNanos();
                byte[] stalled = SwedishTelegram.numbered(++n);
                cut.add(n);
                dongle.sendInChunks(stalled, 0, stalled.length / 3);
                long reconnected = dongle.accept(SILENCE_SECONDS * 1000 + 10_000);
                long stallDetectedMs = TimeUnit.NANOSECONDS.toMillis(reconnected - lastComplete);
                recovered = feedUntilPublished(dongle, recorder, complete, ++n, reconnected, bridge);
                long recoveryAfterStall = TimeUnit.NANOSECONDS.toMillis(recovered - reconnected);

                Thread.sleep(500); // nothing else may arrive
                bridge.terminate();
                assertEquals(0, bridge.waitFor(20, TimeUnit.SECONDS), bridge::toString);

                List<String> got = recorder.snapshot().stream().map(MqttRecorder.Received::payload).toList();
                List<String> expected = complete.stream().map(SwedishTelegram::numberedValue).toList();
                System.out.printf("TcpDongleIT: %d telegrams published, %d cut; events %d ms after the server was back,"
                        + " reconnect %d ms after the last complete telegram (serial_timeout %d s), events %d ms after that%n",
                        complete.size(), cut.size(), recoveryAfterRefusal, stallDetectedMs, SILENCE_SECONDS, recoveryAfterStall);
                assertEquals(expected, got, "every complete telegram once, in order, the cut ones ("
                        + cut.stream().map(SwedishTelegram::numberedValue).toList() + ") never");
                assertTrue(recoveryAfterRefusal < RECOVERY_LIMIT_MS, "events " + recoveryAfterRefusal
                        + " ms after the server came back");
                assertTrue(recoveryAfterStall < RECOVERY_LIMIT_MS, "events " + recoveryAfterStall
                        + " ms after the reconnect that ended the stall");
                assertTrue(stallDetectedMs >= SILENCE_SECONDS * 1000 - 100
                        && stallDetectedMs < SILENCE_SECONDS * 1000 + RECOVERY_LIMIT_MS, "reconnected "
                        + stallDetectedMs + " ms after the last complete telegram (serial_timeout " + SILENCE_SECONDS + " s)");
                String log = bridge.stderr();
                assertTrue(log.contains(": SILENT (no telegram for " + SILENCE_SECONDS + " s"), log);
                assertTrue(log.contains("dropped TRUNCATED=" + cut.size()), "the cut telegrams are counted\n" + log);
                assertTrue(log.contains("- unhealthy"), log);
                assertTrue(log.contains("reconnects=2,"), "one reconnect after the drop and refusal, one after the stall\n" + log);
            }
        }
    }

    /**
     * Sends numbered telegrams over the connection just accepted from {@code first} every 300 ms until the first
     * of them is published, then three more; returns when the first was seen (System.nanoTime()).
     */
    private static long feedUntilPublished(DongleServer dongle, MqttRecorder recorder, List<Integer> complete,
            int first, long since, BridgeProcess bridge) throws Exception {
        int seen = recorder.snapshot().size();
        int n = first;
        long deadline = since + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            dongle.sendInChunks(SwedishTelegram.numbered(n));
            complete.add(n++);
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                if (recorder.await(seen + 1, 20, TimeUnit.MILLISECONDS).size() > seen) {
                    long at = System.nanoTime();
                    for (int i = 0; i < 3; i++) {
                        dongle.sendInChunks(SwedishTelegram.numbered(n));
                        complete.add(n++);
                    }
                    awaitValues(recorder, complete, 10, bridge);
                    return at;
                }
            }
        }
        throw new AssertionError("no event within 20 s\n" + bridge);
    }

    private static void awaitValues(MqttRecorder recorder, List<Integer> complete, int seconds, BridgeProcess bridge)
            throws Exception {
        List<MqttRecorder.Received> got = recorder.await(complete.size(), seconds, TimeUnit.SECONDS);
        assertTrue(got.size() >= complete.size(), () -> got.size() + " of " + complete.size() + " telegrams published\n" + bridge);
    }

    private static void awaitLog(BridgeProcess bridge, String text, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            if (bridge.stderr().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in the log within " + timeoutMs + " ms\n" + bridge);
    }
}
