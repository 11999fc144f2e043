package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A framed telegram read back from its bytes (as bridge mode reads them from Kafka). */
class RawTelegramOfTest {

    @Test
    void aFramedTelegramReadBackKeepsBytesAndCrc() {
        RawTelegram framed = TestTelegrams.corpus("v5_iskra_mt382_1000.txt");
        RawTelegram back = RawTelegram.of(framed.bytes());
        assertArrayEquals(framed.bytes(), back.bytes());
        assertEquals(framed.bangIndex(), back.bangIndex());
        assertTrue(back.hasCrc());
        assertTrue(back.crcMatches(), back.toString());
    }

    @Test
    void aDamagedTelegramShowsTheMismatchAndGarbageNeverThrows() {
        byte[] bytes = TestTelegrams.corpus("v5_iskra_mt382_1000.txt").bytes().clone();
        bytes[30] ^= 1;
        assertFalse(RawTelegram.of(bytes).crcMatches());
        RawTelegram garbage = RawTelegram.of("no telegram at all".getBytes(StandardCharsets.US_ASCII));
        assertFalse(garbage.hasCrc());
        assertEquals(0, RawTelegram.of(new byte[0]).length());
    }
}
