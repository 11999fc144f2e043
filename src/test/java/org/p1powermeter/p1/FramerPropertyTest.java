package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over seeded random inputs: how the stream is cut into chunks, and noise between telegrams, must not
 * change what comes out. The seed is in every assertion message; rerun with -Dp1.test.seed=... to reproduce.
 */
class FramerPropertyTest {

    private static final long SEED = Long.getLong("p1.test.seed", 0x5EED_F12A_3E00L);
    private static final int[] MAX_CHUNKS = {1, 2, 3, 7, 16, 100, 1024, 4096, 65536};

    /** All corpus telegrams, a CRC mismatch, an unclosed and an unopened telegram, noise: every event kind. */
    private static byte[] mixedStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] kaifa = Corpus.bytes("v4_2_kaifa.txt");
        out.writeBytes(SyntheticTelegram.latin1("\u00ff\u00fb\u0001junk\r\n"));
        for (byte[] t : Corpus.telegrams()) {
            out.writeBytes(t);
        }
        out.writeBytes(Corpus.bytes("de_easymeter_q3db1024_v304_com1.txt"));
        out.writeBytes(Corpus.bytes("derived/be_fluvius_v171_crc_mismatch.txt"));
        out.writeBytes(Corpus.bytes("derived/stream_v4_2_preceded_by_unclosed.txt"));
        out.writeBytes(Corpus.bytes("derived/stream_v4_2_preceded_by_unopened.txt"));
        out.writeBytes(SyntheticTelegram.latin1(SyntheticTelegram.small("1").replace("\r\n", "\n")));
        out.write(kaifa, 0, kaifa.length - 3);
        return out.toByteArray();
    }

    /** Feeds {@code stream} in random chunks of 1 … maxChunk bytes, each copied to a random offset of a larger array. */
    private static void feedInChunks(TelegramFramer framer, byte[] stream, Random random, int maxChunk) {
        byte[] scratch = new byte[maxChunk + 64];
        for (int at = 0; at < stream.length; ) {
            int n = Math.min(stream.length - at, 1 + random.nextInt(maxChunk));
            int off = random.nextInt(scratch.length - n + 1);
            random.nextBytes(scratch);
            System.arraycopy(stream, at, scratch, off, n);
            framer.feed(scratch, off, n);
            at += n;
        }
    }

    @Test
    void cuttingTheStreamIntoRandomChunksChangesNothing() {
        for (CrcPolicy policy : CrcPolicy.values()) {
            FramerOptions options = FramerOptions.defaults().withCrcPolicy(policy);
            byte[] stream = mixedStream();
            RecordingListener whole = Corpus.frame(options, stream);
            assertTrue(whole.telegrams().size() >= (policy == CrcPolicy.REQUIRED ? 9 : 16), whole.describe().toString());
            for (DropReason r : List.of(DropReason.NOISE, DropReason.TRUNCATED)) {
                assertTrue(!whole.drops(r).isEmpty(), "the stream exercises " + r);
            }
            for (int round = 0; round < 300; round++) {
                long seed = SEED + round;
                Random random = new Random(seed);
                int maxChunk = MAX_CHUNKS[random.nextInt(MAX_CHUNKS.length)];
                RecordingListener chunked = Corpus.frame(options, f -> feedInChunks(f, stream, random, maxChunk));
                assertEquals(whole.describe(), chunked.describe(),
                        "seed " + seed + ", chunks up to " + maxChunk + ", policy " + policy);
            }
        }
    }

    private static byte[] noiseWithoutSlash(Random random) {
        int size = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(8);
            case 2 -> random.nextInt(300);
            default -> random.nextInt(20_000);
        };
        byte[] noise = new byte[size];
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(10);
            int b = kind == 0 ? 0 : kind == 1 ? 0xFF : kind == 2 ? 0x80 + random.nextInt(128)
                    : kind == 3 ? "\r\n!()0123456789ABCDEF".charAt(random.nextInt(20)) : random.nextInt(256);
            noise[i] = (byte) (b == '/' ? '\\' : b);
        }
        return noise;
    }

    @Test
    void noiseBetweenTelegramsDoesNotChangeTheTelegrams() {
        List<byte[]> telegrams = Corpus.telegrams();
        for (int round = 0; round < 300; round++) {
            long seed = SEED ^ (0x9E37_79B9L * (round + 1));
            Random random = new Random(seed);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<byte[]> expected = new ArrayList<>();
            long noiseBytes = 0;
            int noiseRuns = 0;
            for (int k = 0; k < 8; k++) {
                byte[] noise = noiseWithoutSlash(random);
                stream.writeBytes(noise);
                noiseBytes += noise.length;
                noiseRuns += noise.length > 0 ? 1 : 0;
                byte[] t = telegrams.get(random.nextInt(telegrams.size()));
                stream.writeBytes(t);
                expected.add(t);
            }
            byte[] tail = noiseWithoutSlash(random);
            stream.writeBytes(tail);
            noiseBytes += tail.length;
            noiseRuns += tail.length > 0 ? 1 : 0;

            byte[] bytes = stream.toByteArray();
            int maxChunk = MAX_CHUNKS[random.nextInt(MAX_CHUNKS.length)];
            RecordingListener rec = Corpus.frame(FramerOptions.defaults(), f -> feedInChunks(f, bytes, random, maxChunk));
            String where = "seed " + seed + ", chunks up to " + maxChunk;
            assertEquals(expected.size(), rec.telegrams().size(), where);
            for (int k = 0; k < expected.size(); k++) {
                assertArrayEquals(expected.get(k), rec.telegrams().get(k).bytes(), where + ", telegram " + k);
            }
            assertEquals(noiseBytes, rec.droppedBytes(DropReason.NOISE), where);
            assertEquals(noiseRuns, rec.drops(DropReason.NOISE).size(), where + ": each run once");
            assertEquals(noiseBytes, rec.droppedBytes(), where + ": nothing else dropped");
        }
    }
}
