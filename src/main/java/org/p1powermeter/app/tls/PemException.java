package org.p1powermeter.app.tls;

/** A PEM file's content is not what it should be; the message says what is wrong, never what the file holds. */
final class PemException extends Exception {
    private static final long serialVersionUID = 1L;

    PemException(String complaint) {
        super(complaint);
    }
}
