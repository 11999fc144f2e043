package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p1powermeter.p1.SyntheticTelegram.crcOf;
import static org.p1powermeter.p1.SyntheticTelegram.small;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p1powermeter.p1.RecordingListener.Drop;

/** Edge cases of the '!' line: CRC digits, line ends, what may and may not follow the CRC. */
class TelegramTrailerTest extends FramerFixture {

    /** Finds a telegram whose CRC is below {@code bound}, i.e. would be written with fewer digits unpadded. */
    private static String throughBangWithCrcBelow(int bound) {
        for (int n = 0; ; n++) {
            String candidate = "/NWA-WARMTELINK\r\n\r\n0-1:24.2.1(" + n + "*GJ)\r\n!";
            if (crcOf(candidate) < bound) {
                return candidate;
            }
        }
    }

    @Test
    void oneTwoAndThreeDigitCrcsAreReadAsNumbers() {
        for (int digits = 1; digits <= 3; digits++) {
            String body = throughBangWithCrcBelow(1 << (4 * digits));
            String t = body + Integer.toHexString(crcOf(body)).toUpperCase() + "\r\n";
            rec.clear();
            feed(t);
            assertEquals(List.of(t), telegramTexts(), digits + " digits");
            assertEquals(crcOf(body), rec.telegrams().get(0).crcGiven());
        }
    }

    @Test
    void lowerCaseHexCrcIsAccepted() {
        String body = "/KFM5 x\r\n\r\n1-0:1.8.1(1*kWh)\r\n!";
        String t = body + String.format("%04x", crcOf(body)) + "\r\n";
        assertTrue(t.matches("(?s).*![0-9a-f]*[a-f][0-9a-f]*\r\n"), "the CRC has a letter: " + t);
        feed(t);
        assertEquals(List.of(t), telegramTexts());
    }

    @Test
    void telegramWithCrOnlyLineEndsEndsAtTheTrailersCr() {
        String body = "/KFM5 x\r\r1-0:1.8.1(1*kWh)\r!";
        String t = body + String.format("%04X", crcOf(body)) + "\r";
        feed(t);
        assertEquals(List.of(t), telegramTexts(), "emitted without waiting for another byte");
    }

    @Test
    void telegramWithLfOnlyLineEndsEndsAtTheTrailersLf() {
        String body = "/KFM5 x\n\n1-0:1.8.1(1*kWh)\n!";
        String t = body + String.format("%04X", crcOf(body)) + "\n";
        feed(t + t);
        assertEquals(List.of(t, t), telegramTexts());
    }

    @Test
    void crLfTelegramEndingInALoneLfIsAccepted() {
        String body = "/KFM5 x\r\n\r\n1-0:1.8.1(1*kWh)\r\n!";
        String t = body + String.format("%04X", crcOf(body)) + "\n";
        feed(t);
        assertEquals(List.of(t), telegramTexts());
    }

    @Test
    void crLfTelegramWaitsForTheLfAfterTheTrailersCr() {
        String t = small("1");
        feed(t.substring(0, t.length() - 1));
        assertEquals(List.of(), rec.events);
        feed("\n");
        assertEquals(List.of(t), telegramTexts());
    }

    @Test
    void crLfTelegramWhoseTrailerCrIsFollowedByGarbageIsMalformed() {
        String t = small("1");
        String cut = t.substring(0, t.length() - 1);
        feed(cut + "x" + t);
        assertEquals(List.of(new Drop(DropReason.MALFORMED_TRAILER, cut.length()), new Drop(DropReason.NOISE, 1)),
                rec.drops());
        assertEquals(List.of(t), telegramTexts());
    }

    @Test
    void slashRightAfterTheCrcDigitsStartsTheNextTelegram() {
        String first = small("1");
        String firstWithoutLineEnd = first.substring(0, first.length() - 2);
        String second = small("2");
        feed(firstWithoutLineEnd + second);
        assertEquals(List.of(firstWithoutLineEnd, second), telegramTexts());
        assertEquals(List.of(), rec.drops());
    }

    @Test
    void nulAfterTheCrcDigitsIsTolerated() {
        String t = small("1");
        String withNul = t.substring(0, t.length() - 2) + "\0\r\n";
        feed(withNul + t);
        assertEquals(List.of(withNul, t), telegramTexts());
    }

    @Test
    void garbageAfterTheCrcIsAMalformedTrailer() {
        String t = small("1");
        String head = t.substring(0, t.length() - 2);
        feed(head + "Zjunk\r\n" + head + "\0\0\r\n" + head + "0\r\n" + t);
        assertEquals(List.of(
                new Drop(DropReason.MALFORMED_TRAILER, head.length() + 1), new Drop(DropReason.NOISE, 6),
                new Drop(DropReason.MALFORMED_TRAILER, head.length() + 2), new Drop(DropReason.NOISE, 2),
                new Drop(DropReason.MALFORMED_TRAILER, head.length() + 1), new Drop(DropReason.NOISE, 2)),
                rec.drops(), "second NUL and fifth hex digit are malformed too");
        assertEquals(List.of(t), telegramTexts());
    }

    @Test
    void bangDirectlyFollowedBySlashIsMalformedAndTheSlashStartsTheNext() {
        String t = small("1");
        String noCrc = "/ABC5\r\n\r\n1-0:1.8.1(1)\r\n!";
        feed(noCrc + t);
        assertEquals(List.of(new Drop(DropReason.MALFORMED_TRAILER, noCrc.length())), rec.drops());
        assertEquals(List.of(t), telegramTexts());
    }

    @Test
    void telegramWithoutCrcIsAcceptedUnderAuto() {
        String t = "/ISk5\\2MT382-1004\r\n\r\n1-0:1.8.1(00001.001*kWh)\r\n!\r\n";
        feed(t);
        assertEquals(List.of(t), telegramTexts());
        assertFalse(rec.telegrams().get(0).hasCrc());
        assertEquals(crcOf(t.substring(0, t.length() - 2)), rec.telegrams().get(0).crcComputed());
    }

}
