package org.p1powermeter.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The spool's {@code acknowledged} file: the sequence up to which every event was delivered, rewritten in place
 * (one small write, no new file and rename per flush). It holds two slots, {@code "%020d %08x\n"} (the sequence
 * and the CRC-32 of its 20 digits), written in turn: a write cut short by a crash damages at most the slot being
 * written, and reading takes the highest valid slot, so the position read is never past what was delivered (at
 * worst the previous one: a few events are sent again). A file in the older one-number format is read too.
 */
final class AckFile implements AutoCloseable {

    static final String NAME = "acknowledged";
    private static final int DIGITS = 20;
    private static final int SLOT = DIGITS + 1 + 8 + 1;

    private final FileChannel channel;
    private final ByteBuffer slot = ByteBuffer.allocate(SLOT);
    private int next;

    private AckFile(FileChannel channel) {
        this.channel = channel;
    }

    static AckFile open(Path dir) throws IOException {
        return new AckFile(FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }

    /** The acknowledged sequence the file holds; 0 when it is empty or unreadable (everything is sent again). */
    long read() throws IOException {
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(channel.size(), 2 * SLOT));
        while (all.hasRemaining() && channel.read(all, all.position()) > 0) {
            // read on
        }
        String text = new String(all.array(), 0, all.position(), StandardCharsets.US_ASCII);
        long best = Math.max(slotValue(text, 0), slotValue(text, SLOT));
        if (best >= 0) {
            next = slotValue(text, 0) == best ? 1 : 0; // overwrite the older slot first
            return best;
        }
        try {
            return Long.parseLong(text.strip()); // the format before the slots
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Writes {@code sequence} into the older slot (no fsync). */
    void write(long sequence) throws IOException {
        slot.clear();
        slot.put(slotText(sequence).getBytes(StandardCharsets.US_ASCII)).flip();
        long at = (long) next * SLOT;
        while (slot.hasRemaining()) {
            at += channel.write(slot, at);
        }
        next ^= 1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The sequence in the slot at {@code offset}, or -1 when the slot is absent or damaged. */
    private static long slotValue(String text, int offset) {
        if (text.length() < offset + SLOT) {
            return -1;
        }
        String slotText = text.substring(offset, offset + SLOT);
        try {
            long value = Long.parseLong(slotText.substring(0, DIGITS));
            return value >= 0 && slotText.equals(slotText(value)) ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A slot: the sequence in 20 digits, a space, the CRC-32 of those digits in 8 hex digits, a newline. */
    private static String slotText(long sequence) {
        String digits = String.format("%0" + DIGITS + "d", sequence);
        CRC32 crc = new CRC32();
        crc.update(digits.getBytes(StandardCharsets.US_ASCII));
        return digits + String.format(" %08x\n", crc.getValue());
    }
}
