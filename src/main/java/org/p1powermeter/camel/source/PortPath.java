package org.p1powermeter.camel.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What is wrong with a serial port path before jSerialComm tries it, named as configured: jSerialComm turns a
 * path that does not exist into {@code /dev/<its file name>} and reports only an error number.
 */
final class PortPath {

    private PortPath() {
    }

    /** Why {@code port} cannot be a serial device, or empty when it may be one (or is not a path, e.g. COM3). */
    static Optional<String> problem(String port) {
        if (!port.startsWith("/")) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(port);
        } catch (InvalidPathException e) {
            return Optional.of(port + " is not a file name");
        }
        if (Files.exists(path)) {
            return Files.isDirectory(path) ? Optional.of(port + " is a folder, not a serial device") : Optional.empty();
        }
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = "a file";
            }
            return Optional.of(port + " is a link to " + target + ", which does not exist (device unplugged?)");
        }
        return Optional.of(port + " does not exist" + (Files.exists(path.getParent(), LinkOption.NOFOLLOW_LINKS)
                ? "" : " (nor does its folder " + path.getParent() + ")"));
    }

    /** The meaning of the errno jSerialComm reports for a failed open. */
    static String errnoText(int errno) {
        switch (errno) {
            case 2: return "no such device";
            case 13: return "permission denied: the user needs to be in the port's group, usually dialout";
            case 16: return "busy: another program has the port open";
            case 19: case 6: return "no such device (unplugged?)";
            case 21: return "a folder, not a serial device";
            default: return "error " + errno;
        }
    }
}
