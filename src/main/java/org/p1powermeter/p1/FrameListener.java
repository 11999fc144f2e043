package org.p1powermeter.p1;

/** Receives what {@link TelegramFramer} cuts from the stream, on the thread that feeds it. */
public interface FrameListener {

    /** A complete telegram that passed the CRC policy. */
    void onTelegram(RawTelegram telegram);

    /**
     * Bytes that did not become a telegram.
     *
     * @param reason    why they were dropped
     * @param byteCount how many bytes were dropped
     */
    default void onDrop(DropReason reason, int byteCount) {
    }
}
