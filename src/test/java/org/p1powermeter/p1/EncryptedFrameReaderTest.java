package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Encrypted P1 frames: the corpus frame with its test keys, frames this test encrypts with other keys, and every
 * failure with its reason.
 */
class EncryptedFrameReaderTest {

    private static final String CORPUS_EK = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String CORPUS_AK = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String KEY = "D491470F47126332B07D1923B3504188";
    private static final String OTHER_KEY = "0F1E2D3C4B5A69788796A5B4C3D2E1F0";
    private static final byte[] TELEGRAM = Corpus.bytes("at_sagemcom_t210_d_r_plaintext.txt");
    private static final byte[] SMARTY_LIKE = Corpus.bytes("v5_iskra_mt382_1000.txt");

    private final RecordingDecryptListener seen = new RecordingDecryptListener();

    private EncryptedFrameReader reader(String ek, String ak) {
        return new EncryptedFrameReader(DecryptionKeys.parse(ek, ak), 16384, seen);
    }

    @Test
    void theCorpusFrameDecryptsWithItsTestKeysToThePlainTelegram() {
        byte[] frame = Corpus.bytes("derived/at_sagemcom_t210_d_r_encrypted_testkeys.bin");
        EncryptedFrameReader r = reader(CORPUS_EK, CORPUS_AK);
        r.feed(frame);
        r.endOfInput();
        assertEquals(List.of(), seen.failures);
        assertEquals(1, seen.plaintexts.size());
        assertArrayEquals(TELEGRAM, seen.plaintexts.get(0));
    }

    @Test
    void theCorpusFrameWithAnotherAuthenticationKeyFailsItsTag() {
        EncryptedFrameReader r = reader(CORPUS_EK, ""); // the Smarty default, not the frame's BB…BB
        r.feed(Corpus.bytes("derived/at_sagemcom_t210_d_r_encrypted_testkeys.bin"));
        assertEquals(List.of(DecryptFailure.TAG_MISMATCH), seen.reasons());
        assertTrue(seen.plaintexts.isEmpty());
    }

    @Test
    void framesEncryptedHereWithTheSmartyKeyDecryptFedInRandomChunks() {
        FrameEncrypter meter = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            stream.writeBytes(meter.frame(i % 2 == 0 ? TELEGRAM : SMARTY_LIKE, 1000 + i));
        }
        byte[] bytes = stream.toByteArray();
        EncryptedFrameReader r = reader(KEY, "");
        Random random = new Random(3);
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(200));
            r.feed(bytes, at, n);
            at += n;
        }
        assertEquals(List.of(), seen.failures);
        assertEquals(20, seen.plaintexts.size());
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(i % 2 == 0 ? TELEGRAM : SMARTY_LIKE, seen.plaintexts.get(i));
        }
    }

    @Test
    void anAustrianAuthenticationKeyAndAOneByteLengthWork() {
        String ak = "102030405060708090A0B0C0D0E0F000";
        byte[] small = "/ABC5\r\n\r\n1-0:1.8.0(000001.000*kWh)\r\n!1234\r\n".getBytes();
        byte[] frame = new FrameEncrypter(OTHER_KEY, ak).frame(small, 7);
        // rewrite the length as A-XDR's one-byte form 81 n
        byte[] oneByte = TestBytes.splice(frame, 10, 13, new byte[] {(byte) 0x81, frame[12]});
        EncryptedFrameReader r = reader(OTHER_KEY, ak);
        r.feed(oneByte);
        assertEquals(List.of(), seen.failures);
        assertArrayEquals(small, seen.plaintexts.get(0));
    }

    @Test
    void aWrongDecryptionKeyIsToldApartFromAWrongAuthenticationKey() {
        byte[] frame = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY).frame(TELEGRAM, 1);
        reader(OTHER_KEY, "").feed(frame);
        reader(KEY, "FFEEDDCCBBAA99887766554433221100").feed(frame);
        assertEquals(List.of(DecryptFailure.WRONG_KEY, DecryptFailure.TAG_MISMATCH), seen.reasons());
        assertEquals(frame.length, seen.failures.get(0).bytes());
        assertTrue(seen.plaintexts.isEmpty());
    }

    @Test
    void anAlteredTagOrCiphertextByteIsATagMismatch() {
        FrameEncrypter meter = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY);
        byte[] tag = meter.frame(TELEGRAM, 1);
        tag[tag.length - 1] ^= 1;
        byte[] text = meter.frame(TELEGRAM, 2);
        text[100] ^= 0x40;
        EncryptedFrameReader r = reader(KEY, "");
        r.feed(tag);
        r.feed(text);
        r.feed(meter.frame(TELEGRAM, 3));
        assertEquals(List.of(DecryptFailure.TAG_MISMATCH, DecryptFailure.TAG_MISMATCH), seen.reasons());
        assertEquals(1, seen.plaintexts.size(), "the good frame after them");
    }

    @Test
    void aFrameCounterThatGoesBackwardsOrRepeatsIsRefused() {
        FrameEncrypter meter = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY);
        EncryptedFrameReader r = reader(KEY, "");
        r.feed(meter.frame(TELEGRAM, 500));
        r.feed(meter.frame(TELEGRAM, 499));
        r.feed(meter.frame(TELEGRAM, 500));
        r.reset(); // a reconnect does not make a replay acceptable
        r.feed(meter.frame(TELEGRAM, 12));
        r.feed(meter.frame(TELEGRAM, 501));
        assertEquals(List.of(DecryptFailure.COUNTER_BACKWARDS, DecryptFailure.COUNTER_BACKWARDS,
                DecryptFailure.COUNTER_BACKWARDS), seen.reasons());
        assertEquals("frame counter 499 after 500", seen.failures.get(0).detail());
        assertEquals(2, seen.plaintexts.size());
    }

    @Test
    void aFrameCutByTheEndOfInputOrByTheNextFrameIsTruncated() {
        FrameEncrypter meter = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY);
        byte[] first = meter.frame(TELEGRAM, 1);
        byte[] second = meter.frame(TELEGRAM, 2);
        byte[] third = meter.frame(TELEGRAM, 3);
        EncryptedFrameReader r = reader(KEY, "");
        r.feed(first, 0, 200);
        r.feed(second);                     // the cut frame swallows the start of the next one
        r.feed(third, 0, 5);
        r.endOfInput();
        assertEquals(List.of(DecryptFailure.TRUNCATED, DecryptFailure.TRUNCATED), seen.reasons());
        assertEquals(200, seen.failures.get(0).bytes());
        assertEquals("5 bytes of a frame header", seen.failures.get(1).detail());
        assertEquals(1, seen.plaintexts.size(), "the frame after the cut one");
        assertArrayEquals(TELEGRAM, seen.plaintexts.get(0));
    }

    @Test
    void aMalformedHeaderIsSkippedAndTheNextFrameRead() {
        byte[] good = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY).frame(TELEGRAM, 9);
        EncryptedFrameReader r = reader(KEY, "");
        r.feed(new byte[] {'x', 'y', (byte) 0xDB, 0x10, 0, 0});
        byte[] hugeLength = good.clone();
        hugeLength[11] = (byte) 0xFF;
        r.feed(hugeLength, 0, 14);
        r.feed(good);
        assertEquals(List.of(DecryptFailure.MALFORMED, DecryptFailure.MALFORMED), seen.reasons());
        assertEquals("system title length 16, not 8", seen.failures.get(0).detail());
        assertEquals("declared length " + (0xFF00 | good[12] & 0xFF) + ", not 18-16402", seen.failures.get(1).detail());
        assertEquals(1, seen.plaintexts.size());
    }

    @Test
    void aFrameThatIsOnlyEncryptedNeedsATelegramWithACrcInside() {
        FrameEncrypter meter = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY);
        EncryptedFrameReader r = reader(KEY, "");
        r.feed(meter.frame(TELEGRAM, 1, 0x20));
        reader(OTHER_KEY, "").feed(meter.frame(TELEGRAM, 2, 0x20));
        assertEquals(1, seen.plaintexts.size());
        assertArrayEquals(TELEGRAM, seen.plaintexts.get(0));
        assertEquals(List.of(DecryptFailure.WRONG_KEY), seen.reasons());
    }

    @Test
    void keysAreCheckedWithoutEverEchoingThem() {
        String typo = "D491470F47126332B07D1923B350418G";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecryptionKeys.parse(typo, ""));
        assertEquals("the decryption key is not 32 hex digits (it has characters other than 0-9 and A-F)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DecryptionKeys.parse(KEY, KEY + "00"));
        assertEquals("the authentication key is not 32 hex digits (it has 34 characters)", e.getMessage());
        DecryptionKeys keys = DecryptionKeys.parse("d4 91 47 0f 47 12 63 32 b0 7d 19 23 b3 50 41 88", "");
        assertEquals(DecryptionKeys.parse(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY), keys);
        assertFalse(keys.toString().toUpperCase().contains("D491"), keys.toString());
    }
}
