package org.p1powermeter.spool;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The on-disk form of the spool: blocks, each {@code int bodyLength, int crc32c(body), body}, big-endian. A block
 * holds the messages of one telegram (or whatever was appended between two {@link DiskSpool#seal()}s) with
 * consecutive sequences. Its body is {@code byte format, long firstSequence, long appendedAtMillis, short count}
 * and then, deflated, the block's raw form: for each message {@code byte qos, byte retained, short topicLength, topic
 * (UTF-8), int payloadLength, payload}. Format 1 is deflated with the preset dictionary {@link #DICTIONARY} (the
 * first block of a segment file); format 2 with the raw form of the block before it in the same file as the
 * dictionary: consecutive telegrams differ in a few digits, so a block costs little more than those. A segment is
 * therefore read from its start, as the reader and the recovery do anyway. A block whose length or checksum does not hold is
 * {@link Corrupt}. A body starting with byte 0 is the earlier one-message record {@code long sequence, long
 * appendedAtMillis, byte qos, byte retained, short topicLength, topic, payload}, still read so an upgrade loses
 * nothing that was spooled.
 */
final class RecordCodec {

    static final int HEADER_BYTES = 8;
    static final int MAX_BODY_BYTES = 16 << 20;
    private static final byte FORMAT_BLOCK = 1;
    private static final byte FORMAT_CHAINED = 2;
    private static final int BLOCK_FIXED = 1 + 8 + 8 + 2;
    private static final int LEGACY_FIXED = 8 + 8 + 1 + 1 + 2;
    /** The most messages in one block (a DSMR telegram gives at most 26 events). */
    static final int MAX_BLOCK_MESSAGES = 4096;

    /**
     * Preset dictionary of format 1: the text a VSCP measurement event and its topic are made of, so even the first
     * event of a block compresses. Never change it: the spool files of earlier runs are read with it.
     */
    static final byte[] DICTIONARY = ("vscp/FF:FF:FF:FF:FF:FF:FF:FE:00:00:00:00:00:00:00:00/1040/"
            + "Meter reading active energy out in Instantaneous active power current voltage L1 L2 L3 "
            + "Electricity tariff gas reactive\",\"measurement\":{\"value\":0.000,\"unit\":1,\"sensorindex\":0,"
            + "\"zone\":0,\"subzone\":0}}{\"vscpHead\":32864,\"vscpObId\":0,\"vscpDateTime\":\"2026-01-01T00:00:00Z\","
            + "\"vscpTimeStamp\":0,\"vscpClass\":1040,\"vscpType\":13,\"vscpGuid\":\"FF:FF:FF:FF:FF:FF:FF:FE:"
            + "00:00:00:00:00:00:00:01\",\"vscpData\":[1,0,0,1,54,54,55,56,46,51,57,52,0],\"vscpNote\":\"")
            .getBytes(StandardCharsets.US_ASCII);

    /** A block or record that cannot be what was written: bad length, bad checksum or bad fields. */
    static final class Corrupt extends Exception {
        Corrupt(String reason) {
            super(reason);
        }
    }

    /** One message of a block as it is handed to {@link #encode}. */
    record Message(String topic, byte[] payload, int qos, boolean retained) {
    }

    private RecordCodec() {
    }

    static byte[] topicBytes(String topic) {
        byte[] bytes = topic.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("topic longer than 65535 bytes");
        }
        return bytes;
    }

    /** A block as written: the bytes for the file, and its raw form (the dictionary of the next block). */
    record Encoded(ByteBuffer block, byte[] raw) {
    }

    /** A block as read: its records and its raw form (the dictionary of the next block). */
    record Decoded(List<SpoolRecord> records, byte[] raw) {
    }

    /**
     * The whole block (header and body) of {@code messages}, the first one numbered {@code firstSequence};
     * {@code previousRaw}: the raw form of the block before it in the same file, or null for the first one.
     */
    static Encoded encode(long firstSequence, long appendedAt, List<Message> messages, byte[] previousRaw) {
        if (messages.isEmpty() || messages.size() > MAX_BLOCK_MESSAGES) {
            throw new IllegalArgumentException("a block holds 1 to " + MAX_BLOCK_MESSAGES + " messages: " + messages.size());
        }
        int rawSize = 0;
        for (Message m : messages) {
            rawSize += 8 + topicBytes(m.topic()).length + m.payload().length;
        }
        ByteBuffer raw = ByteBuffer.allocate(rawSize);
        for (Message m : messages) {
            byte[] topic = topicBytes(m.topic());
            raw.put((byte) m.qos()).put((byte) (m.retained() ? 1 : 0)).putShort((short) topic.length).put(topic)
                    .putInt(m.payload().length).put(m.payload());
        }
        byte[] deflated = deflate(raw.array(), previousRaw == null ? DICTIONARY : previousRaw);
        int bodyLength = BLOCK_FIXED + deflated.length;
        if (bodyLength > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("block of " + bodyLength + " bytes is too large");
        }
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + bodyLength);
        buf.putInt(bodyLength).putInt(0).put(previousRaw == null ? FORMAT_BLOCK : FORMAT_CHAINED).putLong(firstSequence)
                .putLong(appendedAt).putShort((short) messages.size()).put(deflated);
        buf.putInt(4, crc(buf, HEADER_BYTES, bodyLength));
        return new Encoded(buf.flip(), raw.array());
    }

    /** As {@link #encode(long, long, List, byte[])} for the first block of a file; the bytes for the file. */
    static ByteBuffer encode(long firstSequence, long appendedAt, List<Message> messages) {
        return encode(firstSequence, appendedAt, messages, null).block();
    }

    /**
     * Reads the block at the buffer's position and moves past it; returns null, without moving, when the buffer
     * ends inside the block. {@code previousRaw}: the raw form of the block before it in the file (null for the
     * first); a chained block without it is {@link Corrupt}.
     */
    static Decoded decode(ByteBuffer buf, byte[] previousRaw) throws Corrupt {
        int start = buf.position();
        if (buf.remaining() < HEADER_BYTES) {
            return null;
        }
        int bodyLength = buf.getInt(start);
        if (bodyLength < LEGACY_FIXED || bodyLength > MAX_BODY_BYTES) {
            throw new Corrupt("record length " + bodyLength + " out of range");
        }
        if (buf.remaining() < HEADER_BYTES + bodyLength) {
            return null;
        }
        int body = start + HEADER_BYTES;
        if (crc(buf, body, bodyLength) != buf.getInt(start + 4)) {
            throw new Corrupt("checksum mismatch");
        }
        byte format = buf.get(body);
        Decoded decoded;
        if (format == FORMAT_BLOCK) {
            decoded = block(buf, body, bodyLength, DICTIONARY);
        } else if (format == FORMAT_CHAINED) {
            if (previousRaw == null) {
                throw new Corrupt("a chained block without the block before it");
            }
            decoded = block(buf, body, bodyLength, previousRaw);
        } else {
            decoded = new Decoded(legacy(buf, body, bodyLength), null);
        }
        buf.position(body + bodyLength);
        return decoded;
    }

    /** The records of the block at the buffer's position, for a file's first block (tests). */
    static List<SpoolRecord> decode(ByteBuffer buf) throws Corrupt {
        Decoded d = decode(buf, null);
        return d == null ? null : d.records();
    }

    private static Decoded block(ByteBuffer buf, int body, int bodyLength, byte[] dictionary) throws Corrupt {
        long first = buf.getLong(body + 1);
        long appendedAt = buf.getLong(body + 9);
        int count = Short.toUnsignedInt(buf.getShort(body + 17));
        if (count == 0 || count > MAX_BLOCK_MESSAGES) {
            throw new Corrupt("block of " + count + " messages");
        }
        byte[] deflated = new byte[bodyLength - BLOCK_FIXED];
        buf.get(body + BLOCK_FIXED, deflated);
        byte[] rawBytes = inflate(deflated, dictionary);
        ByteBuffer raw = ByteBuffer.wrap(rawBytes);
        List<SpoolRecord> records = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                int qos = raw.get();
                boolean retained = raw.get() != 0;
                byte[] topic = new byte[Short.toUnsignedInt(raw.getShort())];
                raw.get(topic);
                int payloadLength = raw.getInt();
                if (qos < 0 || qos > 2 || payloadLength < 0 || payloadLength > raw.remaining()) {
                    throw new Corrupt("bad fields in message " + i);
                }
                byte[] payload = new byte[payloadLength];
                raw.get(payload);
                records.add(new SpoolRecord(first + i, appendedAt, new String(topic, StandardCharsets.UTF_8), payload,
                        qos, retained));
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new Corrupt("block shorter than its " + count + " messages");
        }
        if (raw.hasRemaining()) {
            throw new Corrupt("bytes after the last message of the block");
        }
        return new Decoded(records, rawBytes);
    }

    private static List<SpoolRecord> legacy(ByteBuffer buf, int body, int bodyLength) throws Corrupt {
        long sequence = buf.getLong(body);
        long appendedAt = buf.getLong(body + 8);
        int qos = buf.get(body + 16);
        boolean retained = buf.get(body + 17) != 0;
        int topicLength = Short.toUnsignedInt(buf.getShort(body + 18));
        if (LEGACY_FIXED + topicLength > bodyLength || qos < 0 || qos > 2) {
            throw new Corrupt("bad fields");
        }
        byte[] topic = new byte[topicLength];
        byte[] payload = new byte[bodyLength - LEGACY_FIXED - topicLength];
        buf.get(body + LEGACY_FIXED, topic);
        buf.get(body + LEGACY_FIXED + topicLength, payload);
        return List.of(new SpoolRecord(sequence, appendedAt, new String(topic, StandardCharsets.UTF_8), payload, qos, retained));
    }

    /** One (de)compressor per thread, reset for each block: a new one costs more than the block itself. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    private static byte[] deflate(byte[] raw, byte[] dictionary) {
        Deflater deflater = DEFLATER.get();
        try {
            deflater.setDictionary(dictionary);
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.reset();
        }
    }

    private static byte[] inflate(byte[] deflated, byte[] dictionary) throws Corrupt {
        Inflater inflater = INFLATER.get();
        try {
            inflater.setDictionary(dictionary);
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 6);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Corrupt("deflated data ends early");
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_BODY_BYTES * 8) {
                    throw new Corrupt("inflates past " + (MAX_BODY_BYTES * 8) + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Corrupt("bad deflated data: " + e.getMessage());
        } finally {
            inflater.reset();
        }
    }

    private static int crc(ByteBuffer buf, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buf.duplicate().limit(from + length).position(from));
        return (int) crc.getValue();
    }
}
