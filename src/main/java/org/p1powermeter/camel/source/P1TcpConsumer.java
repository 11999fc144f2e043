package org.p1powermeter.camel.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Processor;
import org.p1powermeter.camel.source.P1SerialConsumer.PortState;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.SummaryLog;
import org.p1powermeter.p1.RawTelegram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the TCP connection to a network P1 dongle: connects (with a connect timeout, retrying with backoff while it
 * is refused or unreachable), reads on one named thread, and connects again when the connection drops or stays
 * silent for longer than the telegram timeout. It reports the same {@link PortState}s as the serial port (healthy
 * only while telegrams arrive), each change logged once and published to {@link P1Metrics}.
 *
 * <p>A telegram cut by a dropped or silent connection is handed to the framer's end of input, so it is counted as
 * {@code TRUNCATED} and never published.
 */
public class P1TcpConsumer extends TelegramSourceConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(P1TcpConsumer.class);
    static final long MIN_BACKOFF_MS = 250;
    private static final int READ_TIMEOUT_MS = 1000;

    private final P1TcpEndpoint endpoint;
    private final String name;
    private ExecutorService executor;
    private SummaryLog summaryLog;
    private volatile Socket socket;
    private InputStream in;
    private volatile PortState state = PortState.CONNECTING;
    private long backoffMs = MIN_BACKOFF_MS;
    private boolean everConnected;
    private long bytesSinceConnect;
    private boolean telegramSinceConnect;

    public P1TcpConsumer(P1TcpEndpoint endpoint, Processor processor) {
        super(endpoint, processor, "tcp://" + endpoint.getAddress());
        this.endpoint = endpoint;
        this.name = "tcp://" + endpoint.getAddress();
    }

    public PortState portState() {
        return state;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        summaryLog = new SummaryLog(metrics(), LOG::info, Duration.ofSeconds(60), System::nanoTime);
        publishState("connecting to " + name);
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "p1-tcp-reader");
        executor.submit(this::readLoop);
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            closeSocket(); // unblocks a read in progress
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor.awaitTermination(5, TimeUnit.SECONDS);
            executor = null;
        }
        closeSocket();
        changeState(PortState.CLOSED, "stopped");
        if (summaryLog != null) {
            summaryLog.writeNow();
        }
        super.doStop();
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        while (isRunAllowed() && !Thread.currentThread().isInterrupted()) {
            summaryLog.tick();
            if (socket == null && !connect()) {
                waitBeforeRetry();
                continue;
            }
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                n = 0;
            } catch (IOException e) {
                if (!isRunAllowed()) {
                    break;
                }
                lose("read failed: " + e.getMessage());
                continue;
            }
            if (n < 0) {
                lose("the server closed the connection");
                continue;
            }
            if (n > 0) {
                bytesSinceConnect += n;
                feed(buf, n);
                if (telegramSinceConnect) {
                    backoffMs = MIN_BACKOFF_MS;
                }
            }
            checkSilence();
        }
    }

    @Override
    public void onTelegram(RawTelegram telegram) {
        telegramSinceConnect = true;
        if (state != PortState.RECEIVING) {
            changeState(PortState.RECEIVING, "telegrams arrive from " + name);
        }
        super.onTelegram(telegram);
    }

    private boolean connect() {
        Socket s = new Socket();
        InetSocketAddress target = new InetSocketAddress(endpoint.getAddress().host(), endpoint.getAddress().port());
        try {
            if (target.isUnresolved()) {
                throw new UnknownHostException("unknown host " + endpoint.getAddress().host());
            }
            s.connect(target, endpoint.getConnectTimeout());
            s.setSoTimeout(READ_TIMEOUT_MS);
            s.setKeepAlive(true);
            in = s.getInputStream();
        } catch (IOException e) {
            closeQuietly(s);
            String why = e instanceof SocketTimeoutException ? "no answer within " + endpoint.getConnectTimeout() + " ms"
                    : e.getMessage();
            changeState(state == PortState.SILENT ? PortState.SILENT : PortState.ABSENT,
                    "cannot connect: " + why + "; retrying");
            return false;
        }
        socket = s;
        bytesSinceConnect = 0;
        telegramSinceConnect = false;
        markAlive();
        if (everConnected) {
            metrics().increment(P1Metrics.Counter.RECONNECTS);
        }
        everConnected = true;
        if (state == PortState.SILENT || state == PortState.LOST) {
            // a connection that flaps is logged once, not once per reconnect
            LOG.debug("TCP source {}: connected again, waiting for a telegram", name);
        } else {
            changeState(PortState.OPEN, "connected, waiting for a telegram");
        }
        return true;
    }

    private void checkSilence() {
        Duration timeout = endpoint.telegramTimeoutDuration();
        if (timeout.isZero() || nanosSinceLastTelegram() <= timeout.toNanos()) {
            return;
        }
        String detail = "no telegram for " + P1SerialEndpoint.telegramTimeoutText(timeout) + " s ("
                + (bytesSinceConnect > 0 ? "bytes arrive but none frames a telegram: check that the dongle sends the"
                        + " raw P1 stream on this port" : "no bytes at all: check the dongle and its P1 cable") + "); reconnecting";
        if (state == PortState.SILENT) {
            LOG.debug("TCP source {}: still silent ({})", name, detail);
        }
        changeState(PortState.SILENT, detail);
        disconnect();
        markAlive();
    }

    private void lose(String detail) {
        changeState(PortState.LOST, detail + "; reconnecting");
        disconnect();
        waitBeforeRetry();
    }

    /** Closes the connection; a telegram in progress is counted as truncated, never published. */
    private void disconnect() {
        closeSocket();
        endOfInput();
    }

    private void waitBeforeRetry() {
        try {
            Thread.sleep(backoffMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backoffMs = Math.min(backoffMs * 2, Math.max(MIN_BACKOFF_MS, endpoint.getMaxReconnectDelay()));
    }

    private void closeSocket() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void changeState(PortState next, String detail) {
        if (next != state) {
            if (next == PortState.OPEN || next == PortState.RECEIVING || next == PortState.CLOSED) {
                LOG.info("TCP source {}: {} ({})", name, next, detail);
            } else {
                LOG.warn("TCP source {}: {} ({}) - unhealthy", name, next, detail);
            }
            state = next;
        }
        publishState(detail);
    }

    private void publishState(String detail) {
        metrics().sourceState(state.name(), state == PortState.RECEIVING, detail);
    }
}
