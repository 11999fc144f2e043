package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package as a Raspberry Pi owner installs it: {@code dpkg -i target/p1-power-meter_*_all.deb}, the unit
 * checked with {@code systemd-analyze verify}, then the installed launcher {@code /usr/bin/p1-power-meter} run with
 * the installed {@code /etc/p1-power-meter/config.ini} against a socat pty and a real Mosquitto (no systemd needed),
 * and {@code dpkg --purge} at the end, whatever happened: the machine is left as it was.
 *
 * <p>Installing needs root: the test runs as root, or when CI is set (where not being root fails it); a developer's
 * non-root run skips it. It never touches a p1-power-meter package that was installed before it ran.
 */
class PackageIT {

    private static final String PACKAGE = "p1-power-meter";
    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";

    @TempDir
    Path dir;

    @Test
    void theInstalledLauncherPublishesWithTheInstalledConfigAndThePackageLeavesNothingBehind() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && ItTools.required()) {
            fail("PackageIT must run as root when CI is set (dpkg -i)");
        }
        assumeTrue(root, "not root: skipping the dpkg install test (CI runs it as root)");
        ItTools.requireTool("dpkg");
        ItTools.requireTool("systemd-analyze");
        if (run("dpkg-query", "-W", "-f=${Status}", PACKAGE).contains("installed")) {
            fail(PACKAGE + " is already installed on this machine: the test will not replace it (dpkg --purge it first)");
        }
        Path deb = debianPackage();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), null, null);
                SocatPty pty = SocatPty.start(dir.resolve("pty"))) {
            try {
                String installed = run("dpkg", "-i", deb.toString());
                assertTrue(Files.isSymbolicLink(Path.of("/usr/bin/p1-power-meter")), installed);
                assertTrue(Files.isRegularFile(Path.of("/usr/share/p1-power-meter/p1-power-meter.jar")));
                assertTrue(Files.isRegularFile(Path.of("/etc/p1-power-meter/config.ini")));
                assertTrue(run("dpkg-query", "-W", "-f=${Conffiles}", PACKAGE).contains("/etc/p1-power-meter/config.ini"),
                        "config.ini is a conffile: an upgrade keeps the user's changes");
                String verify = run("systemd-analyze", "verify", "/lib/systemd/system/p1-power-meter.service");
                assertEquals("", verify.trim(), "systemd-analyze verify");

                try (MqttRecorder recorder = new MqttRecorder(broker.url(), null, null, "vscp/#")) {
                    ProcessBuilder launcher = new ProcessBuilder("/usr/bin/p1-power-meter", "-c",
                            "/etc/p1-power-meter/config.ini", "--oneshot", "--set", "serial_port=" + pty.appSide(),
                            "--set", "port=" + broker.port(), "--set", "guid=" + GUID,
                            "--set", "spool_dir=" + dir.resolve("spool"))
                            .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("bridge.log").toFile());
                    launcher.environment().put("P1_CACHE_DIR", dir.resolve("cache").toString()); // not root's ~/.cache
                    Process bridge = launcher.start();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (bridge.isAlive() && System.nanoTime() < deadline) {
                        pty.send(SwedishTelegram.bytes());
                        Thread.sleep(1000);
                    }
                    boolean exited = bridge.waitFor(5, TimeUnit.SECONDS);
                    String log = Files.readString(dir.resolve("bridge.log"), StandardCharsets.UTF_8);
                    if (!exited) {
                        bridge.destroyForcibly();
                    }
                    assertTrue(exited, "the installed launcher did not exit:\n" + log);
                    assertEquals(0, bridge.exitValue(), log);
                    assertEquals(26, recorder.await(26, 10, TimeUnit.SECONDS).size(), log);
                }
            } finally {
                String purged = run("dpkg", "--purge", PACKAGE);
                assertTrue(!Files.exists(Path.of("/usr/bin/p1-power-meter"), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && !Files.exists(Path.of("/etc/p1-power-meter")) && !Files.exists(Path.of("/usr/share/p1-power-meter")),
                        "dpkg --purge left files behind: " + purged);
            }
        }
    }

    /** The package {@code mvn package} built. */
    private static Path debianPackage() throws Exception {
        File jar = ItTools.jar();
        try (Stream<Path> files = Files.list(jar.toPath().getParent())) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("p1-power-meter_.*_all\\.deb")).toList();
            assertEquals(1, debs.size(), "one Debian package in target/: " + debs);
            return debs.get(0);
        }
    }

    /** Runs a command, returns its output (stdout and stderr), fails on a non-zero exit. */
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish: " + out);
        }
        if (p.exitValue() != 0 && !command[0].equals("dpkg-query")) {
            fail(String.join(" ", command) + " exited with " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
