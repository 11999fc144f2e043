package org.p1powermeter.camel.source;

import java.time.Duration;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.p1powermeter.camel.P1Constants;

/**
 * Reads P1 telegrams from a TCP server (a network P1 dongle) and emits one exchange per valid telegram; reconnects
 * with backoff when the connection is refused, drops or stays silent.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1tcp", title = "P1 over TCP", syntax = "p1tcp:address",
        consumerOnly = true, category = {Category.IOT}, headersClass = P1Constants.class)
public class P1TcpEndpoint extends TelegramSourceEndpoint {

    private static final int MAX_TELEGRAM_TIMEOUT_SECONDS = 86_400;

    @UriPath(description = "HOST:PORT of the dongle's TCP server, e.g. 192.168.1.40:6638 or [fd00::5]:23")
    @Metadata(required = true)
    private final TcpAddress address;
    @UriParam(defaultValue = "5000", description = "Milliseconds to wait for the connection to be accepted")
    private int connectTimeout = 5000;
    @UriParam(defaultValue = "20", description = "Seconds without a telegram after which the connection is dropped and"
            + " made again (0 = never); fractions count (0.5 = 500 ms)")
    private double telegramTimeout = 20;
    @UriParam(defaultValue = "2000", description = "Longest wait in ms between attempts to connect")
    private long maxReconnectDelay = 2000;

    public P1TcpEndpoint(String uri, P1TcpComponent component, TcpAddress address) {
        super(uri, component);
        this.address = address;
    }

    void validate() {
        if (connectTimeout < 1) {
            throw new IllegalArgumentException("p1tcp connectTimeout must be at least 1 ms, not " + connectTimeout);
        }
        if (!(telegramTimeout >= 0 && telegramTimeout <= MAX_TELEGRAM_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException("p1tcp telegramTimeout must be 0-" + MAX_TELEGRAM_TIMEOUT_SECONDS
                    + " seconds, not " + telegramTimeout);
        }
        if (maxReconnectDelay < 0) {
            throw new IllegalArgumentException("p1tcp maxReconnectDelay must not be negative, not " + maxReconnectDelay);
        }
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        P1TcpConsumer consumer = new P1TcpConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public TcpAddress getAddress() {
        return address;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    /** Milliseconds to wait for the connection to be accepted. */
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public double getTelegramTimeout() {
        return telegramTimeout;
    }

    /** Seconds without a telegram after which the connection is made again (0 = never); fractions count. */
    public void setTelegramTimeout(double telegramTimeout) {
        this.telegramTimeout = telegramTimeout;
    }

    /** {@link #getTelegramTimeout()} as a duration, to the millisecond (zero: never). */
    public Duration telegramTimeoutDuration() {
        return Duration.ofMillis(Math.round(telegramTimeout * 1000));
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** Longest wait in ms between attempts to connect. */
    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }
}
