package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds 110,000 randomly mutated corpus telegrams (each changed by one to three byte flips, insertions of random or
 * structural bytes, deletions, duplicated ranges or truncations; the test counts that every one differs from its
 * original, at least 100,000) through one framer per CRC policy, in random chunks. Nothing may throw,
 * every emitted telegram must be well formed and, under AUTO, carry a matching CRC whenever it carries one, and every
 * byte fed must be accounted for exactly once. Seeded: rerun with -Dp1.test.seed=... to reproduce.
 */
class FramerFuzzTest {

    private static final long SEED = Long.getLong("p1.test.seed", 0xF022_2024L);
    private static final int BATCHES = 110;
    private static final int TELEGRAMS_PER_BATCH = 1000;
    private static final byte[] STRUCTURAL = SyntheticTelegram.latin1("/!()\r\n\0\u00ff0A9f*");

    /** One to three mutations; again when they happened to change nothing (a byte "flipped" to itself). */
    private static byte[] mutate(byte[] t, Random random) {
        byte[] m = t;
        do {
            m = mutateOnce(m, random);
        } while (Arrays.equals(m, t));
        return m;
    }

    private static byte[] mutateOnce(byte[] t, Random random) {
        byte[] m = t;
        int mutations = 1 + random.nextInt(3);
        for (int k = 0; k < mutations && m.length > 0; k++) {
            int at = random.nextInt(m.length);
            switch (random.nextInt(6)) {
                case 0 -> {
                    m = m.clone();
                    m[at] = (byte) random.nextInt(256);
                }
                case 1 -> m = TestBytes.splice(m, at, at, new byte[] {(byte) random.nextInt(256)});
                case 2 -> m = TestBytes.splice(m, at, at, new byte[] {STRUCTURAL[random.nextInt(STRUCTURAL.length)]});
                case 3 -> m = TestBytes.splice(m, at, Math.min(m.length, at + 1 + random.nextInt(3)), new byte[0]);
                case 4 -> {
                    int len = Math.min(m.length - at, 1 + random.nextInt(40));
                    byte[] range = Arrays.copyOfRange(m, at, at + len);
                    m = TestBytes.splice(m, at, at, range);
                }
                default -> m = Arrays.copyOf(m, at);
            }
        }
        return m;
    }

    /** Checks each telegram as it is emitted. */
    private static final class CheckingListener implements FrameListener {
        private final CrcPolicy policy;
        private final String where;
        long telegrams;
        long withCrc;
        long telegramBytes;
        long droppedBytes;

        CheckingListener(CrcPolicy policy, String where) {
            this.policy = policy;
            this.where = where;
        }

        @Override
        public void onTelegram(RawTelegram t) {
            byte[] b = t.bytes();
            int bang = t.bangIndex();
            if (b[0] != '/' || b[bang] != '!' || t.crcComputed() != Crc16Arc.compute(b, 0, bang + 1)) {
                fail(where + ": malformed telegram " + t.text());
            }
            int digits = 0;
            int given = 0;
            while (bang + 1 + digits < b.length && Character.digit(b[bang + 1 + digits], 16) >= 0) {
                given = given * 16 + Character.digit(b[bang + 1 + digits], 16);
                digits++;
            }
            assertTrue(digits <= 4, where);
            assertEquals(digits == 0 ? RawTelegram.NO_CRC : given, t.crcGiven(), where);
            if (policy == CrcPolicy.AUTO && t.hasCrc() && t.crcGiven() != t.crcComputed()) {
                fail(where + ": a telegram with a bad CRC got through: " + t.text());
            }
            if (policy == CrcPolicy.REQUIRED && !t.crcMatches()) {
                fail(where + ": REQUIRED passed a telegram without a matching CRC");
            }
            assertTrue(b.length <= FramerOptions.DEFAULT_MAX_TELEGRAM_BYTES, where);
            telegrams++;
            withCrc += t.hasCrc() ? 1 : 0;
            telegramBytes += b.length;
        }

        @Override
        public void onDrop(DropReason reason, int byteCount) {
            assertTrue(byteCount > 0, where + ": empty drop " + reason);
            droppedBytes += byteCount;
        }
    }

    @Test
    void mutatedTelegramsNeverThrowAndNeverPassABadCrc() {
        List<byte[]> corpus = Corpus.telegrams();
        CrcPolicy[] policies = CrcPolicy.values();
        TelegramFramer[] framers = new TelegramFramer[policies.length];
        CheckingListener[] listeners = new CheckingListener[policies.length];
        for (int p = 0; p < policies.length; p++) {
            listeners[p] = new CheckingListener(policies[p], "seed " + SEED + ", policy " + policies[p]);
            framers[p] = new TelegramFramer(FramerOptions.defaults().withCrcPolicy(policies[p]), listeners[p]);
        }
        Random random = new Random(SEED);
        long fed = 0;
        long mutated = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int k = 0; k < TELEGRAMS_PER_BATCH; k++) {
                byte[] original = corpus.get(random.nextInt(corpus.size()));
                byte[] input = mutate(original, random);
                mutated += Arrays.equals(input, original) ? 0 : 1;
                out.writeBytes(input);
            }
            byte[] stream = out.toByteArray();
            fed += stream.length;
            for (int at = 0; at < stream.length; ) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(random.nextBoolean() ? 64 : 65536));
                for (TelegramFramer framer : framers) {
                    framer.feed(stream, at, n);
                }
                at += n;
            }
        }
        for (TelegramFramer framer : framers) {
            framer.endOfInput();
        }

        assertTrue(mutated >= 100_000, "seed " + SEED + ": only " + mutated + " inputs differ from their telegram");
        CheckingListener auto = listeners[0];
        CheckingListener required = listeners[1];
        CheckingListener off = listeners[2];
        FramerStats autoStats = framers[0].stats();
        String where = "seed " + SEED + ": " + autoStats;
        for (int p = 0; p < policies.length; p++) {
            assertEquals(fed, listeners[p].telegramBytes + listeners[p].droppedBytes, where + ": every byte once");
            FramerStats s = framers[p].stats();
            assertEquals(listeners[p].telegrams, s.telegrams(), where);
            assertEquals(fed, s.telegramBytes() + s.totalDroppedBytes(), where);
            assertEquals(autoStats.crcMismatches(), s.crcMismatches(), where + ": framing is policy independent");
        }
        assertEquals(auto.telegrams + autoStats.dropped(DropReason.CRC_MISMATCH), off.telegrams, where);
        assertEquals(auto.withCrc, required.telegrams, where);
        assertTrue(auto.telegrams > BATCHES * TELEGRAMS_PER_BATCH / 5, where + ": enough telegrams survive");
        for (DropReason reason : DropReason.values()) {
            if (reason != DropReason.CRC_MISSING && reason != DropReason.OVERSIZE
                    && reason != DropReason.UNVERIFIED_MALFORMED) {   // the last one is the parse stage's
                assertTrue(autoStats.dropped(reason) > 0, where + ": the fuzz reaches " + reason);
            }
        }
    }
}
