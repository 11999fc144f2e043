package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p1powermeter.p1.SyntheticTelegram.concat;
import static org.p1powermeter.p1.SyntheticTelegram.latin1;
import static org.p1powermeter.p1.SyntheticTelegram.small;
import static org.p1powermeter.p1.SyntheticTelegram.withCrc;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.p1powermeter.p1.RecordingListener.Drop;

/** Edge cases of framing (structure, size limits, noise, lifecycle), one behaviour per test, on small synthetic telegrams. */
class TelegramFramerTest extends FramerFixture {

    @Test
    void slashInsideAValueDoesNotRestart() {
        String t = withCrc("/ISK5\\2MT382-1000\r\n\r\n0-0:96.13.0(test-/-test)\r\n1-0:1.8.1(1/2)/x\r\n!");
        feed(t);
        assertEquals(List.of(t), telegramTexts());
        assertEquals(List.of(), rec.drops());
    }

    @Test
    void slashAtTheStartOfALineRestartsEvenInsideAnOpenValue() {
        // issue 7, defect 2: a stream cut inside 1-0:1.7.0(00.321*k and followed by a whole telegram lost both
        String cut = "/KFM5KAIFA-METER\r\n\r\n1-0:1.8.1(001581.123*kWh)\r\n1-0:1.7.0(00.321*k\r\n";
        String good = small("000002.000");
        feed(cut + good);
        assertEquals(List.of(new Drop(DropReason.TRUNCATED, cut.length())), rec.drops());
        assertEquals(List.of(good), telegramTexts());
    }

    @Test
    void slashAtTheStartOfALineRestartsInsideAnOpenValueAlsoWithoutCrcAndWithCrcOff() {
        String cut = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.1(00001.001*kWh)\r\n1-0:1.7.0(00.321*k\r\n";
        String noCrc = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.1(00002.002*kWh)\r\n1-0:1.7.0(0001.19*kW)\r\n!\r\n";
        for (CrcPolicy policy : List.of(CrcPolicy.AUTO, CrcPolicy.OFF)) {
            RecordingListener r = new RecordingListener();
            new TelegramFramer(AUTO.withCrcPolicy(policy), r).feed(latin1(cut + noCrc + cut + small("3")));
            assertEquals(List.of(new Drop(DropReason.TRUNCATED, cut.length())), r.drops().subList(0, 1), policy.name());
            assertEquals(noCrc, r.telegrams().get(0).text(), policy.name());
            assertEquals(2, r.drops(DropReason.TRUNCATED).size(), policy.name());
        }
    }

    @Test
    void endOfInputCompletesATrailerThatHasNoLineEnd() {
        // issue 7, defect 1: a capture, pipe or MQTT message ending at !XXXX was TRUNCATED
        String t = small("1");
        String stripped = t.substring(0, t.length() - 2);
        feed(stripped);
        assertEquals(List.of(), rec.events, "the trailer may still go on while the input lasts");
        framer.endOfInput();
        assertEquals(List.of(stripped), telegramTexts());
        assertTrue(rec.telegrams().get(0).crcMatches());
        assertEquals(List.of(), rec.drops());
    }

    @Test
    void eachMessageFedThenEndedIsOneTelegramWithOrWithoutItsLineEnd() {
        String crlf = small("1");
        String bare = small("2").substring(0, crlf.length() - 2);
        String cr = small("3").substring(0, crlf.length() - 1);
        String noCrc = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.1(00001.001*kWh)\r\n!";
        for (String message : List.of(crlf, bare, cr, noCrc)) {
            feed(message);
            framer.endOfInput();
        }
        assertEquals(List.of(crlf, bare, cr, noCrc), telegramTexts());
        assertEquals(List.of(), rec.drops());
        assertEquals(RawTelegram.NO_CRC, rec.telegrams().get(3).crcGiven());
    }

    @Test
    void endOfInputStillRejectsABadCrcAndTruncatesAnOpenBody() {
        String t = small("1");
        String badCrc = t.substring(0, t.length() - 6) + "0000";
        feed(badCrc);
        framer.endOfInput();
        String open = "/ABC5 x\r\n1-0:1.8.1(1";
        feed(open);
        framer.endOfInput();
        assertEquals(List.of(new Drop(DropReason.CRC_MISMATCH, badCrc.length()), new Drop(DropReason.TRUNCATED, open.length())),
                rec.drops());
    }

    @Test
    void slashAtTheStartOfALineRestartsAndTheUnfinishedOneIsTruncated() {
        String unfinished = "/ABC5 old\r\n\r\n1-0:1.8.1(000001.0";
        String partialLine = "00*kWh)\r\n";
        String good = small("000002.000");
        feed(unfinished + partialLine + good);
        assertEquals(List.of(new Drop(DropReason.TRUNCATED, unfinished.length() + partialLine.length())), rec.drops());
        assertEquals(List.of(good), telegramTexts());
    }

    @Test
    void bangInsideAValueIsData() {
        String t = withCrc("/ISK5 x\r\n\r\n0-0:96.13.0(wow!\r\n!still text)\r\n1-0:1.8.1(a!b)!\r\n!");
        feed(t);
        assertEquals(List.of(t), telegramTexts());
        assertEquals(t.lastIndexOf('!'), rec.telegrams().get(0).bangIndex());
    }

    @Test
    void valueWrappedOverTwoLinesKeepsItsInnerLineEnd() {
        String t = withCrc("/KFM5 x\r\n\r\n0-0:96.13.0(303132\r\n333435)\r\n!");
        feed(t);
        assertEquals(List.of(t), telegramTexts());
        assertTrue(rec.telegrams().get(0).crcMatches());
    }

    @Test
    void blankLinesAreKeptAsTheyAre() {
        String none = withCrc("/ELL5 x\r\n1-0:1.8.1(1*kWh)\r\n!");
        String extra = withCrc("/ELS5 x   \r\n\r\n\r\n1-0:1.8.1(1*kWh)\r\n\r\n!");
        feed(none + extra);
        assertEquals(List.of(none, extra), telegramTexts());
    }

    @Test
    void oversizeTelegramIsDroppedAndTheNextGoodOneIsStillEmitted() {
        TelegramFramer tiny = new TelegramFramer(new FramerOptions(64, CrcPolicy.AUTO), rec);
        String big = small("0".repeat(100));
        String good = small("1");
        assertTrue(good.length() <= 64);
        tiny.feed(latin1(big + good));
        tiny.endOfInput();
        assertEquals(List.of(good), telegramTexts());
        assertEquals(List.of(new Drop(DropReason.OVERSIZE, 64), new Drop(DropReason.NOISE, big.length() - 64)),
                rec.drops());
    }

    @Test
    void telegramOfExactlyTheMaximumSizeIsAcceptedOneByteMoreIsNot() {
        String exact = small("0".repeat(64 - small("").length()));
        assertEquals(64, exact.length());
        String over = small("0".repeat(65 - small("").length()));
        for (String t : List.of(exact, over)) {
            TelegramFramer tiny = new TelegramFramer(new FramerOptions(64, CrcPolicy.AUTO), rec);
            tiny.feed(latin1(t));
            tiny.endOfInput();
        }
        assertEquals(List.of(exact), telegramTexts());
        assertEquals(List.of(new Drop(DropReason.OVERSIZE, 64), new Drop(DropReason.NOISE, 1)), rec.drops());
    }

    @Test
    void megabytesOfJunkBetweenTelegramsAreOneNoiseDrop() {
        byte[] junk = junkWithoutSlash(4 << 20, 7);
        byte[] t = latin1(small("1"));
        framer.feed(concat(t, junk, t));
        assertEquals(List.of(new Drop(DropReason.NOISE, junk.length)), rec.drops());
        assertEquals(2, rec.telegrams().size());
    }

    @Test
    void aMegabyteLineInsideATelegramIsOversizeAndTheFramerRecovers() {
        byte[] head = latin1("/ABC5 x\r\n\r\n0-0:96.13.0(");
        byte[] junk = junkWithoutSlash(3 << 20, 11);
        byte[] t = latin1(small("1"));
        framer.feed(concat(head, junk, latin1(")\r\n!\r\n"), t));
        framer.endOfInput();
        assertEquals(DropReason.OVERSIZE, rec.drops().get(0).reason());
        assertEquals(AUTO.maxTelegramBytes(), rec.drops().get(0).byteCount());
        assertEquals(DropReason.NOISE, rec.drops().get(1).reason());
        assertEquals(List.of(small("1")), telegramTexts());
    }

    private static byte[] junkWithoutSlash(int size, long seed) {
        byte[] junk = new byte[size];
        new Random(seed).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            if (junk[i] == '/') {
                junk[i] = (byte) 0xFF;
            }
        }
        return junk;
    }

    @Test
    void nulFfAndHighBytesInsideATelegramAreKeptAndCovered() {
        String t = withCrc("/ABC5 \u00ff\u0000\r\n\r\n0-0:96.13.0(\u00ff\u00ff\u0080\u00b3\u0000)\r\n\u0000\u00ff\r\n!");
        feed("\u00ff\u00ff\u00fb" + t);
        assertEquals(List.of(t), telegramTexts());
        assertArrayEquals(latin1(t), rec.telegrams().get(0).bytes());
        assertEquals(List.of(new Drop(DropReason.NOISE, 3)), rec.drops());
    }

    @Test
    void noiseSplitOverManyFeedsIsReportedOnceWhenTheNextTelegramStarts() {
        for (int i = 0; i < 50; i++) {
            framer.feed(new byte[] {(byte) (0x80 + i)}, 0, 1);
        }
        assertEquals(List.of(), rec.events, "noise is reported when its run ends");
        feed(small("1"));
        assertEquals(List.of(new Drop(DropReason.NOISE, 50)), rec.drops());
        assertEquals(1, framer.stats().dropped(DropReason.NOISE));
        assertEquals(50, framer.stats().droppedBytes(DropReason.NOISE));
    }

    @Test
    void endOfInputReportsPendingNoiseOrTruncationAndFramingGoesOn() {
        feed("junk");
        framer.endOfInput();
        feed("/ABC5 partial\r\n");
        framer.endOfInput();
        framer.endOfInput();
        feed(small("1"));
        assertEquals(List.of(new Drop(DropReason.NOISE, 4), new Drop(DropReason.TRUNCATED, 15)), rec.drops());
        assertEquals(List.of(small("1")), telegramTexts());
    }

    @Test
    void resetForgetsAPartialTelegramSilently() {
        feed("xx/ABC5 partial\r\n1-0:1.8.1(");
        framer.reset();
        feed("1)\r\n!\r\n" + small("1"));
        assertEquals(List.of(small("1")), telegramTexts());
        assertEquals(List.of(new Drop(DropReason.NOISE, 2), new Drop(DropReason.NOISE, 7)), rec.drops(),
                "the noise before the reset was reported when the '/' came; the tail after it is noise");
    }

    @Test
    void statsCountTelegramsDropsAndMismatches() {
        String good = small("1");
        String bad = good.replace("(1*", "(2*");
        feed("noise" + good + bad + good);
        framer.endOfInput();
        FramerStats stats = framer.stats();
        assertEquals(2, stats.telegrams());
        assertEquals(2L * good.length(), stats.telegramBytes());
        assertEquals(1, stats.crcMismatches());
        assertEquals(1, stats.dropped(DropReason.CRC_MISMATCH));
        assertEquals(bad.length(), stats.droppedBytes(DropReason.CRC_MISMATCH));
        assertEquals(5, stats.droppedBytes(DropReason.NOISE));
        assertEquals(2, stats.totalDropped());
        assertEquals(bad.length() + 5, stats.totalDroppedBytes());
        assertTrue(stats.toString().contains("CRC_MISMATCH=1"), stats.toString());
    }

    @Test
    void offsetAndLengthSelectTheBytesFed() {
        byte[] t = latin1(small("1"));
        byte[] padded = new byte[t.length + 20];
        Arrays.fill(padded, (byte) '/');
        System.arraycopy(t, 0, padded, 10, t.length);
        framer.feed(padded, 10, t.length);
        framer.feed(padded, 3, 0);
        assertEquals(List.of(small("1")), telegramTexts());
        assertThrows(IndexOutOfBoundsException.class, () -> framer.feed(padded, 10, padded.length));
    }

    @Test
    void optionsAreValidated() {
        assertEquals(new FramerOptions(16384, CrcPolicy.AUTO), FramerOptions.defaults());
        assertThrows(IllegalArgumentException.class, () -> new FramerOptions(63, CrcPolicy.AUTO));
        assertThrows(NullPointerException.class, () -> new FramerOptions(64, null));
        assertEquals(CrcPolicy.OFF, FramerOptions.defaults().withCrcPolicy(CrcPolicy.OFF).crcPolicy());
        assertEquals(100, FramerOptions.defaults().withMaxTelegramBytes(100).maxTelegramBytes());
    }

}
