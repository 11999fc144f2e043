package org.p1powermeter.app.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.p1powermeter.camel.source.TcpAddress;
import org.p1powermeter.p1.CrcPolicy;
import org.p1powermeter.p1.DecryptionKeys;

/**
 * The [SERIAL] section, plus how telegrams are checked (crc) and read (the meter's time zone), and the keys of an
 * encrypted port (empty: not encrypted; {@link DecryptionKeys#toString()} shows no key).
 */
public record SerialSettings(String port, int baudRate, int dataBits, Parity parity, StopBits stopBits,
        Duration timeout, CrcPolicy crc, ZoneId meterZone, boolean autoDetect, Optional<DecryptionKeys> keys) {

    /** {@code serial_port = auto}: the bridge finds the port that sends telegrams. */
    public static final String AUTO = "auto";

    /** True for {@code serial_port = auto}. */
    public boolean autoPort() {
        return AUTO.equalsIgnoreCase(port);
    }

    /**
     * The HOST:PORT of a network dongle when {@code serial_port} is {@code tcp://HOST:PORT} or {@code socket://HOST:PORT};
     * the first one of a list (which only ingest mode takes, see {@link #tcpAddresses()}).
     */
    public Optional<TcpAddress> tcpAddress() {
        List<TcpAddress> all = tcpAddresses();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every network dongle of {@code serial_port}: one {@code tcp://HOST:PORT} or {@code socket://HOST:PORT}, or a
     * comma-separated list of them ({@code [GENERAL] mode = ingest} only, checked by the settings validator); empty for
     * a serial device.
     */
    public List<TcpAddress> tcpAddresses() {
        List<TcpAddress> all = new ArrayList<>();
        for (String item : items(port)) {
            Optional<String> address = TcpAddress.fromSerialPort(item);
            if (address.isEmpty()) {
                return List.of();
            }
            all.add(TcpAddress.parse(address.get()));
        }
        return List.copyOf(all);
    }

    /** The comma-separated items of a {@code serial_port} value, trimmed, blanks left out. */
    static List<String> items(String port) {
        List<String> items = new ArrayList<>();
        for (String item : port.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    public enum Parity {
        NONE,
        EVEN,
        ODD,
        MARK,
        SPACE
    }

    public enum StopBits {
        ONE("1"),
        ONE_POINT_FIVE("1.5"),
        TWO("2");

        private final String text;

        StopBits(String text) {
            this.text = text;
        }

        /** As written in config.ini: 1, 1.5 or 2. */
        public String text() {
            return text;
        }
    }
}
