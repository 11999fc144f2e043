package org.p1powermeter.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto broker on a free 127.0.0.1 port, optionally with a user and password, for one test. */
final class Mosquitto implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final String extraConfig;
    private final String user;
    private final String password;
    private Process process;

    private Mosquitto(Path dir, int port, String user, String password, String extraConfig) {
        this.dir = dir;
        this.port = port;
        this.user = user;
        this.password = password;
        this.extraConfig = extraConfig;
    }

    static Mosquitto start(Path dir, String user, String password) throws Exception {
        return start(dir, ItTools.freeLoopbackPort(), user, password, "");
    }

    static Mosquitto start(Path dir, int port, String user, String password, String extraConfig) throws Exception {
        ItTools.requireTool("mosquitto");
        ItTools.requireTool("mosquitto_passwd");
        Mosquitto m = new Mosquitto(dir, port, user, password, extraConfig);
        m.start();
        return m;
    }

    /** (Re)starts the broker on the same port. */
    void start() throws Exception {
        Files.createDirectories(dir);
        StringBuilder conf = new StringBuilder();
        conf.append("listener ").append(port).append(" 127.0.0.1\n").append("persistence false\n");
        if ("root".equals(System.getProperty("user.name"))) {
            conf.append("user root\n"); // else mosquitto drops to its own user, which cannot read the test's temp dir
        }
        if (user != null) {
            Path passwd = dir.resolve("passwd");
            Files.deleteIfExists(passwd);
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwd.toString(), user, password)
                    .redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
            }
            conf.append("allow_anonymous false\npassword_file ").append(passwd).append('\n');
        } else {
            conf.append("allow_anonymous true\n");
        }
        conf.append(extraConfig);
        Path confFile = dir.resolve("mosquitto.conf");
        Files.writeString(confFile, conf);
        process = new ProcessBuilder(List.of("mosquitto", "-c", confFile.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on port " + port);
    }

    /** Stops the broker (the port stays reserved for a restart). */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
