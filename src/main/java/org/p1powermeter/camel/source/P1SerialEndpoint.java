package org.p1powermeter.camel.source;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.p1powermeter.camel.P1Constants;

/** Reads P1 telegrams from a serial port (jSerialComm) and emits one exchange per valid telegram. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1serial", title = "P1 serial port", syntax = "p1serial:port",
        consumerOnly = true, category = {Category.IOT}, headersClass = P1Constants.class)
public class P1SerialEndpoint extends TelegramSourceEndpoint {

    private static final Set<String> PARITIES = Set.of("none", "even", "odd", "mark", "space");
    private static final int MAX_TELEGRAM_TIMEOUT_SECONDS = 86_400;

    @UriPath(description = "Serial port device, e.g. /dev/ttyUSB1 or /dev/serial/by-id/...")
    @Metadata(required = true)
    private final String port;
    @UriParam(defaultValue = "115200", description = "Baud rate: 115200 for DSMR 4/5 and most meters, 9600 for DSMR 2.2/3")
    private int baudRate = 115200;
    @UriParam(defaultValue = "8", description = "Data bits: 8 (DSMR 4/5), 7 (DSMR 2.2/3)")
    private int dataBits = 8;
    @UriParam(defaultValue = "none", enums = "none,even,odd,mark,space", description = "Parity: none (DSMR 4/5), even (DSMR 2.2/3)")
    private String parity = "none";
    @UriParam(defaultValue = "1", description = "Stop bits: 1, 1.5 or 2")
    private String stopBits = "1";
    @UriParam(defaultValue = "20", description = "Seconds without a telegram after which the port is reopened (0 = never);"
            + " fractions count (0.5 = 500 ms)")
    private double telegramTimeout = 20;
    @UriParam(defaultValue = "2000", description = "Longest wait in ms between attempts to open an absent port")
    private long maxReconnectDelay = 2000;
    @UriParam(defaultValue = "false", description = "When the port stays silent for telegramTimeout seconds, reopen it"
            + " with the other of 115200 8N1 (DSMR 4/5) and 9600 7E1 (DSMR 2.2/3), as openHAB does")
    private boolean autoDetect;
    @UriParam(label = "advanced", description = "Opens the port (tests pass their own); default jSerialComm")
    private SerialLink.Factory linkFactory;

    public P1SerialEndpoint(String uri, P1SerialComponent component, String port) {
        super(uri, component);
        this.port = port;
    }

    void validate() {
        if (baudRate <= 0) {
            throw new IllegalArgumentException("p1serial baudRate must be positive, not " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("p1serial dataBits must be 5-8, not " + dataBits);
        }
        if (!PARITIES.contains(parity.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("p1serial parity must be one of " + PARITIES + ", not '" + parity + "'");
        }
        if (!(telegramTimeout >= 0 && telegramTimeout <= MAX_TELEGRAM_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException("p1serial telegramTimeout must be 0-" + MAX_TELEGRAM_TIMEOUT_SECONDS
                    + " seconds, not " + telegramTimeout);
        }
        if (maxReconnectDelay < 0) {
            throw new IllegalArgumentException("p1serial maxReconnectDelay must not be negative, not " + maxReconnectDelay);
        }
        if (!Set.of("1", "1.5", "2").contains(stopBits)) {
            throw new IllegalArgumentException("p1serial stopBits must be 1, 1.5 or 2, not '" + stopBits + "'");
        }
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        P1SerialConsumer consumer = new P1SerialConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The line settings the port is first opened with. */
    public LineSettings lineSettings() {
        return new LineSettings(baudRate, dataBits, parity.toLowerCase(Locale.ROOT), stopBits);
    }

    public boolean isAutoDetect() {
        return autoDetect;
    }

    /** Reopen a silent port with the other of 115200 8N1 and 9600 7E1. */
    public void setAutoDetect(boolean autoDetect) {
        this.autoDetect = autoDetect;
    }

    public SerialLink.Factory getLinkFactory() {
        return linkFactory;
    }

    /** Opens the port (tests pass their own); default jSerialComm. */
    public void setLinkFactory(SerialLink.Factory linkFactory) {
        this.linkFactory = linkFactory;
    }

    public String getPort() {
        return port;
    }

    public int getBaudRate() {
        return baudRate;
    }

    /** Baud rate: 115200 for DSMR 4/5 and most meters, 9600 for DSMR 2.2/3. */
    public void setBaudRate(int baudRate) {
        this.baudRate = baudRate;
    }

    public int getDataBits() {
        return dataBits;
    }

    /** Data bits: 8 (DSMR 4/5), 7 (DSMR 2.2/3). */
    public void setDataBits(int dataBits) {
        this.dataBits = dataBits;
    }

    public String getParity() {
        return parity;
    }

    /** Parity: none (DSMR 4/5), even (DSMR 2.2/3). */
    public void setParity(String parity) {
        this.parity = parity;
    }

    public String getStopBits() {
        return stopBits;
    }

    /** Stop bits: 1, 1.5 or 2. */
    public void setStopBits(String stopBits) {
        this.stopBits = stopBits;
    }

    public double getTelegramTimeout() {
        return telegramTimeout;
    }

    /** Seconds without a telegram after which the port is reopened (0 = never); fractions count (0.5 = 500 ms). */
    public void setTelegramTimeout(double telegramTimeout) {
        this.telegramTimeout = telegramTimeout;
    }

    /** {@link #getTelegramTimeout()} as a duration, to the millisecond (zero: never). */
    public Duration telegramTimeoutDuration() {
        return Duration.ofMillis(Math.round(telegramTimeout * 1000));
    }

    /** A duration as this endpoint's {@code telegramTimeout} text: seconds, with fractions only when needed. */
    public static String telegramTimeoutText(Duration timeout) {
        return BigDecimal.valueOf(Math.max(0, timeout.toMillis()), 3).stripTrailingZeros().toPlainString();
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** Longest wait in ms between attempts to open an absent port. */
    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }
}
