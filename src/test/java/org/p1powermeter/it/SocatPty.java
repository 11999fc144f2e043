package org.p1powermeter.it;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat: the bridge opens {@link #appSide()} as its serial port, the test writes
 * what a meter sends into {@link #meterSide()}.
 */
final class SocatPty implements AutoCloseable {

    private final Path dir;
    private Process process;
    private OutputStream meter;

    private SocatPty(Path dir) {
        this.dir = dir;
    }

    static SocatPty start(Path dir) throws Exception {
        ItTools.requireTool("socat");
        SocatPty pty = new SocatPty(dir);
        pty.start();
        return pty;
    }

    /** A pair not started yet: its paths do not exist until {@link #start()}. */
    static SocatPty prepare(Path dir) {
        ItTools.requireTool("socat");
        return new SocatPty(dir);
    }

    void start() throws Exception {
        Files.createDirectories(dir);
        process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + meterSide(), "pty,raw,echo=0,link=" + appSide())
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(meterSide()) && Files.exists(appSide()))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
    }

    Path meterSide() {
        return dir.resolve("meter");
    }

    Path appSide() {
        return dir.resolve("app");
    }

    /** Writes bytes as the meter would send them. */
    void send(byte[] bytes) throws IOException {
        if (meter == null) {
            meter = new FileOutputStream(meterSide().toFile());
        }
        meter.write(bytes);
        meter.flush();
    }

    /** Kills socat (as an unplugged cable would); {@link #start()} makes a new pair at the same paths. */
    void stop() throws Exception {
        if (meter != null) {
            try {
                meter.close();
            } catch (IOException ignored) {
                // the pty may already be gone
            }
            meter = null;
        }
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
