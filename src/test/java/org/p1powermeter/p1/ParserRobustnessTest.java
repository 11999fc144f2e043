package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TelegramParser#parse} never throws, whatever the bytes. */
class ParserRobustnessTest {

    private static final byte[] ALPHABET = "0123456789-:.*()/!\r\n \tkWhSW\u00ff\u0000AB".getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1);

    private final TelegramParser parser = new TelegramParser();

    private void assertParses(byte[] bytes, int bang) {
        Telegram t = parser.parse(new RawTelegram(bytes, RawTelegram.NO_CRC, 0, bang));
        assertNotNull(t.objects());
        for (ParseIssue issue : t.issues()) {
            assertTrue(!issue.reason().startsWith("internal"), issue + " for " + Arrays.toString(bytes));
        }
        t.objects().forEach(o -> o.values().forEach(v -> {
            v.text();
            v.decimal();
            v.integer();
            v.isTimestamp();
            v.timestamp(parser.zone());
            v.hexDecoded();
        }));
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            assertParses(bytes, random.nextInt(bytes.length + 2) - 1);
        }
    }

    @Test
    void everyPrefixOfARealTelegramParses() {
        byte[] full = TestTelegrams.corpusBytes("be_fluvius_v171.txt");
        for (int n = 0; n <= full.length; n++) {
            assertParses(Arrays.copyOf(full, n), -1);
        }
    }

    @Test
    void emptyAndNullInputGiveAnEmptyTelegram() {
        assertEquals(0, parser.parse(new RawTelegram(new byte[0], RawTelegram.NO_CRC, 0, -1)).objects().size());
        assertEquals(1, parser.parse(null).issues().size());
        assertEquals(1, parser.parse(new RawTelegram(null, RawTelegram.NO_CRC, 0, 0)).issues().size());
    }
}
