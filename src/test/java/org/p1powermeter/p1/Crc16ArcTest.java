package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.p1powermeter.p1.SyntheticTelegram.latin1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Crc16ArcTest {

    /** Bit-by-bit CRC-16/ARC as written in the research notes §4, the reference for the table version. */
    private static int bitwise(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    @Test
    void catalogueCheckValues() {
        assertEquals(0xBB3D, Crc16Arc.compute(latin1("123456789")));
        assertEquals(0x30C0, Crc16Arc.compute(latin1("A")));
        assertEquals(0x28DC, Crc16Arc.compute(latin1("/!")));
        assertEquals(0, Crc16Arc.compute(new byte[0]));
    }

    @Test
    void registerAfterEachByteOfAKaifaHeader() {
        int[] expected = {0xDC41, 0x075C, 0xCB86, 0x978A, 0xB0D6};
        byte[] header = latin1("/KFM5");
        int crc = 0;
        for (int i = 0; i < header.length; i++) {
            crc = Crc16Arc.update(crc, header[i]);
            assertEquals(expected[i], crc, "after byte " + i);
        }
    }

    @Test
    void offsetAndLengthSelectTheCoveredBytes() {
        byte[] padded = latin1("xx123456789yy");
        assertEquals(0xBB3D, Crc16Arc.compute(padded, 2, 9));
        assertEquals(0xBB3D, Crc16Arc.update(Crc16Arc.compute(padded, 2, 4), padded, 6, 5));
    }

    @Test
    void signedAndUnsignedBytesGiveTheSameRegister() {
        for (int b = 0; b < 256; b++) {
            assertEquals(Crc16Arc.update(0x1234, b), Crc16Arc.update(0x1234, (byte) b), "byte " + b);
        }
    }

    @Test
    void tablesAgreeWithTheBitwiseDefinitionOnRandomData() {
        long seed = Long.getLong("p1.test.seed", 0xC0FFEEL);
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            assertEquals(bitwise(data, 0, data.length), Crc16Arc.compute(data), "seed " + seed + " round " + round);
            int off = data.length == 0 ? 0 : random.nextInt(data.length);
            int len = random.nextInt(data.length - off + 1);
            int start = random.nextInt(0x10000);
            int byteByByte = start;
            for (int i = off; i < off + len; i++) {
                byteByByte = Crc16Arc.update(byteByByte, data[i]);
            }
            assertEquals(byteByByte, Crc16Arc.update(start, data, off, len), "sliced vs per byte, seed " + seed);
        }
    }

    static Stream<String> filesWithComputedCrc() {
        return StreamSupport.stream(Corpus.manifest().spliterator(), false)
                .filter(e -> e.has("crc") && e.get("crc").has("computed"))
                .map(e -> e.get("file").asText());
    }

    @ParameterizedTest
    @MethodSource("filesWithComputedCrc")
    void corpusFileCrcIsWhatTheManifestSays(String file) {
        JsonNode entry = Corpus.entry(file);
        byte[] bytes = Corpus.bytes(file);
        int end = Corpus.coveredEnd(entry);
        assertEquals('!', bytes[end], "covered bytes end at the '!'");
        int expected = Integer.parseInt(entry.get("crc").get("computed").asText(), 16);
        assertEquals(expected, Crc16Arc.compute(bytes, 0, end + 1));
        assertEquals(expected, bitwise(bytes, 0, end + 1));
    }

    @Test
    void theTwoClassicMistakesGiveOtherValues() {
        byte[] kaifa = Corpus.bytes("v4_2_kaifa.txt");
        assertEquals(0x6796, Crc16Arc.compute(kaifa, 0, 887));
        assertEquals(0xD6AA, Crc16Arc.compute(kaifa, 0, 886), "without the '!'");
        assertFalse(Crc16Arc.compute(kaifa, 0, 888) == 0x6796, "with the first CRC digit");
    }
}
