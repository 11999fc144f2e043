package org.p1powermeter.app.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The [SPOOL] section: where the outbox of events lives on disk (a relative path is taken from the working
 * directory), how much it may hold, and how long the app waits for the broker to take what is spooled at shutdown
 * and in one-shot mode.
 */
public record SpoolSettings(Path directory, int maxMegabytes, Duration maxAge, Duration deliveryTimeout) {

    public long maxBytes() {
        return maxMegabytes * 1024L * 1024L;
    }
}
