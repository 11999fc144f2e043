package org.p1powermeter.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk form of a {@link SpoolRecord}: {@code int bodyLength, int crc32c(body), body}, the body being
 * {@code long sequence, long appendedAtMillis, byte qos, byte retained, short topicLength, topic (UTF-8), payload}.
 * Big-endian. A record whose length or checksum does not hold is {@link Corrupt}.
 */
final class RecordCodec {

    static final int HEADER_BYTES = 8;
    static final int FIXED_BODY_BYTES = 8 + 8 + 1 + 1 + 2;
    static final int MAX_BODY_BYTES = 16 << 20;

    /** A record that cannot be what was written: bad length, bad checksum or bad fields. */
    static final class Corrupt extends Exception {
        Corrupt(String reason) {
            super(reason);
        }
    }

    private RecordCodec() {
    }

    static int encodedSize(byte[] topic, byte[] payload) {
        return HEADER_BYTES + FIXED_BODY_BYTES + topic.length + payload.length;
    }

    static byte[] topicBytes(String topic) {
        byte[] bytes = topic.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("topic longer than 65535 bytes");
        }
        return bytes;
    }

    /** Writes one record at the buffer's position (the buffer must have room for {@link #encodedSize}). */
    static void encode(ByteBuffer buf, long sequence, long appendedAt, byte[] topic, byte[] payload, int qos,
            boolean retained) {
        int bodyLength = FIXED_BODY_BYTES + topic.length + payload.length;
        int start = buf.position();
        buf.putInt(bodyLength).putInt(0);
        buf.putLong(sequence).putLong(appendedAt).put((byte) qos).put((byte) (retained ? 1 : 0))
                .putShort((short) topic.length).put(topic).put(payload);
        buf.putInt(start + 4, crc(buf, start + HEADER_BYTES, bodyLength));
    }

    /**
     * Reads the record at the buffer's position and moves past it; returns null, without moving, when the buffer
     * ends inside the record.
     */
    static SpoolRecord decode(ByteBuffer buf) throws Corrupt {
        int start = buf.position();
        if (buf.remaining() < HEADER_BYTES) {
            return null;
        }
        int bodyLength = buf.getInt(start);
        if (bodyLength < FIXED_BODY_BYTES || bodyLength > MAX_BODY_BYTES) {
            throw new Corrupt("record length " + bodyLength + " out of range");
        }
        if (buf.remaining() < HEADER_BYTES + bodyLength) {
            return null;
        }
        int body = start + HEADER_BYTES;
        if (crc(buf, body, bodyLength) != buf.getInt(start + 4)) {
            throw new Corrupt("checksum mismatch");
        }
        long sequence = buf.getLong(body);
        long appendedAt = buf.getLong(body + 8);
        int qos = buf.get(body + 16);
        boolean retained = buf.get(body + 17) != 0;
        int topicLength = Short.toUnsignedInt(buf.getShort(body + 18));
        if (FIXED_BODY_BYTES + topicLength > bodyLength || qos < 0 || qos > 2) {
            throw new Corrupt("bad fields");
        }
        byte[] topic = new byte[topicLength];
        byte[] payload = new byte[bodyLength - FIXED_BODY_BYTES - topicLength];
        buf.position(body + FIXED_BODY_BYTES);
        buf.get(topic).get(payload);
        return new SpoolRecord(sequence, appendedAt, new String(topic, StandardCharsets.UTF_8), payload, qos, retained);
    }

    private static int crc(ByteBuffer buf, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buf.duplicate().limit(from + length).position(from));
        return (int) crc.getValue();
    }
}
