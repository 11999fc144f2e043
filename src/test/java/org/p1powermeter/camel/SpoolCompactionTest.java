package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.p1powermeter.app.demo.SimulatedMeter;
import org.p1powermeter.camel.spool.P1SpoolComponent;
import org.p1powermeter.camel.spool.P1SpoolConfiguration;
import org.p1powermeter.p1.FrameListener;
import org.p1powermeter.p1.FramerOptions;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramFramer;
import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.testing.MutableClock;

/**
 * How much a broker outage costs on disk: telegrams of the simulated meter (the bundled DSMR 5 telegram, all 26
 * measurements, values wandering, one second apart) through the shipped route into a real {@code p1spool:} whose
 * broker is not there, so everything stays spooled. The bytes of the segment files per telegram, times 86,400, must
 * fit the default size limit: a 24-hour outage at 1 telegram/s. {@code -Dp1.spool.telegrams=86400} runs the whole day.
 */
class SpoolCompactionTest extends BridgeRouteTestSupport {

    private static final int TELEGRAMS = Integer.getInteger("p1.spool.telegrams", 3600);
    private static final long DAY = 86_400;

    private static final Path SPOOL = dir();

    private static Path dir() {
        try {
            return Files.createTempDirectory("p1-compaction");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String mqttUri() {
        return "p1spool:p1?brokerUrl=tcp://127.0.0.1:" + deadPort() + "&spoolDir=" + SPOOL + "&deliveryTimeout=0";
    }

    @Test
    void aDayOfOutageAtOneTelegramPerSecondFitsTheDefaultSizeLimit() throws Exception {
        MutableClock clock = new MutableClock();
        SimulatedMeter meter = new SimulatedMeter(0, clock, ZoneId.of("Europe/Stockholm"));
        List<RawTelegram> framed = new ArrayList<>();
        TelegramFramer framer = new TelegramFramer(FramerOptions.defaults(), new FrameListener() {
            @Override
            public void onTelegram(RawTelegram telegram) {
                framed.add(telegram);
            }
        });
        long[] window = new long[TELEGRAMS]; // the telegram's pass through the route: its block is open meanwhile
        for (int i = 0; i < TELEGRAMS; i++) {
            clock.advance(Duration.ofSeconds(1));
            byte[] t = meter.nextTelegram();
            framer.feed(t, 0, t.length);
            RawTelegram telegram = framed.remove(0);
            long start = System.nanoTime();
            template.sendBody("direct:telegrams", telegram);
            window[i] = System.nanoTime() - start;
        }
        long[] w = java.util.Arrays.copyOfRange(window, TELEGRAMS / 10, TELEGRAMS); // after the warm-up
        java.util.Arrays.sort(w);
        System.out.printf("SpoolCompactionTest: kill -9 window (route pass of a telegram, its block open until the"
                + " seal) p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", w[w.length / 2] / 1e6, w[w.length * 99 / 100] / 1e6,
                w[w.length - 1] / 1e6);
        P1SpoolComponent component = context.getComponent("p1spool", P1SpoolComponent.class);
        context.stop();
        SpoolCounters c = component.counters();
        long bytes;
        try (Stream<Path> files = Files.list(SPOOL)) {
            bytes = files.filter(p -> p.toString().endsWith(".seg")).mapToLong(p -> p.toFile().length()).sum();
        }
        double perTelegram = (double) bytes / TELEGRAMS;
        long day = Math.round(perTelegram * DAY);
        double hoursInDefault = P1SpoolConfiguration.DEFAULT_MAX_SIZE / perTelegram / 3600;
        System.out.printf("SpoolCompactionTest: %d telegrams, %d events spooled, %d bytes in segment files = %.1f bytes"
                + " per telegram (%.1f per event); 24 h at 1 telegram/s = %.1f MiB; the default %d MiB holds %.1f h%n",
                TELEGRAMS, c.appended(), bytes, perTelegram, perTelegram / 26, day / 1048576.0,
                P1SpoolConfiguration.DEFAULT_MAX_SIZE >> 20, hoursInDefault);
        assertEquals(26L * TELEGRAMS, c.appended(), "all 26 events of every telegram");
        assertEquals(26L * TELEGRAMS, c.depth(), "all waiting: " + c);
        assertEquals(0, c.dropped());
        assertTrue(day <= P1SpoolConfiguration.DEFAULT_MAX_SIZE, day + " bytes for a day");
        assertTrue(hoursInDefault >= P1SpoolConfiguration.DEFAULT_MAX_AGE_HOURS,
                "the default size holds what the default age keeps: " + hoursInDefault + " h");
    }

    private static int deadPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
