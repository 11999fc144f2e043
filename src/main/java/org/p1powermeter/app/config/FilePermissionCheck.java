package org.p1powermeter.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Warns when a file holding a secret (the MQTT password, a P1 key) can be read by group or others (POSIX only). */
final class FilePermissionCheck {
    private static final Set<PosixFilePermission> READ_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private FilePermissionCheck() {
    }

    /**
     * The warning for a file holding {@code secret} that group or others can read, or empty (also when POSIX is not
     * supported).
     */
    static Optional<String> secretFileWarning(Path file, SettingKey secret) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        if (permissions.stream().noneMatch(READ_BY_OTHERS::contains)) {
            return Optional.empty();
        }
        String what = secret.name().equals(SettingCatalog.PASSWORD) ? "the MQTT password"
                : "the " + secret.name() + " of the encrypted P1 port";
        return Optional.of(file + " holds " + what + " but is readable by group or others ("
                + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
    }
}
