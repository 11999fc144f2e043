package org.p1powermeter.camel.source;

/**
 * Told when a finite P1 source (a capture file or stdin) has been read to its end and every telegram in it
 * was processed. The app binds one to stop; an embedding runtime may bind its own or none.
 */
@FunctionalInterface
public interface SourceCompletion {

    void sourceCompleted(String source, long telegrams);
}
