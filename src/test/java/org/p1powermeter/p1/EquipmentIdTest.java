package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The meter id of real telegrams (0-0:96.1.1, else 0-0:96.1.0, hex-decoded) and a framed telegram read back. */
class EquipmentIdTest {

    private final TelegramParser parser = new TelegramParser(ZoneId.of("Europe/Amsterdam"));

    @Test
    void dsmr5EquipmentIdIsHexDecoded() {
        assertEquals(Optional.of("K8EG004046395507"), EquipmentId.of(parser.parse(TestTelegrams.corpus("v5_iskra_mt382_1000.txt"))));
    }

    @Test
    void aMeterWithOnly96_1_0IsKnownByIt() {
        Telegram hungarian = parser.parse(TestTelegrams.corpus("hu_eon_sag_meter.txt"));
        assertEquals(null, hungarian.get(EquipmentId.EQUIPMENT_ID));
        assertEquals(Optional.of("890082200002160"), EquipmentId.of(hungarian));
    }

    @Test
    void aTelegramWithoutEquipmentIdHasNone() {
        assertEquals(Optional.empty(), EquipmentId.of(parser.parse(TestTelegrams.crlf("/ABC5\n\n1-0:1.8.0(000001.000*kWh)\n!"))));
    }

    @Test
    void aFramedTelegramReadBackFromItsBytesKeepsBytesAndCrc() {
        RawTelegram framed = TestTelegrams.corpus("v5_iskra_mt382_1000.txt");
        RawTelegram back = RawTelegram.of(framed.bytes());
        assertArrayEquals(framed.bytes(), back.bytes());
        assertEquals(framed.bangIndex(), back.bangIndex());
        assertTrue(back.hasCrc());
        assertTrue(back.crcMatches(), back.toString());
    }

    @Test
    void aDamagedTelegramReadBackShowsTheMismatchAndGarbageNeverThrows() {
        byte[] bytes = TestTelegrams.corpus("v5_iskra_mt382_1000.txt").bytes().clone();
        bytes[30] ^= 1;
        assertFalse(RawTelegram.of(bytes).crcMatches());
        RawTelegram garbage = RawTelegram.of("no telegram at all".getBytes(StandardCharsets.US_ASCII));
        assertFalse(garbage.hasCrc());
        RawTelegram empty = RawTelegram.of(new byte[0]);
        assertEquals(0, empty.length());
    }
}
