package org.p1powermeter.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.testing.MutableClock;

/** The block format: a chained block needs the block before it; a spool left by the earlier one-record format is read. */
class RecordCodecTest {

    @TempDir
    Path dir;

    @Test
    void aChainedBlockDecodesOnlyWithTheBlockBeforeIt() throws Exception {
        List<RecordCodec.Message> first = List.of(new RecordCodec.Message("a/1", bytes("{\"v\":1.001}"), 1, false));
        List<RecordCodec.Message> second = List.of(new RecordCodec.Message("a/1", bytes("{\"v\":1.002}"), 0, true));
        RecordCodec.Encoded one = RecordCodec.encode(1, 10, first, null);
        RecordCodec.Encoded two = RecordCodec.encode(2, 11, second, one.raw());
        RecordCodec.Decoded d1 = RecordCodec.decode(one.block().duplicate(), null);
        RecordCodec.Decoded d2 = RecordCodec.decode(two.block().duplicate(), d1.raw());
        SpoolRecord r = d2.records().get(0);
        assertEquals(2, r.sequence());
        assertEquals(0, r.qos());
        assertTrue(r.retained());
        assertArrayEquals(bytes("{\"v\":1.002}"), r.payload());
        assertThrows(RecordCodec.Corrupt.class, () -> RecordCodec.decode(two.block().duplicate(), null));
    }

    @Test
    void aSegmentOfTheEarlierOneRecordFormatIsStillRead() throws Exception {
        ByteBuffer file = ByteBuffer.allocate(1024);
        for (long seq = 1; seq <= 3; seq++) {
            legacyRecord(file, seq, "vscp/t/" + seq, "{\"n\":" + seq + "}");
        }
        Files.write(dir.resolve(Segment.fileName(1)), java.util.Arrays.copyOf(file.array(), file.position()));
        try (DiskSpool spool = DiskSpool.open(dir, SpoolLimits.of(1 << 20, Duration.ofDays(1)), new MutableClock())) {
            List<SpoolRecord> records = spool.read(10);
            assertEquals(3, records.size(), spool.counters().toString());
            assertEquals("vscp/t/3", records.get(2).topic());
            assertEquals("{\"n\":3}", new String(records.get(2).payload(), StandardCharsets.UTF_8));
            assertEquals(4, spool.append("vscp/t/4", bytes("{\"n\":4}"), 1, false), "new blocks go on after them");
        }
    }

    /** {@code int bodyLength, int crc32c(body), long sequence, long appendedAt, byte qos, byte retained, short topicLength, topic, payload}. */
    private static void legacyRecord(ByteBuffer out, long sequence, String topic, String payload) {
        byte[] t = bytes(topic);
        byte[] p = bytes(payload);
        ByteBuffer body = ByteBuffer.allocate(20 + t.length + p.length);
        body.putLong(sequence).putLong(1000).put((byte) 1).put((byte) 0).putShort((short) t.length).put(t).put(p).flip();
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        out.putInt(body.remaining()).putInt((int) crc.getValue()).put(body);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
