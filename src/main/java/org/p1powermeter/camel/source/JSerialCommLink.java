package org.p1powermeter.camel.source;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Optional;

/** A {@link SerialLink} over jSerialComm: semi-blocking reads with a one-second timeout, RTS (data request) raised. */
final class JSerialCommLink implements SerialLink {

    static final SerialLink.Factory FACTORY = JSerialCommLink::open;
    private static final int READ_TIMEOUT_MS = 1000;

    private final SerialPort port;

    private JSerialCommLink(SerialPort port) {
        this.port = port;
    }

    static OpenResult open(String path, LineSettings settings) {
        Optional<String> missing = PortPath.problem(path);
        if (missing.isPresent()) {
            return OpenResult.failed(missing.get()); // jSerialComm would name /dev/<file name> instead
        }
        try {
            SerialPort p = SerialPort.getCommPort(path);
            p.setComPortParameters(settings.baudRate(), settings.dataBits(), settings.jSerialCommStopBits(),
                    settings.jSerialCommParity());
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
            if (!p.openPort()) {
                return OpenResult.failed("cannot open " + path + " (" + PortPath.errnoText(p.getLastErrorCode()) + ")");
            }
            p.setRTS(); // P1 data request line
            return OpenResult.opened(new JSerialCommLink(p));
        } catch (RuntimeException e) {
            return OpenResult.failed("cannot open " + path + " (no such serial port)");
        }
    }

    @Override
    public int read(byte[] buf) {
        return port.readBytes(buf, buf.length);
    }

    @Override
    public String lastError() {
        return "error " + port.getLastErrorCode() + " at " + port.getLastErrorLocation();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
