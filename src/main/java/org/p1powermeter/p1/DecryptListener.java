package org.p1powermeter.p1;

/** Receives what {@link EncryptedFrameReader} makes of the stream, on the thread that feeds it. */
public interface DecryptListener {

    /** The plain telegram of one authentic frame (the bytes the meter encrypted, normally {@code /…!XXXX\r\n}). */
    void onPlaintext(byte[] telegram);

    /**
     * A frame that gave no telegram.
     *
     * @param byteCount the bytes of the frame given up
     * @param detail    what was seen (counter values, lengths), never key material
     */
    void onDecryptFailure(DecryptFailure reason, int byteCount, String detail);

    /** Bytes between frames that do not start one. */
    default void onNoise(int byteCount) {
    }
}
