package org.p1powermeter.app.config;

import java.time.Duration;

/**
 * How the bridge is watched: the periodic summary line in the log ({@code [GENERAL] summary_minutes}, zero = off)
 * and the observability HTTP server ({@code [HTTP] port}, 0 = off, and {@code bind}, the address it listens on).
 */
public record WatchSettings(Duration summaryInterval, int httpPort, String httpBind) {

    public boolean httpEnabled() {
        return httpPort != 0;
    }
}
