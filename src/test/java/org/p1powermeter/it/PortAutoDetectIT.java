package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.camel.source.PortDetector;

/**
 * {@code serial_port = auto}: the selection logic ({@link PortDetector}) on socat pty pairs (one meter sending
 * telegrams, one line sending noise, one silent, one path that is no port), and the jar's {@code --list-ports} and
 * {@code serial_port = auto} on this machine's own ports (a CI container has none a meter sends on, so it must fail
 * with the list of what it tried).
 */
class PortAutoDetectIT {

    private static final Duration PROBE = Duration.ofMillis(1500);

    @TempDir
    Path dir;
    private final List<SocatPty> ptys = new java.util.ArrayList<>();
    private volatile boolean feeding = true;
    private Thread feeder;

    @AfterEach
    void stop() throws Exception {
        feeding = false;
        if (feeder != null) {
            feeder.join(5000);
        }
        for (SocatPty p : ptys) {
            p.close();
        }
    }

    private SocatPty pty(String name) throws Exception {
        SocatPty p = SocatPty.start(dir.resolve(name));
        ptys.add(p);
        return p;
    }

    /** Sends a telegram to each of {@code meters} and noise to each of {@code noisy}, every 300 ms. */
    private void feed(List<SocatPty> meters, List<SocatPty> noisy) throws Exception {
        byte[] telegram = SwedishTelegram.bytes();
        feeder = new Thread(() -> {
            while (feeding) {
                try {
                    for (SocatPty m : meters) {
                        m.send(telegram);
                    }
                    for (SocatPty n : noisy) {
                        n.send("\u0000\u00ff garbage at the wrong speed \u0013\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                    Thread.sleep(300);
                } catch (Exception e) {
                    return;
                }
            }
        }, "it-feeder");
        feeder.start();
    }

    @Test
    void theOnePortSendingTelegramsIsChosen() throws Exception {
        SocatPty meter = pty("meter");
        SocatPty noise = pty("noise");
        SocatPty silent = pty("silent");
        feed(List.of(meter), List.of(noise));
        PortDetector.Result result = new PortDetector(PROBE).detect(List.of(noise.appSide().toString(),
                meter.appSide().toString(), silent.appSide().toString(), dir.resolve("no-such-port").toString()));
        assertTrue(result.found(), result.tried());
        assertEquals(meter.appSide().toString(), result.chosen().port());
        assertEquals("115200 8N1", result.chosen().settings().toString());
        String tried = result.tried();
        assertTrue(tried.contains(noise.appSide() + ": ") && tried.contains("bytes but no telegram at 115200 8N1 and 9600 7E1"), tried);
        assertTrue(tried.contains(silent.appSide() + ": silent"), tried);
        assertTrue(tried.contains("no-such-port: ") && !tried.contains("no-such-port: telegrams"), tried); // the open failure
    }

    @Test
    void twoPortsSendingTelegramsOrNoneAreNotAChoice() throws Exception {
        SocatPty a = pty("a");
        SocatPty b = pty("b");
        SocatPty c = pty("c");
        feed(List.of(a, b), List.of());
        PortDetector.Result two = new PortDetector(PROBE).detect(List.of(a.appSide().toString(), b.appSide().toString()));
        assertNull(two.chosen(), two.tried());
        assertEquals(2, two.probes().stream().filter(PortDetector.Probe::telegram).count(), two.tried());
        PortDetector.Result none = new PortDetector(PROBE).detect(List.of(c.appSide().toString()));
        assertFalse(none.found());
        assertEquals(c.appSide() + ": silent at 115200 8N1 and 9600 7E1", none.tried());
    }

    @Test
    void theJarListsThePortsAndFailsAutoWithWhatItTriedWhenNoPortSendsTelegrams() throws Exception {
        try (BridgeProcess list = BridgeProcess.start(dir, List.of("--list-ports"))) {
            assertEquals(0, list.waitFor(30, TimeUnit.SECONDS), list::toString);
            List<String> expected = PortDetector.describePorts();
            assertEquals(expected.isEmpty() ? List.of("No serial ports found.") : expected, list.stdout().lines().toList());
        }
        Path config = dir.resolve("config.ini");
        java.nio.file.Files.writeString(config, SwedishTelegram.seedConfig(1883, "auto", Map.of("serial_timeout", "1")));
        try (BridgeProcess auto = BridgeProcess.start(dir, List.of("-c", config.toString(), "-n"))) {
            assertEquals(2, auto.waitFor(60, TimeUnit.SECONDS), auto::toString);
            assertTrue(auto.stderr().contains("serial_port = auto: no port sends P1 telegrams; tried: "), auto.stderr());
        }
    }
}
