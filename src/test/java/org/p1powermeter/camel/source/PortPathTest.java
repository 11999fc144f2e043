package org.p1powermeter.camel.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port that cannot be opened is named as configured, with what is wrong, never as /dev/<file name>. */
class PortPathTest {

    @TempDir
    Path dir;

    @Test
    void anAbsentPortIsNamedAsConfigured() {
        String port = dir.resolve("x").toString();
        assertEquals(Optional.of(port + " does not exist"), PortPath.problem(port));
        assertEquals(port + " does not exist", JSerialCommLink.open(port, LineSettings.DSMR4).failure(),
                "what the serial source reports: the configured path, not /dev/x");
    }

    @Test
    void aPortInAnAbsentFolderSaysSo() {
        String port = dir.resolve("gone/ttyUSB0").toString();
        assertEquals(Optional.of(port + " does not exist (nor does its folder " + dir.resolve("gone") + ")"),
                PortPath.problem(port));
    }

    @Test
    void aDanglingLinkNamesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("meter"), dir.resolve("pts-gone"));
        assertEquals(Optional.of(link + " is a link to " + dir.resolve("pts-gone") + ", which does not exist (device unplugged?)"),
                PortPath.problem(link.toString()));
    }

    @Test
    void aFolderIsNotASerialDevice() {
        assertEquals(Optional.of(dir + " is a folder, not a serial device"), PortPath.problem(dir.toString()));
    }

    @Test
    void namesThatAreNotPathsAreLeftToJSerialComm() {
        assertEquals(Optional.empty(), PortPath.problem("COM3"));
    }
}
