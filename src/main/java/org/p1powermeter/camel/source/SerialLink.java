package org.p1powermeter.camel.source;

/**
 * One opened serial port as {@link P1SerialConsumer} uses it; {@link JSerialCommLink} is the real one, tests
 * pass their own through {@link P1SerialEndpoint#setLinkFactory}.
 */
public interface SerialLink {

    /** Opens a port; the result says why it could not. */
    interface Factory {
        OpenResult open(String port, LineSettings settings);
    }

    /** Either an open link or the reason there is none. */
    record OpenResult(SerialLink link, String failure) {

        public static OpenResult opened(SerialLink link) {
            return new OpenResult(link, null);
        }

        public static OpenResult failed(String why) {
            return new OpenResult(null, why);
        }
    }

    /**
     * Reads what arrived, waiting up to about a second for the first byte.
     *
     * @return bytes read (0 when nothing came in time), or -1 when the port failed (unplugged, hung up)
     */
    int read(byte[] buf);

    /** A short description of the last error, for logs. */
    String lastError();

    void close();
}
