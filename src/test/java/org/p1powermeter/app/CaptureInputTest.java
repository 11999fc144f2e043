package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.app.config.ConfigException;

/** {@code -i FILE} with a configuration that fails before the run starts leaves no file open. */
class CaptureInputTest {

    @TempDir
    Path dir;

    @Test
    void aGuidErrorLeavesTheCaptureFileClosed() throws Exception {
        Path capture = Files.writeString(dir.resolve("capture.txt"), "/XMX5LGBBFG1012345678\r\n\r\n!0000\r\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = P1PowerMeter.run(new String[] {"-i", capture.toString(), "--set", "guid_interface=nosuch0"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ConfigException.EXIT_CODE, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("guid_interface = nosuch0"), err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), openDescriptorsOf(capture.toRealPath()), "file descriptors still open on the capture");
    }

    /** This JVM's open file descriptors that point at {@code file} (Linux /proc). */
    private static List<Path> openDescriptorsOf(Path file) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).toList();
        }
    }
}
