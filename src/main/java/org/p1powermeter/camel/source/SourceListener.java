package org.p1powermeter.camel.source;

/**
 * Told by the P1 consumers what happened to each telegram and when a finite source (capture file, stdin) ended.
 * The app binds one to stop after the first telegram (one-shot) or at the end of input; an embedding runtime
 * may bind its own, or none. Looked up by type in the registry.
 */
public interface SourceListener {

    /**
     * A telegram's exchange completed.
     *
     * @param failure the exception the route ended with, or null when every event was delivered
     */
    default void telegramDone(String source, long sequence, Throwable failure) {
    }

    /**
     * The framer dropped bytes of this source: a bad telegram (CRC mismatch, truncated, oversize …) or noise. Bad
     * telegrams never reach the route.
     */
    default void telegramDropped(String source, org.p1powermeter.p1.DropReason reason, int byteCount) {
    }

    /** A finite source was read to its end and every telegram in it was processed. */
    default void sourceCompleted(String source, long telegrams) {
    }
}
