package org.p1powermeter.camel.source;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the serial port: opens it (retrying with backoff while it is absent), reads on one named thread,
 * reopens it when it is lost or silent for longer than the telegram timeout.
 */
public class P1SerialConsumer extends TelegramSourceConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(P1SerialConsumer.class);

    /** States of the port, logged once per change. */
    public enum PortState { CONNECTING, OPEN, ABSENT, LOST, SILENT, CLOSED }

    private final P1SerialEndpoint endpoint;
    private ExecutorService executor;
    private volatile SerialPort port;
    private volatile PortState state = PortState.CONNECTING;

    public P1SerialConsumer(P1SerialEndpoint endpoint, Processor processor) {
        super(endpoint, processor, endpoint.getPort());
        this.endpoint = endpoint;
    }

    public PortState portState() {
        return state;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "p1-serial-reader");
        executor.submit(this::readLoop);
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        closePort();
        changeState(PortState.CLOSED, "stopped");
        super.doStop();
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        long backoff = 250;
        while (isRunAllowed() && !Thread.currentThread().isInterrupted()) {
            if (port == null) {
                if (!openPort()) {
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, endpoint.getMaxReconnectDelay());
                    continue;
                }
                backoff = 250;
            }
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                changeState(PortState.LOST, "read failed (error " + port.getLastErrorCode() + "); reopening");
                closePort();
                resetFramer();
                continue;
            }
            if (n > 0) {
                feed(buf, n);
            }
            checkSilence();
        }
    }

    private void checkSilence() {
        int timeout = endpoint.getTelegramTimeout();
        if (timeout > 0 && nanosSinceLastTelegram() > TimeUnit.SECONDS.toNanos(timeout)) {
            changeState(PortState.SILENT, "no telegram for " + timeout + " s; reopening. " + settingsHint());
            closePort();
            resetFramer();
            markAlive();
        }
    }

    private String settingsHint() {
        return endpoint.getBaudRate() == 9600
                ? "DSMR 4/5 and most meters send 115200 8N1: check serial_baudrate"
                : "DSMR 2.2/3 meters send 9600 7E1: try serial_baudrate=9600, serial_databits=7, serial_parity=even";
    }

    private boolean openPort() {
        try {
            SerialPort p = SerialPort.getCommPort(endpoint.getPort());
            p.setComPortParameters(endpoint.getBaudRate(), endpoint.getDataBits(), stopBits(), parity());
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 1000, 0);
            if (!p.openPort()) {
                changeState(PortState.ABSENT, "cannot open (error " + p.getLastErrorCode() + "); retrying");
                return false;
            }
            p.setRTS(); // P1 data request line
            port = p;
            markAlive();
            changeState(PortState.OPEN, endpoint.getBaudRate() + " baud " + endpoint.getDataBits()
                    + endpoint.getParity().toUpperCase(Locale.ROOT).charAt(0) + endpoint.getStopBits());
            return true;
        } catch (RuntimeException e) {
            changeState(PortState.ABSENT, "cannot open: " + e.getMessage() + "; retrying");
            return false;
        }
    }

    private void closePort() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    private void changeState(PortState next, String detail) {
        if (next != state) {
            if (next == PortState.OPEN || next == PortState.CLOSED) {
                LOG.info("Serial port {}: {} ({})", endpoint.getPort(), next, detail);
            } else {
                LOG.warn("Serial port {}: {} ({})", endpoint.getPort(), next, detail);
            }
            state = next;
        }
    }

    private int stopBits() {
        switch (endpoint.getStopBits()) {
            case "2": return SerialPort.TWO_STOP_BITS;
            case "1.5": return SerialPort.ONE_POINT_FIVE_STOP_BITS;
            default: return SerialPort.ONE_STOP_BIT;
        }
    }

    private int parity() {
        switch (endpoint.getParity().toLowerCase(Locale.ROOT)) {
            case "even": return SerialPort.EVEN_PARITY;
            case "odd": return SerialPort.ODD_PARITY;
            case "mark": return SerialPort.MARK_PARITY;
            case "space": return SerialPort.SPACE_PARITY;
            default: return SerialPort.NO_PARITY;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
