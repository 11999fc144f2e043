package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/p1-power-meter's AppCDS archive: made by the first real run, used by the next (checked with
 * {@code -Xshare:on}, which makes the JVM refuse to start when it cannot map the archive), never made by
 * {@code --help}, made again when the jar changes or when the archive is one of a run that stopped early.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin/p1-power-meter").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void firstRunMakesTheArchiveTheNextRunUsesItAndARebuiltJarGetsANewOne() throws Exception {
        Path jar = dir.resolve("p1-power-meter.jar");
        Files.copy(ItTools.jar().toPath(), jar);
        Path cache = dir.resolve("cache");
        Path capture = dir.resolve("one.telegram");
        Files.write(capture, SwedishTelegram.bytes());
        List<String> dryRun = List.of("-s", "-n", "-i", capture.toString(), "--set", "guid=01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:00:00");

        Run help = run(jar, cache, "", List.of("--help"));
        assertEquals(0, help.code, help::toString);
        assertEquals(List.of(), archives(cache), "--help makes no archive");

        Run first = run(jar, cache, "", dryRun);
        assertEquals(0, first.code, first::toString);
        assertEquals(26, first.stdout.lines().count(), first::toString);
        List<Path> made = archives(cache);
        assertEquals(1, made.size(), "the first run makes one archive");
        assertTrue(Files.size(made.get(0)) >= 4 << 20, "an archive of a run that started Camel: " + Files.size(made.get(0)));

        Run second = run(jar, cache, "-Xshare:on", dryRun);
        assertEquals(0, second.code, "the second run maps the archive (-Xshare:on fails otherwise): " + second);
        assertEquals(26, second.stdout.lines().count(), second::toString);
        assertEquals(made, archives(cache), "the archive is reused, not remade");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000)); // "rebuilt"
        Run rebuilt = run(jar, cache, "", dryRun);
        assertEquals(0, rebuilt.code, rebuilt::toString);
        List<Path> remade = archives(cache);
        assertEquals(1, remade.size(), "the stale archive is removed: " + remade);
        assertNotEquals(made, remade, "a new archive for the new jar");

        Run afterRebuild = run(jar, cache, "-Xshare:on", dryRun);
        assertEquals(0, afterRebuild.code, afterRebuild::toString);
    }

    @Test
    void anArchiveOfARunThatStoppedEarlyIsMadeAgain() throws Exception {
        Path jar = dir.resolve("p1-power-meter.jar");
        Files.copy(ItTools.jar().toPath(), jar, StandardCopyOption.REPLACE_EXISTING);
        Path cache = dir.resolve("cache");
        Run usageError = run(jar, cache, "", List.of("--set", "no_such_key=1"));
        assertEquals(2, usageError.code, usageError::toString);
        List<Path> small = archives(cache);
        assertEquals(1, small.size());
        assertTrue(Files.size(small.get(0)) < 4 << 20, "a run that never started Camel archives little");

        Path capture = dir.resolve("one.telegram");
        Files.write(capture, SwedishTelegram.bytes());
        Run real = run(jar, cache, "", List.of("-s", "-n", "-i", capture.toString(),
                "--set", "guid=01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:00:00"));
        assertEquals(0, real.code, real::toString);
        List<Path> remade = archives(cache);
        assertEquals(1, remade.size());
        assertTrue(Files.size(remade.get(0)) >= 4 << 20, "made again by the real run: " + Files.size(remade.get(0)));
    }

    private record Run(int code, String stdout, String stderr) {
    }

    private Run run(Path jar, Path cache, String javaOpts, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".log");
        Path err = Files.createTempFile(dir, "err", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.put("P1_JAR", jar.toString());
        env.put("P1_CACHE_DIR", cache.toString());
        env.put("JAVA_OPTS", javaOpts);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("P1_APPCDS");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("launcher did not exit: " + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }
}
