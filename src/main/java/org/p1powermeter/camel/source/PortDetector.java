package org.p1powermeter.camel.source;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.p1powermeter.p1.FrameListener;
import org.p1powermeter.p1.FramerOptions;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramFramer;

/**
 * {@code serial_port = auto}: finds the one serial port that is sending P1 telegrams. Each candidate port is opened
 * with 115200 8N1 (DSMR 4/5 and most meters) and, when no telegram frames within the probe time, with 9600 7E1
 * (DSMR 2.2/3); the ports are probed at the same time. A port counts when a whole telegram with a right CRC (or
 * none) frames.
 */
public final class PortDetector {

    /** What a probe saw on one port. */
    public record Probe(String port, LineSettings settings, long bytes, boolean telegram, String failure) {

        /** e.g. {@code /dev/ttyUSB0: telegrams at 115200 8N1}. */
        public String describe() {
            if (telegram) {
                return port + ": telegrams at " + settings;
            }
            if (failure != null) {
                return port + ": " + failure;
            }
            return port + ": " + (bytes == 0 ? "silent" : bytes + " bytes but no telegram") + " at 115200 8N1 and 9600 7E1";
        }
    }

    /** The outcome: the one port found, or why there is none (every probe, for the message). */
    public record Result(Probe chosen, List<Probe> probes) {

        public boolean found() {
            return chosen != null;
        }

        /** The probes as one text, for the error message. */
        public String tried() {
            return probes.isEmpty() ? "no serial ports found"
                    : String.join("; ", probes.stream().map(Probe::describe).toList());
        }
    }

    private final SerialLink.Factory links;
    private final Duration probeTime;

    public PortDetector(Duration probeTime) {
        this(JSerialCommLink.FACTORY, probeTime);
    }

    PortDetector(SerialLink.Factory links, Duration probeTime) {
        this.links = links;
        this.probeTime = probeTime;
    }

    /** The system paths of the serial ports jSerialComm finds. */
    public static List<String> systemPorts() {
        List<String> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(p.getSystemPortPath());
        }
        return ports;
    }

    /** One line per serial port with what jSerialComm knows about it (empty list: none). */
    public static List<String> describePorts() {
        List<String> lines = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            StringBuilder line = new StringBuilder(p.getSystemPortPath());
            line.append("  ").append(p.getDescriptivePortName());
            append(line, "description", p.getPortDescription());
            append(line, "location", p.getPortLocation());
            if (p.getVendorID() >= 0) {
                line.append(String.format(", USB %04x:%04x", p.getVendorID(), p.getProductID()));
            }
            append(line, "manufacturer", p.getManufacturer());
            append(line, "serial number", p.getSerialNumber());
            lines.add(line.toString());
        }
        return lines;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void append(StringBuilder line, String name, String value) {
        if (value != null && !value.isBlank() && !"Unknown".equalsIgnoreCase(value.trim())) {
            line.append(", ").append(name).append(' ').append(value.trim());
        }
    }

    /** Probes every port in {@code ports} at once; found only when exactly one sends telegrams. */
    public Result detect(List<String> ports) throws InterruptedException {
        List<Probe> probes = new ArrayList<>();
        if (!ports.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(ports.size(), 16), r -> {
                Thread t = new Thread(r, "p1-port-probe");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Probe>> futures = new ArrayList<>();
                for (String port : ports) {
                    futures.add(pool.submit(() -> probe(port)));
                }
                for (Future<Probe> f : futures) {
                    try {
                        probes.add(f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("probing a port failed", e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Probe> sending = probes.stream().filter(Probe::telegram).toList();
        return new Result(sending.size() == 1 ? sending.get(0) : null, probes);
    }

    private Probe probe(String port) {
        long bytes = 0;
        for (LineSettings settings : List.of(LineSettings.DSMR4, LineSettings.DSMR3)) {
            SerialLink.OpenResult opened = links.open(port, settings);
            if (opened.link() == null) {
                return new Probe(port, settings, 0, false, opened.failure());
            }
            boolean[] framed = new boolean[1];
            TelegramFramer framer = new TelegramFramer(FramerOptions.defaults(), new FrameListener() {
                @Override
                public void onTelegram(RawTelegram telegram) {
                    framed[0] = true;
                }
            });
            byte[] buf = new byte[4096];
            long deadline = System.nanoTime() + probeTime.toNanos();
            try {
                while (!framed[0] && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                    int n = opened.link().read(buf);
                    if (n < 0) {
                        return new Probe(port, settings, bytes, false, "read failed (" + opened.link().lastError() + ")");
                    }
                    if (n == 0) {
                        sleep(); // a port whose reads return at once must not make this a busy loop
                        continue;
                    }
                    bytes += n;
                    framer.feed(buf, 0, n);
                }
            } finally {
                opened.link().close();
            }
            if (framed[0]) {
                return new Probe(port, settings, bytes, true, null);
            }
        }
        return new Probe(port, LineSettings.DSMR4, bytes, false, null);
    }
}
