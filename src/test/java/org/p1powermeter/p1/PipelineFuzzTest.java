package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.p1powermeter.camel.P1TelegramProcessor;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.RateLimitedLog;
import org.p1powermeter.metrics.ValueRange;
import org.p1powermeter.vscp.Guid;
import org.p1powermeter.vscp.VscpEncoding;
import org.p1powermeter.vscp.VscpEvent;
import org.p1powermeter.vscp.VscpEventFactory;
import org.p1powermeter.vscp.VscpJson;

/**
 * The whole pipeline under hostile input: at least 100,000 corpus telegrams, each changed by one to three mutations
 * (flipped, inserted, deleted, duplicated and cut bytes; runs of NUL and 0xFF; numbers that do not parse or do not
 * fit; unknown units; unbalanced parentheses; the test counts that every stream differs from its telegram), plus one
 * line of megabytes. Half are re-signed with a valid CRC so they reach the parser. All go through the framer, the
 * parse stage ({@link P1TelegramProcessor#measure}), both VSCP encodings and JSON. No exception may escape, no
 * telegram whose CRC is wrong may produce an event, and every value published must fit ({@link ValueRange}).
 *
 * <p>The long run (1,000,000 mutated streams, about 6.5 s of test time on the two-core development machine):
 * {@code mvn -B -q -o test -Dtest=PipelineFuzzTest -Dp1.fuzz.streams=1000000 -Dsurefire.failIfNoSpecifiedTests=false};
 * {@code -Dp1.test.seed=...} reproduces a run.
 */
class PipelineFuzzTest {

    private static final long SEED = Long.getLong("p1.test.seed", 0x5EED_1234L);
    /** At least 100,000 mutated streams in every run (the issue's floor); -Dp1.fuzz.streams raises it. */
    private static final int STREAMS = Math.max(100_000, Integer.getInteger("p1.fuzz.streams", 100_000));
    private static final String[] HOSTILE = {"99999999999999999999", "9".repeat(600), "-", ".", "1.2.3", "12,5",
        "1e5", "0x1F", "*", "**kW", "*furlong", "*kWh*kWh", "(", ")", "()", "\u0000\u0000", "\u00ff\u00ff\u00ff",
        "\r\n", "\r\n/", "!", "!ZZZZ\r\n", "(((((((", "0-1:24.1.0(003)", "0-9:24.2.1(x)(y)", "1-0:1.8.0(1*kWh)"};

    private final Random random = new Random(SEED);
    private final P1Metrics metrics = new P1Metrics();
    private final P1TelegramProcessor processor = new P1TelegramProcessor(new TelegramParser(ZoneId.of("Europe/Stockholm")),
            new MeasurementExtractor(), metrics, new RateLimitedLog(line -> { }, java.time.Duration.ZERO, System::nanoTime));
    private final Guid guid = Guid.fromMac(new byte[] {1, 2, 3, 4, 5, 6}, 0);
    private final VscpEventFactory strings = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, guid);
    private final VscpEventFactory doubles = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_FLOAT, guid);
    private long telegrams;
    private long events;

    @Test
    void hostileStreamsNeverThrowNeverPublishABadCrcAndOnlyPublishValuesThatFit() {
        List<byte[]> corpus = Corpus.telegrams();
        TelegramFramer framer = new TelegramFramer(FramerOptions.defaults(), new FrameListener() {
            @Override
            public void onTelegram(RawTelegram t) {
                publish(t);
            }
        });
        long started = System.nanoTime();
        long fed = 0;
        long mutated = 0;
        for (int s = 0; s < STREAMS; s++) {
            if (s == STREAMS / 2) {
                fed += feed(framer, megabyteLine()); // one more stream, beside the mutated ones
            }
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            byte[] stream = stream(original);
            mutated += Arrays.equals(stream, original) ? 0 : 1;
            fed += feed(framer, stream);
        }
        framer.endOfInput();
        FramerStats stats = framer.stats();
        String where = "seed " + SEED + ", " + stats + ", " + metrics.summary();
        System.out.printf("PipelineFuzzTest: %d streams (%d mutated), %d bytes, %d telegrams, %d events in %d ms; %s%n",
                STREAMS, mutated, fed, telegrams, events, (System.nanoTime() - started) / 1_000_000, where);
        assertTrue(mutated >= 100_000, where + ": only " + mutated + " streams differ from their telegram");
        assertEquals(fed, stats.telegramBytes() + stats.totalDroppedBytes(), where);
        assertEquals(stats.telegrams(), telegrams, where);
        assertTrue(telegrams > STREAMS / 5, where + ": enough telegrams reach the parser");
        assertTrue(stats.dropped(DropReason.CRC_MISMATCH) > STREAMS / 20, where);
        assertTrue(stats.dropped(DropReason.OVERSIZE) >= 1, where + ": the megabyte line is dropped");
        assertTrue(metrics.getParseIssues() > 0 && metrics.valuesOutOfRange() > 0, where);
        assertTrue(metrics.getSkipped().values().stream().filter(n -> n > 0).count() >= 3, where);
    }

    /** Feeds one stream in random chunks; returns its length. */
    private int feed(TelegramFramer framer, byte[] stream) {
        for (int at = 0; at < stream.length; ) {
            int n = Math.min(stream.length - at, 1 + random.nextInt(random.nextBoolean() ? 64 : 4096));
            framer.feed(stream, at, n);
            at += n;
        }
        return stream.length;
    }

    private void publish(RawTelegram t) {
        telegrams++;
        if (t.hasCrc() && t.crcGiven() != Crc16Arc.compute(t.bytes(), 0, t.bangIndex() + 1)) {
            fail("seed " + SEED + ": a telegram with a bad CRC reached the parser:\n" + t.text());
        }
        Instant now = Instant.EPOCH;
        for (Measurement m : processor.measure(t).measurements()) {
            if (!ValueRange.fits(m.vscpValue()) || !ValueRange.fits(m.meterValue())) {
                fail("seed " + SEED + ": a value that does not fit was passed on: " + m);
            }
            VscpEvent event = (events & 1) == 0 ? strings.create(m, now, true) : doubles.create(m, now, true);
            byte[] json = VscpJson.toJsonBytes(event);
            if (json.length == 0 || m.meterValuePlain().isEmpty()) {
                fail("empty output for " + m);
            }
            events++;
        }
    }

    /**
     * One mutated telegram: half re-signed with a valid CRC (they reach the parser), half with the CRC as it falls;
     * mutated again in the rare case the result is the telegram unchanged.
     */
    private byte[] stream(byte[] telegram) {
        byte[] stream;
        do {
            stream = mutatedStream(telegram);
        } while (Arrays.equals(stream, telegram));
        return stream;
    }

    private byte[] mutatedStream(byte[] telegram) {
        int bang = lastIndexOf(telegram, (byte) '!');
        if (bang > 0 && random.nextBoolean()) {
            byte[] body = mutate(Arrays.copyOf(telegram, bang + 1));
            int b = lastIndexOf(body, (byte) '!');
            if (b < 0) {
                return body;
            }
            String crc = String.format("%04X", Crc16Arc.compute(body, 0, b + 1));
            return concat(Arrays.copyOf(body, b + 1), (crc + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return mutate(telegram);
    }

    private byte[] mutate(byte[] t) {
        byte[] m = t.clone();
        int mutations = 1 + random.nextInt(3);
        for (int k = 0; k < mutations && m.length > 1; k++) {
            int at = 1 + random.nextInt(m.length - 1); // keep the '/' so most still frame
            switch (random.nextInt(7)) {
                case 0 -> m[at] = (byte) random.nextInt(256);
                case 1, 2 -> m = TestBytes.splice(m, at, at, HOSTILE[random.nextInt(HOSTILE.length)].getBytes(StandardCharsets.ISO_8859_1));
                case 3 -> m = TestBytes.splice(m, at, Math.min(m.length, at + 1 + random.nextInt(8)), new byte[0]);
                case 4 -> m = TestBytes.splice(m, at, at, Arrays.copyOfRange(m, at, Math.min(m.length, at + 1 + random.nextInt(60))));
                case 5 -> m = replaceValue(m, at);
                default -> m = Arrays.copyOf(m, at);
            }
        }
        return m;
    }

    /** Replaces the value inside the next {@code ( )} with a hostile one. */
    private byte[] replaceValue(byte[] m, int from) {
        int open = indexOf(m, (byte) '(', from);
        int close = open < 0 ? -1 : indexOf(m, (byte) ')', open);
        if (close < 0) {
            return m;
        }
        return TestBytes.splice(m, open + 1, close, HOSTILE[random.nextInt(HOSTILE.length)].getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] megabyteLine() {
        byte[] line = new byte[3 * 1024 * 1024];
        Arrays.fill(line, (byte) '7');
        line[0] = '/';
        return line;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte x) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
