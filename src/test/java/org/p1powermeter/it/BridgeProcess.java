package org.p1powermeter.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar run as a user would run it: {@code java -jar target/p1-power-meter.jar ARGS}. */
final class BridgeProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private BridgeProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static BridgeProcess start(Path workDir, List<String> args) throws IOException {
        return start(workDir, args, null);
    }

    static BridgeProcess start(Path workDir, List<String> args, File stdin) throws IOException {
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(ItTools.jar().getAbsolutePath());
        cmd.addAll(args);
        Path out = Files.createTempFile(workDir, "stdout", ".log");
        Path err = Files.createTempFile(workDir, "stderr", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            pb.redirectInput(stdin);
        }
        return new BridgeProcess(pb.start(), out, err);
    }

    /** Waits for the exit and returns the exit code, or fails the wait with the output so far. */
    int waitFor(long timeout, TimeUnit unit) throws Exception {
        if (!process.waitFor(timeout, unit)) {
            throw new AssertionError("bridge did not exit within " + timeout + " " + unit + "\nstdout:\n" + stdout()
                    + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** The operating-system process id (for jcmd and /proc). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a service manager stops it. */
    void terminate() {
        process.destroy();
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        try {
            return "bridge process\nstdout:\n" + stdout() + "\nstderr:\n" + stderr();
        } catch (IOException e) {
            return "bridge process (output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
