package org.p1powermeter.p1;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts the encrypted frames of a Luxembourg Smarty or Austrian meter out of a byte stream fed in arbitrary chunks
 * and hands the plain telegram of each authentic frame on (docs/p1-telegrams.md §7):
 * {@code DB 08 <system title, 8> <length: 82 hi lo | 81 n | n> 30 <frame counter, 4> <ciphertext> <tag, 12>}.
 * The frames are binary and have no line structure, so they are framed by that header and its length.
 *
 * <p>Every frame gives either one {@link DecryptListener#onPlaintext} or one {@link DecryptListener#onDecryptFailure}
 * with its reason; bytes outside frames are {@link DecryptListener#onNoise}. A frame cut short by the next one (its
 * {@code DB 08} and system title inside the bytes of the cut one, and the tag fails) is {@link DecryptFailure#TRUNCATED}
 * and the next frame is read from where it starts. No input makes it throw.
 *
 * <p>Not thread-safe: feed, {@link #endOfInput()} and {@link #reset()} belong to one thread.
 */
public final class EncryptedFrameReader {

    private static final int TAG = 0xDB;
    /** Security byte + frame counter + at least one byte of text + tag. */
    private static final int MIN_LENGTH = 1 + 4 + 1 + FrameDecrypter.TAG_BYTES;
    /** DB, title length, title, length prefix. */
    private static final int FIXED_HEADER = 2 + FrameDecrypter.TITLE_BYTES + 1;
    private static final int TITLE_END = 2 + FrameDecrypter.TITLE_BYTES;

    private final FrameDecrypter decrypter;
    private final DecryptListener listener;
    private final int maxLength;
    private byte[] frame;
    private int size;
    /** Bytes the frame will have once its header is read, else 0. */
    private int total;
    private int header;
    private long pendingNoise;
    /** {@code DB 08} and the system title of the last authentic frame (the meter's), or null. */
    private byte[] lastHeader;

    /**
     * @param maxTelegramBytes the largest telegram accepted; a frame declaring more is {@link DecryptFailure#MALFORMED}
     */
    public EncryptedFrameReader(DecryptionKeys keys, int maxTelegramBytes, DecryptListener listener) {
        this.decrypter = new FrameDecrypter(Objects.requireNonNull(keys, "keys"));
        this.listener = Objects.requireNonNull(listener, "listener");
        this.maxLength = maxTelegramBytes + MIN_LENGTH;
        this.frame = new byte[1024];
    }

    public void feed(byte[] in, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, in.length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (size == 0) {
                int start = i;
                while (i < end && (in[i] & 0xFF) != TAG) {
                    i++;
                }
                pendingNoise += i - start;
                if (i == end) {
                    break;
                }
                flushNoise();
            }
            if (total == 0) {
                add(in[i++]);
                headerByte();
            } else {
                int n = Math.min(end - i, total - size);
                add(in, i, n);
                i += n;
                if (size == total) {
                    complete();
                }
            }
        }
    }

    public void feed(byte[] in) {
        feed(in, 0, in.length);
    }

    /** The input ended (end of file, connection closed): a frame in progress is {@link DecryptFailure#TRUNCATED}. */
    public void endOfInput() {
        if (size > 0) {
            int n = size;
            String detail = total == 0 ? n + " bytes of a frame header" : n + " of " + total + " bytes";
            clear();
            listener.onDecryptFailure(DecryptFailure.TRUNCATED, n, detail);
        }
        flushNoise();
    }

    /** Forgets a frame in progress and pending noise without reporting them (the frame counter is kept). */
    public void reset() {
        clear();
        pendingNoise = 0;
    }

    /** Checks the header byte just added; gives it up as {@link DecryptFailure#MALFORMED} when it cannot be one. */
    private void headerByte() {
        int at = size - 1;
        int b = frame[at] & 0xFF;
        if (at == 1 && b != FrameDecrypter.TITLE_BYTES) {
            malformed("system title length " + b + ", not 8");
        } else if (at == TITLE_END) {
            if (b > 0x82 || b == 0x80) {
                malformed(String.format("length prefix %02X", b));
            } else if (b < 0x80) {
                declare(b, FIXED_HEADER);
            }
        } else if (at > TITLE_END) {
            int prefix = frame[TITLE_END] & 0xFF;
            if (prefix == 0x81) {
                declare(b, FIXED_HEADER + 1);
            } else if (at == TITLE_END + 2) {
                declare(((frame[TITLE_END + 1] & 0xFF) << 8) | b, FIXED_HEADER + 2);
            }
        }
    }

    private void declare(int length, int headerLength) {
        if (length < MIN_LENGTH || length > maxLength) {
            malformed("declared length " + length + ", not " + MIN_LENGTH + "-" + maxLength);
            return;
        }
        header = headerLength;
        total = headerLength + length;
        if (frame.length < total) {
            frame = Arrays.copyOf(frame, total);
        }
    }

    /** The header is not one: the {@code DB} is given up, the bytes after it are read again. */
    private void malformed(String detail) {
        byte[] rest = Arrays.copyOfRange(frame, 1, size);
        clear();
        listener.onDecryptFailure(DecryptFailure.MALFORMED, 1, detail);
        feed(rest, 0, rest.length);
    }

    private void complete() {
        FrameDecrypter.Result result = decrypter.decrypt(frame, header, total);
        if (result.plaintext() != null) {
            lastHeader = Arrays.copyOf(frame, TITLE_END);
            clear();
            listener.onPlaintext(result.plaintext());
            return;
        }
        int next = result.failure() == DecryptFailure.WRONG_KEY || result.failure() == DecryptFailure.TAG_MISMATCH
                ? nextFrameStart() : -1;
        if (next > 0) {
            // the frame was cut and the next one began inside it (when only its first byte or two are here, that
            // may be chance: the reason stays, but the bytes are read again all the same)
            boolean cut = total - next >= 3;
            byte[] rest = Arrays.copyOfRange(frame, next, total);
            clear();
            listener.onDecryptFailure(cut ? DecryptFailure.TRUNCATED : result.failure(), next,
                    cut ? next + " bytes, then the next frame began" : result.detail());
            feed(rest, 0, rest.length);
            return;
        }
        int n = total;
        clear();
        listener.onDecryptFailure(result.failure(), n, result.detail());
    }

    /**
     * Where {@code DB 08} and a system title start again inside this frame, or -1: the title of the last authentic
     * frame, or this frame's own (its header may be the damaged part). Near the end, where the frame holds only the
     * start of such a header, that start counts.
     */
    private int nextFrameStart() {
        for (int i = 1; i < total; i++) {
            if ((lastHeader != null && startsAt(lastHeader, i)) || startsAt(frame, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsAt(byte[] header, int at) {
        int n = Math.min(TITLE_END, total - at);
        for (int k = 0; k < n; k++) {
            if (frame[at + k] != header[k]) {
                return false;
            }
        }
        return true;
    }

    private void add(byte b) {
        frame[size++] = b;
    }

    private void add(byte[] in, int from, int n) {
        System.arraycopy(in, from, frame, size, n);
        size += n;
    }

    private void clear() {
        size = 0;
        total = 0;
        header = 0;
    }

    private void flushNoise() {
        while (pendingNoise > 0) {
            int n = (int) Math.min(pendingNoise, Integer.MAX_VALUE);
            pendingNoise -= n;
            listener.onNoise(n);
        }
    }
}
