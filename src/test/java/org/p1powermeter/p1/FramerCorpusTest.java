package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The framer against every telegram and derived stream of the dsmr_parser corpus, checked against manifest.json. */
class FramerCorpusTest {

    private static final FramerOptions AUTO = FramerOptions.defaults();

    static List<String> telegramFiles() {
        return Corpus.telegramFiles();
    }

    static List<String> crcMismatchFiles() {
        return Corpus.derivedFiles("_crc_mismatch.txt");
    }

    static List<String> checksumLineRemovedFiles() {
        return Corpus.derivedFiles("_checksum_line_removed.txt");
    }

    @Test
    void corpusHasTheFilesTheReadmeLists() {
        assertEquals(14, telegramFiles().size());
        assertEquals(5, crcMismatchFiles().size());
        assertEquals(5, checksumLineRemovedFiles().size());
    }

    @ParameterizedTest
    @MethodSource("telegramFiles")
    void eachTelegramFileYieldsOneTelegramWithTheManifestsCrc(String file) {
        byte[] bytes = Corpus.bytes(file);
        JsonNode crc = Corpus.entry(file).get("crc");
        RecordingListener rec = Corpus.frame(AUTO, bytes);

        assertEquals(1, rec.telegrams().size(), rec.describe().toString());
        RawTelegram t = rec.telegrams().get(0);
        int given = Corpus.crcValue(crc.get("given").asText());
        assertEquals(given, t.crcGiven());
        assertEquals(given != RawTelegram.NO_CRC, t.hasCrc());
        assertEquals(Integer.parseInt(crc.get("computed").asText(), 16), t.crcComputed());
        assertEquals(Corpus.coveredEnd(Corpus.entry(file)), t.bangIndex());
        assertEquals('!', t.bytes()[t.bangIndex()]);
        assertArrayEquals(Arrays.copyOf(bytes, t.length()), t.bytes(), "the telegram is the file's first bytes");
        assertEquals("\r\n", new String(t.bytes(), t.length() - 2, 2, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(bytes.length - t.length(), rec.droppedBytes(DropReason.NOISE), "anything after is noise");
        assertEquals(rec.droppedBytes(), rec.droppedBytes(DropReason.NOISE), "no other drops");
    }

    @Test
    void unpaddedThreeDigitCrcIsReadAsAHexNumber() {
        RawTelegram t = Corpus.frame(AUTO, Corpus.bytes("v5_nwa_warmtelink_heat_unpadded_crc.txt")).telegrams().get(0);
        assertEquals(0x0B9F, t.crcGiven());
        assertTrue(t.crcMatches());
        assertTrue(t.text().endsWith("!B9F\r\n"));
    }

    @Test
    void easymeterGatewayTrailerAndFfPaddingAreOneRunOfNoise() {
        byte[] bytes = Corpus.bytes("de_easymeter_q3db1024_v304_com1.txt");
        RecordingListener rec = Corpus.frame(AUTO, bytes);
        RawTelegram t = rec.telegrams().get(0);
        assertFalse(t.hasCrc());
        assertEquals(List.of(new RecordingListener.Drop(DropReason.NOISE, bytes.length - t.length())),
                rec.drops());
        long ff = 0;
        for (int i = t.length(); i < bytes.length; i++) {
            ff += bytes[i] == (byte) 0xFF ? 1 : 0;
        }
        assertEquals(33, ff, "the 33 0xFF bytes are among the noise");
    }

    @Test
    void derivedTelegramWithRecomputedCrcPasses() {
        RecordingListener rec = Corpus.frame(AUTO, Corpus.bytes("derived/v5_iskra_mt382_1000_invalid_gas_timestamp.txt"));
        assertEquals(1, rec.telegrams().size());
        assertEquals(0x90C2, rec.telegrams().get(0).crcGiven());
        assertTrue(rec.telegrams().get(0).crcMatches());
    }

    @ParameterizedTest
    @MethodSource("crcMismatchFiles")
    void crcMismatchIsDroppedUnderAuto(String file) {
        byte[] bytes = Corpus.bytes(file);
        TelegramFramer framer = new TelegramFramer(AUTO, new RecordingListener());
        RecordingListener rec = Corpus.frame(AUTO, bytes);
        assertEquals(0, rec.telegrams().size());
        assertEquals(List.of(new RecordingListener.Drop(DropReason.CRC_MISMATCH, bytes.length)), rec.drops());
        framer.feed(bytes, 0, bytes.length);
        assertEquals(1, framer.stats().crcMismatches());
        assertEquals(1, framer.stats().dropped(DropReason.CRC_MISMATCH));
        assertEquals(bytes.length, framer.stats().droppedBytes(DropReason.CRC_MISMATCH));
    }

    @ParameterizedTest
    @MethodSource("crcMismatchFiles")
    void crcMismatchPassesUnderOffAndIsCounted(String file) {
        JsonNode crc = Corpus.entry(file).get("crc");
        RecordingListener rec = new RecordingListener();
        TelegramFramer framer = new TelegramFramer(AUTO.withCrcPolicy(CrcPolicy.OFF), rec);
        framer.feed(Corpus.bytes(file));
        framer.endOfInput();
        assertEquals(1, rec.telegrams().size());
        RawTelegram t = rec.telegrams().get(0);
        assertEquals(Integer.parseInt(crc.get("given").asText(), 16), t.crcGiven());
        assertEquals(Integer.parseInt(crc.get("computed").asText(), 16), t.crcComputed());
        assertFalse(t.crcMatches());
        assertEquals(1, framer.stats().crcMismatches());
        assertEquals(0, framer.stats().totalDropped());
    }

    @ParameterizedTest
    @MethodSource("checksumLineRemovedFiles")
    void telegramWithoutItsChecksumLineIsTruncatedAtEndOfInput(String file) {
        byte[] bytes = Corpus.bytes(file);
        RecordingListener rec = new RecordingListener();
        TelegramFramer framer = new TelegramFramer(AUTO, rec);
        framer.feed(bytes);
        assertEquals(List.of(), rec.events, "nothing is decided before the input ends");
        framer.endOfInput();
        assertEquals(List.of(new RecordingListener.Drop(DropReason.TRUNCATED, bytes.length)), rec.events);
    }

    @Test
    void requiredPolicyDropsATelegramWithoutCrc() {
        byte[] bytes = Corpus.bytes("v2_2_iskra_mt382_1004.txt");
        RecordingListener rec = Corpus.frame(AUTO.withCrcPolicy(CrcPolicy.REQUIRED), bytes);
        assertEquals(List.of(new RecordingListener.Drop(DropReason.CRC_MISSING, bytes.length)), rec.events);
        assertEquals(1, Corpus.frame(AUTO.withCrcPolicy(CrcPolicy.REQUIRED), Corpus.bytes("v4_2_kaifa.txt"))
                .telegrams().size(), "a telegram with a good CRC passes");
    }

    @Test
    void concatenatedStreamYieldsThreeTelegrams() {
        RecordingListener rec = Corpus.frame(AUTO, Corpus.bytes("derived/stream_v2_2_v4_2_v2_2_concatenated.txt"));
        assertEquals(3, rec.telegrams().size());
        assertEquals(List.of(), rec.drops());
        assertArrayEquals(Corpus.bytes("v4_2_kaifa.txt"), rec.telegrams().get(1).bytes());
        assertArrayEquals(Corpus.bytes("v2_2_iskra_mt382_1004.txt"), rec.telegrams().get(2).bytes());
    }

    @Test
    void telegramPrecededByAnUnclosedOneYieldsOneAndATruncatedDrop() {
        RecordingListener rec = Corpus.frame(AUTO, Corpus.bytes("derived/stream_v4_2_preceded_by_unclosed.txt"));
        byte[] kaifa = Corpus.bytes("v4_2_kaifa.txt");
        assertEquals(List.of(new RecordingListener.Drop(DropReason.TRUNCATED, kaifa.length - 1)), rec.drops());
        assertEquals(1, rec.telegrams().size());
        assertArrayEquals(kaifa, rec.telegrams().get(0).bytes());
    }

    @Test
    void telegramPrecededByAnUnopenedOneYieldsOneAfterNoise() {
        RecordingListener rec = Corpus.frame(AUTO, Corpus.bytes("derived/stream_v4_2_preceded_by_unopened.txt"));
        byte[] kaifa = Corpus.bytes("v4_2_kaifa.txt");
        assertEquals(2, rec.events.size());
        assertEquals(new RecordingListener.Drop(DropReason.NOISE, kaifa.length - 1), rec.events.get(0));
        assertArrayEquals(kaifa, rec.telegrams().get(0).bytes());
    }

    @Test
    void telegramTrailedByOneWithoutItsFinalLineFeedYieldsBothAtEndOfInput() {
        // TELEGRAM_V4_2 + TELEGRAM_V4_2[:-1]: the second ends at "!6796\r"; issue 7 defect 1 (was TRUNCATED)
        byte[] stream = Corpus.bytes("derived/stream_v4_2_trailed_by_unclosed.txt");
        RecordingListener rec = new RecordingListener();
        TelegramFramer framer = new TelegramFramer(AUTO, rec);
        framer.feed(stream);
        assertEquals(1, rec.telegrams().size());
        assertEquals(List.of(), rec.drops(), "the unclosed tail stays pending while the input lasts");
        framer.endOfInput();
        assertEquals(List.of(), rec.drops());
        assertEquals(2, rec.telegrams().size());
        assertTrue(rec.telegrams().get(1).crcMatches());
        assertEquals(stream.length / 2, rec.telegrams().get(1).length());
    }

    @Test
    void telegramTrailedByAnUnopenedOneYieldsOneThenNoise() {
        byte[] stream = Corpus.bytes("derived/stream_v4_2_trailed_by_unopened.txt");
        RecordingListener rec = Corpus.frame(AUTO, stream);
        assertEquals(1, rec.telegrams().size());
        assertEquals(List.of(new RecordingListener.Drop(DropReason.NOISE, stream.length - 893)), rec.drops());
    }
}
