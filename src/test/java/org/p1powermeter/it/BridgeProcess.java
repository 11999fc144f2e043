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
        return start(workDir, List.of(), List.of(), args, stdin);
    }

    /**
     * {@code prefix} runs java (e.g. {@code env --default-signal=INT}: Ctrl-C reaches the JVM even when the test
     * runs under a shell that started it with SIGINT ignored); {@code jvmArgs} go before {@code -jar}.
     */
    static BridgeProcess start(Path workDir, List<String> prefix, List<String> jvmArgs, List<String> args, File stdin)
            throws IOException {
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
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

    /** kill -9: the process dies at once, without its shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Sends a signal by name ({@code INT} is Ctrl-C) with kill(1). */
    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -s " + name + " failed: " + new String(kill.getInputStream().readAllBytes()));
        }
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
