package org.p1powermeter.app.config;

import java.nio.file.Path;

/**
 * A setting that names a file, with where it was set, so code that reads the file later can report a problem the
 * way the validator does: {@code config.ini:14: ca_file = '/etc/p1/ca.pem' holds no certificate}.
 */
public record FileSetting(String key, Path path, SettingOrigin origin) {

    /** One problem line: {@code <origin>: <key> = '<path>' <complaint>}. */
    public String problem(String complaint) {
        return origin + ": " + key + " = '" + path + "' " + complaint;
    }
}
