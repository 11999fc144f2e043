package org.p1powermeter.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes config files for tests; owner-only permissions unless a test asks otherwise. */
final class TestFiles {
    private TestFiles() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            ownerOnly(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Python script's sample config.ini, byte for byte, as {@code dir/config.ini}. */
    static Path seedConfig(Path dir) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/seed/config.ini")) {
            Path file = dir.resolve("config.ini");
            Files.write(file, in.readAllBytes());
            ownerOnly(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to tighten
        }
    }

    static BridgeSettings loadIni(Path file) throws ConfigException {
        return new SettingsLoader().iniFile(file, true).load();
    }
}
