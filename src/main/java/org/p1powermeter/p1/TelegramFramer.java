package org.p1powermeter.p1;

import java.util.Objects;

/**
 * Cuts P1 telegrams out of a byte stream fed in arbitrary chunks, computing the CRC-16/ARC in the same pass.
 *
 * <p>States: HUNT for {@code /} (anything else is {@link DropReason#NOISE}) → BODY until a {@code !} at the start of
 * a line and outside {@code ( )} → TRAILER: 0–4 hex digits (upper or lower case, {@code !B9F} = 0x0B9F), an
 * optional NUL, then the line end. The telegram handed on holds the bytes from {@code /} through that line end
 * (CR LF, or a lone CR or LF; whether a CR ends it depends on the telegram's own header line: after a CR LF header
 * the trailer must end in CR LF too) or through the CRC digits when a {@code /} follows them directly.
 *
 * <p>Every byte fed ends up either in a telegram or in exactly one {@link FrameListener#onDrop} call; no input
 * makes it throw. A {@code /} at the start of a line restarts, also inside an open {@code (} (the unfinished telegram
 * is {@link DropReason#TRUNCATED}); the end of input (or of a message) completes a trailer that has no line end yet; a telegram longer than {@link FramerOptions#maxTelegramBytes()} is
 * {@link DropReason#OVERSIZE} and the framer hunts for the next {@code /}. Bytes are never normalised.
 *
 * <p>Not thread-safe: feed, {@link #endOfInput()}, {@link #reset()} and {@link #stats()} belong to one thread (or
 * need external locking). The listener is called on the feeding thread and must not call back into the framer.
 * Per byte there is no allocation and no call; a telegram is copied once, when emitted.
 */
public final class TelegramFramer {

    private static final int HUNT = 0;
    private static final int BODY = 1;
    private static final int TRAILER = 2;
    /** The trailer ended in CR and the telegram's lines end in CR LF: the LF is still due. */
    private static final int AWAIT_LF = 3;

    private static final int CRC_OF_SLASH = Crc16Arc.update(0, '/');
    private final CrcPolicy crcPolicy;
    private final FrameListener listener;
    private final TelegramBuffer buffer;
    private final FramerCounters counters = new FramerCounters();
    private final TrailerReader trailerReader = new TrailerReader();

    private int state = HUNT;
    private int crc;
    private final MarkerCheck markerCheck = new MarkerCheck();
    private int bangIndex;
    private int crcComputed;
    private long pendingNoise;

    public TelegramFramer(FramerOptions options, FrameListener listener) {
        this.crcPolicy = options.crcPolicy();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.buffer = new TelegramBuffer(options.maxTelegramBytes());
    }

    /** Feeds {@code length} bytes of {@code in} from {@code offset}; telegrams and drops are reported as found. */
    public void feed(byte[] in, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, in.length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            switch (state) {
                case HUNT -> i = hunt(in, i, end);
                case BODY -> i = body(in, i, end);
                default -> i = trailer(in[i] & 0xFF) ? i + 1 : i;
            }
        }
    }

    /** Feeds all of {@code in}. */
    public void feed(byte[] in) {
        feed(in, 0, in.length);
    }

    /**
     * The input ended (end of file, connection closed, end of one MQTT/HTTP message): a telegram whose {@code !} was
     * read is complete, with or without its CRC digits and line end (gateways and peer tools strip the final CR LF),
     * and is emitted under the CRC policy like any other; a telegram still in its body is dropped as
     * {@link DropReason#TRUNCATED}; pending noise is reported as {@link DropReason#NOISE}. The framer then hunts
     * again, so feeding may go on (e.g. the next message, or after a reconnect).
     */
    public void endOfInput() {
        if (state == HUNT) {
            flushNoise();
        } else if (state == TRAILER || state == AWAIT_LF) {
            emit();
        } else {
            int n = buffer.length();
            toHunt();
            drop(DropReason.TRUNCATED, n);
        }
    }

    /** Forgets a telegram in progress and pending noise without reporting them; the counters are kept. */
    public void reset() {
        toHunt();
        pendingNoise = 0;
    }

    /** A snapshot of the counters. */
    public FramerStats stats() {
        return counters.snapshot();
    }

    private int hunt(byte[] in, int i, int end) {
        int start = i;
        while (i < end && in[i] != '/') {
            i++;
        }
        pendingNoise += i - start;
        if (i == end) {
            return end;
        }
        flushNoise();
        startTelegram();
        return i + 1;
    }

    private void startTelegram() {
        buffer.clear();
        buffer.add('/');
        crc = CRC_OF_SLASH;
        markerCheck.start();
        state = BODY;
    }

    /**
     * The hot loop: finds where the run of body bytes in this chunk ends (a {@code !} or {@code /} at the start of a
     * line outside {@code ( )}, the end of the chunk, or the size limit) and adds the run to the CRC in the same pass
     * ({@link BodyScan}: 8 bytes per step, only the marker bytes are looked at one by one), then copies it in one go.
     */
    private int body(byte[] in, int i, int end) {
        int room = buffer.room();
        int limit = end - i > room ? i + room : end;
        int start = i;
        int c = crc;
        boolean bang = false;
        boolean restart = false;
        while (i < limit) {
            long r = BodyScan.crcUntilMarker(c, in, i, limit);
            c = (int) r & 0xFFFF;
            i = (int) (r >>> 16);
            if (i == limit) {
                break;
            }
            int b = in[i];
            if (markerCheck.endsBody(buffer, in, start, i)) {
                if (b == '/') {
                    restart = true;
                    break;
                }
                c = Crc16Arc.update(c, b);
                bang = true;
                i++;
                break;
            }
            c = Crc16Arc.update(c, b);
            i++;
        }
        buffer.add(in, start, i - start);
        crc = c;
        if (bang) {
            bangIndex = buffer.length() - 1;
            crcComputed = c;
            trailerReader.start();
            state = TRAILER;
        } else if (restart) {
            int n = buffer.length();
            startTelegram();
            drop(DropReason.TRUNCATED, n);
            return i + 1;
        } else if (i < end) {                   // full and more body bytes follow
            int n = buffer.length();
            toHunt();
            drop(DropReason.OVERSIZE, n);
        }
        return i;
    }

    /** One byte after the {@code !}; returns false when the byte was not consumed and must be read again in HUNT. */
    private boolean trailer(int b) {
        int action = state == AWAIT_LF ? (b == '\n' ? TrailerReader.LINE_END : TrailerReader.MALFORMED)
                : trailerReader.accept(b);
        if (action == TrailerReader.NEXT_TELEGRAM) {
            emit();
            return false;
        }
        if (action == TrailerReader.MALFORMED) {
            if (state == AWAIT_LF) {            // the line ended at the CR: the byte belongs to what follows
                return endBadly(b == '/' ? DropReason.TRUNCATED : DropReason.MALFORMED_TRAILER, false);
            }
            return endBadly(DropReason.MALFORMED_TRAILER, b != '/');   // a '/' starts the next telegram
        }
        if (buffer.isFull()) {
            return endBadly(DropReason.OVERSIZE, false);
        }
        buffer.add(b);
        if (action == TrailerReader.LINE_END) {
            if (b == '\n' || buffer.crEndsLines(bangIndex)) {
                emit();
            } else {
                state = AWAIT_LF;
            }
        }
        return true;
    }

    /** Drops the telegram in progress, with the current byte when {@code consume}; returns {@code consume}. */
    private boolean endBadly(DropReason reason, boolean consume) {
        int n = consume ? buffer.length() + 1 : buffer.length();
        toHunt();
        drop(reason, n);
        return consume;
    }

    private void emit() {
        int n = buffer.length();
        boolean hasCrc = trailerReader.hasCrc();
        int given = trailerReader.crc();
        boolean mismatch = hasCrc && given != crcComputed;
        DropReason reason = mismatch ? (crcPolicy == CrcPolicy.OFF ? null : DropReason.CRC_MISMATCH)
                : (!hasCrc && crcPolicy == CrcPolicy.REQUIRED ? DropReason.CRC_MISSING : null);
        byte[] bytes = reason == null ? buffer.copy() : null;
        toHunt();
        if (mismatch) {
            counters.crcMismatch();
        }
        if (reason != null) {
            drop(reason, n);
        } else {
            counters.telegram(n);
            listener.onTelegram(new RawTelegram(bytes, given, crcComputed, bangIndex));
        }
    }

    private void toHunt() {
        state = HUNT;
        buffer.clear();
    }

    private void flushNoise() {
        while (pendingNoise > 0) {
            int n = (int) Math.min(pendingNoise, Integer.MAX_VALUE);
            pendingNoise -= n;
            drop(DropReason.NOISE, n);
        }
    }

    private void drop(DropReason reason, int byteCount) {
        counters.dropped(reason, byteCount);
        listener.onDrop(reason, byteCount);
    }
}
