package org.p1powermeter.camel.source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Processor;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.SummaryLog;
import org.p1powermeter.p1.RawTelegram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the serial port: opens it (retrying with backoff while it is absent), reads on one named thread, reopens it
 * when it is lost or silent for longer than the telegram timeout. Each change of {@link PortState} is logged once
 * and published to {@link P1Metrics} (healthy only while telegrams arrive). With {@code autoDetect} a silent port
 * is reopened with the other of 115200 8N1 and 9600 7E1.
 *
 * <p>Never busy: a failed open waits (250 ms doubling up to {@code maxReconnectDelay}), and a port whose reads
 * return at once without data, or whose device path disappeared or now names another device, counts as lost.
 */
public class P1SerialConsumer extends TelegramSourceConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(P1SerialConsumer.class);
    static final long MIN_BACKOFF_MS = 250;
    /** Reads that return without data faster than this are suspicious (a hung-up device does that). */
    private static final long QUICK_READ_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int QUICK_EMPTY_READS_LIMIT = 20;

    /**
     * States of the port, logged once per change. Only {@link #RECEIVING} is healthy. A port reopened after it was
     * {@link #LOST} or {@link #SILENT} keeps that state (quietly) until a telegram arrives, so a flapping port is
     * not logged once per reopen.
     */
    public enum PortState { CONNECTING, OPEN, RECEIVING, ABSENT, LOST, SILENT, CLOSED }

    private final P1SerialEndpoint endpoint;
    private final SerialLink.Factory links;
    private ExecutorService executor;
    private SummaryLog summaryLog;
    private volatile SerialLink link;
    private volatile PortState state = PortState.CONNECTING;
    private volatile LineSettings settings;
    private long backoffMs = MIN_BACKOFF_MS;
    private boolean everOpened;
    /** Bytes read since the last telegram (or since the port was opened): what a silence hint is based on. */
    private long bytesSinceTelegram;
    private volatile boolean telegramSinceOpen;
    private Path openedDevice;

    public P1SerialConsumer(P1SerialEndpoint endpoint, Processor processor) {
        super(endpoint, processor, endpoint.getPort());
        this.endpoint = endpoint;
        this.links = endpoint.getLinkFactory() != null ? endpoint.getLinkFactory() : JSerialCommLink.FACTORY;
        this.settings = endpoint.lineSettings();
    }

    public PortState portState() {
        return state;
    }

    /** The line settings in use (they change only with {@code autoDetect}). */
    public LineSettings lineSettings() {
        return settings;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        summaryLog = new SummaryLog(metrics(), LOG::info, Duration.ofSeconds(60), System::nanoTime);
        publishState("opening " + endpoint.getPort());
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "p1-serial-reader");
        executor.submit(this::readLoop);
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor.awaitTermination(5, TimeUnit.SECONDS);
            executor = null;
        }
        closeLink();
        changeState(PortState.CLOSED, "stopped"); // the app writes the last summary, once the spool was drained
        super.doStop();
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        int quickEmptyReads = 0;
        while (isRunAllowed() && !Thread.currentThread().isInterrupted()) {
            summaryLog.tick();
            if (link == null && !openLink()) {
                waitBeforeRetry();
                continue;
            }
            long started = System.nanoTime();
            int n = link.read(buf);
            if (n < 0) {
                lose("read failed (" + link.lastError() + ")");
                continue;
            }
            if (n > 0) {
                quickEmptyReads = 0;
                bytesSinceTelegram += n;
                feed(buf, n);
                if (telegramSinceOpen) {
                    backoffMs = MIN_BACKOFF_MS;
                }
            } else if (System.nanoTime() - started >= QUICK_READ_NANOS) {
                quickEmptyReads = 0;
            } else if (++quickEmptyReads >= QUICK_EMPTY_READS_LIMIT) {
                quickEmptyReads = 0;
                lose("reads return at once without data");
                continue;
            }
            if (n == 0 && deviceChanged()) {
                lose("the device " + endpoint.getPort() + " is gone or was replaced");
                continue;
            }
            checkSilence();
        }
    }

    @Override
    public void onTelegram(RawTelegram telegram) {
        telegramSinceOpen = true;
        bytesSinceTelegram = 0;
        if (state != PortState.RECEIVING) {
            changeState(PortState.RECEIVING, "telegrams arrive at " + settings);
        }
        super.onTelegram(telegram);
    }

    private void checkSilence() {
        Duration timeout = endpoint.telegramTimeoutDuration();
        if (timeout.isZero() || nanosSinceLastTelegram() <= timeout.toNanos()) {
            return;
        }
        String detail = "no telegram for " + P1SerialEndpoint.telegramTimeoutText(timeout) + " s at " + settings + "; "
                + settings.silenceHint(bytesSinceTelegram, telegramSinceOpen);
        if (endpoint.isAutoDetect()) {
            settings = settings.alternative();
            detail += "; autoDetect: reopening with " + settings;
        } else {
            detail += "; reopening";
        }
        if (state == PortState.SILENT) {
            LOG.debug("Serial port {}: still silent ({})", endpoint.getPort(), detail);
        }
        changeState(PortState.SILENT, detail);
        closeLink();
        resetFramer();
        markAlive();
    }

    private boolean openLink() {
        SerialLink.OpenResult result = links.open(endpoint.getPort(), settings);
        if (result.link() == null) {
            changeState(state == PortState.SILENT ? PortState.SILENT : PortState.ABSENT, result.failure() + "; retrying");
            return false;
        }
        link = result.link();
        openedDevice = realPath();
        bytesSinceTelegram = 0;
        telegramSinceOpen = false;
        markAlive();
        if (everOpened) {
            metrics().increment(P1Metrics.Counter.RECONNECTS);
        }
        everOpened = true;
        if (state == PortState.SILENT || state == PortState.LOST) {
            // a port that flaps (opens, then fails or stays silent) is logged once, not once per reopen
            LOG.debug("Serial port {}: reopened with {}, waiting for a telegram", endpoint.getPort(), settings);
        } else {
            changeState(PortState.OPEN, "opened with " + settings + ", waiting for a telegram");
        }
        return true;
    }

    private void lose(String detail) {
        changeState(PortState.LOST, detail + "; reopening");
        closeLink();
        resetFramer();
        waitBeforeRetry();
    }

    private void waitBeforeRetry() {
        sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, Math.max(MIN_BACKOFF_MS, endpoint.getMaxReconnectDelay()));
    }

    /** True when the port's path (a device or a symlink to one) no longer exists or names another device. */
    private boolean deviceChanged() {
        if (openedDevice == null) {
            return false;
        }
        Path now = realPath();
        return now == null || !now.equals(openedDevice);
    }

    private Path realPath() {
        if (!endpoint.getPort().startsWith("/")) {
            return null; // COM3 and the like: no path to watch
        }
        try {
            return Path.of(endpoint.getPort()).toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void closeLink() {
        SerialLink l = link;
        link = null;
        openedDevice = null;
        if (l != null) {
            l.close();
        }
    }

    private void changeState(PortState next, String detail) {
        if (next != state) {
            if (next == PortState.OPEN || next == PortState.RECEIVING || next == PortState.CLOSED) {
                LOG.info("Serial port {}: {} ({})", endpoint.getPort(), next, detail);
            } else {
                LOG.warn("Serial port {}: {} ({}) - unhealthy", endpoint.getPort(), next, detail);
            }
            state = next;
        }
        publishState(detail);
    }

    private void publishState(String detail) {
        metrics().sourceState(state.name(), state == PortState.RECEIVING, detail);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
