package org.p1powermeter.camel.source;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code HOST:PORT} of a TCP source ({@code [::1]:2001} for an IPv6 literal), and the spellings users write in
 * {@code serial_port}: {@code tcp://HOST:PORT} and pyserial's {@code socket://HOST:PORT}.
 */
public record TcpAddress(String host, int port) {

    private static final String[] SCHEMES = {"tcp://", "socket://"};

    public TcpAddress {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a TCP source needs a host name or address, e.g. 192.168.1.40:6638");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a TCP port must be 1-65535, not " + port);
        }
    }

    /** Parses {@code HOST:PORT} or {@code [IPv6]:PORT}; the message of the exception says what is wrong. */
    public static TcpAddress parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (e.g. 192.168.1.40:6638)");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, e.g. [fd00::5]:23");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the port is not a number");
        }
        return new TcpAddress(host, port);
    }

    /**
     * The address of a {@code serial_port} value that names a TCP server ({@code tcp://} or {@code socket://},
     * any case); empty for a serial device.
     */
    public static Optional<String> fromSerialPort(String serialPort) {
        String lower = serialPort.toLowerCase(Locale.ROOT);
        for (String scheme : SCHEMES) {
            if (lower.startsWith(scheme)) {
                String rest = serialPort.substring(scheme.length());
                int slash = rest.indexOf('/');
                return Optional.of(slash >= 0 && rest.substring(slash).equals("/") ? rest.substring(0, slash) : rest);
            }
        }
        return Optional.empty();
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
