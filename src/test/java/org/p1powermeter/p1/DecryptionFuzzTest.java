package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The decryption path under hostile input: at least 100,000 encrypted frames of the corpus telegrams (encrypted
 * here, each with the next frame counter), each changed by one to three mutations (flipped bytes anywhere and in the
 * header, inserted, deleted, duplicated and cut bytes, the security byte set to "encrypted only", a replayed earlier
 * frame, a piece of the previous frame spliced in; the test counts that every stream differs from its frame), fed in
 * random chunks through {@link EncryptedFrameReader} into the {@link TelegramFramer} as the sources do (one frame's
 * text, then end of input). Every eighth frame goes unchanged as a control (a telegram of its own, counted when it
 * comes out: at least 90 % must, the reader finds its way back after damage). No exception may escape, and every
 * telegram that comes out must be exactly one that the framer makes of a corpus telegram (or that telegram without
 * its final line end, which is whole): no partial or altered telegram.
 *
 * <p>{@code -Dp1.fuzz.streams=1000000} runs more, {@code -Dp1.test.seed=...} reproduces a run.
 */
class DecryptionFuzzTest {

    private static final long SEED = Long.getLong("p1.test.seed", 0xC0FFEE_5EEDL);
    private static final int STREAMS = Math.max(100_000, Integer.getInteger("p1.fuzz.streams", 100_000));
    private static final String KEY = "00112233445566778899AABBCCDDEEF0";

    private final Random random = new Random(SEED);
    private final Set<ByteBuffer> allowed = new HashSet<>();
    private final Map<DecryptFailure, Long> failures = new EnumMap<>(DecryptFailure.class);
    private long telegrams;
    private long controlsOut;
    /** The control frames' telegram: not in the corpus, so it is counted whenever it comes out. */
    private final byte[] control = SyntheticTelegram.latin1(SyntheticTelegram.small("004242.424"));

    @Test
    void mutatedFramesNeverThrowAndNeverGiveAPartialOrAlteredTelegram() {
        List<byte[]> corpus = Corpus.telegrams();
        for (byte[] t : corpus) {
            byte[] framed = Corpus.frame(FramerOptions.defaults(), t).telegrams().get(0).bytes();
            allowed.add(ByteBuffer.wrap(framed));
            // the same telegram without its final line end (a frame cut right after the CRC) is whole too
            int end = framed.length;
            while (end > 0 && (framed[end - 1] == '\r' || framed[end - 1] == '\n')) {
                end--;
            }
            allowed.add(ByteBuffer.wrap(Arrays.copyOf(framed, end)));
        }
        allowed.add(ByteBuffer.wrap(control));
        TelegramFramer framer = new TelegramFramer(FramerOptions.defaults(), new FrameListener() {
            @Override
            public void onTelegram(RawTelegram t) {
                telegrams++;
                controlsOut += Arrays.equals(t.bytes(), control) ? 1 : 0;
                if (!allowed.contains(ByteBuffer.wrap(t.bytes()))) {
                    fail("seed " + SEED + ": a telegram that is not one of the corpus came out:\n" + t.text());
                }
            }
        });
        EncryptedFrameReader reader = new EncryptedFrameReader(DecryptionKeys.parse(KEY, ""), 16384, new DecryptListener() {
            @Override
            public void onPlaintext(byte[] telegram) {
                framer.feed(telegram, 0, telegram.length);
                framer.endOfInput();
            }

            @Override
            public void onDecryptFailure(DecryptFailure reason, int byteCount, String detail) {
                failures.merge(reason, 1L, Long::sum);
            }
        });
        FrameEncrypter meter = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY);
        long started = System.nanoTime();
        long mutated = 0;
        long controls = 0;
        List<byte[]> sent = new ArrayList<>();
        for (int s = 0; s < STREAMS + STREAMS / 7 + 1; s++) {
            byte[] frame = meter.frame(s % 8 == 7 ? control : corpus.get(random.nextInt(corpus.size())), 1 + s);
            if (s % 8 == 7) {
                controls++;
                feed(reader, frame);
            } else {
                byte[] stream = mutated(frame, sent);
                mutated += Arrays.equals(stream, frame) ? 0 : 1;
                feed(reader, stream);
            }
            sent.add(frame);
            if (sent.size() > 50) {
                sent.remove(0);
            }
        }
        reader.endOfInput();
        String where = "seed " + SEED + ": " + mutated + " mutated frames, " + controls + " controls (" + controlsOut
                + " came through), " + telegrams + " telegrams, failures " + failures;
        System.out.printf("DecryptionFuzzTest: %s in %d ms%n", where, (System.nanoTime() - started) / 1_000_000);
        assertTrue(mutated >= 100_000, where + ": only " + mutated + " streams differ from their frame");
        assertTrue(controlsOut >= controls * 9 / 10, where + ": the reader resynchronises after damage");
        assertTrue(controlsOut <= controls, where + ": a replayed control came out twice");
        for (DecryptFailure reason : DecryptFailure.values()) {
            assertTrue(failures.getOrDefault(reason, 0L) > 0, where + ": no " + reason);
        }
    }

    private void feed(EncryptedFrameReader reader, byte[] stream) {
        for (int at = 0; at < stream.length; ) {
            int n = Math.min(stream.length - at, 1 + random.nextInt(random.nextBoolean() ? 32 : 1024));
            reader.feed(stream, at, n);
            at += n;
        }
    }

    private byte[] mutated(byte[] frame, List<byte[]> sent) {
        byte[] m;
        do {
            m = frame.clone();
            int mutations = 1 + random.nextInt(3);
            for (int k = 0; k < mutations && m.length > 1; k++) {
                int at = random.nextInt(m.length);
                switch (random.nextInt(9)) {
                    case 0 -> m[at] ^= (byte) (1 + random.nextInt(255));
                    case 1 -> m[random.nextInt(Math.min(m.length, 18))] = (byte) random.nextInt(256);
                    case 2 -> m = TestBytes.splice(m, at, at, randomBytes(1 + random.nextInt(20)));
                    case 3 -> m = TestBytes.splice(m, at, Math.min(m.length, at + 1 + random.nextInt(16)), new byte[0]);
                    case 4 -> m = Arrays.copyOf(m, at);
                    case 5 -> m = TestBytes.splice(m, at, at, Arrays.copyOfRange(m, at, Math.min(m.length, at + 1 + random.nextInt(60))));
                    case 6 -> m[Math.min(m.length - 1, 13)] = 0x20;
                    case 7 -> m = sent.isEmpty() ? m : sent.get(random.nextInt(sent.size())).clone(); // a replay
                    // (of a control too, which must then not come out twice: the count below is of controls sent)
                    default -> {
                        if (!sent.isEmpty()) {
                            byte[] previous = sent.get(sent.size() - 1);
                            int from = random.nextInt(previous.length);
                            m = TestBytes.splice(m, at, at, Arrays.copyOfRange(previous, from,
                                    Math.min(previous.length, from + 1 + random.nextInt(100))));
                        }
                    }
                }
            }
        } while (Arrays.equals(m, frame));
        return m;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
