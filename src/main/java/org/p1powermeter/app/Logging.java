package org.p1powermeter.app;

/**
 * Log levels for slf4j-simple (to stderr), set before the first logger exists: quiet by default (warnings and
 * errors, and the periodic summary line), the bridge's own INFO lines with {@code -v}, DEBUG (each raw telegram, Camel's startup) with {@code -d}.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose, boolean debug) {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", debug ? "info" : "warn");
        setDefault("org.slf4j.simpleLogger.log.org.p1powermeter", debug ? "debug" : verbose ? "info" : "warn");
        // the periodic summary ([GENERAL] summary_minutes) shows that a quiet service is alive: info also without -v
        setDefault("org.slf4j.simpleLogger.log.org.p1powermeter.metrics.PeriodicSummary", debug ? "debug" : "info");
        setDefault("org.slf4j.simpleLogger.log.io.moquette", "warn");
        setDefault("org.slf4j.simpleLogger.log.io.netty", "warn");
        // the demo broker's Netty warns when there is no MAC for its channel ids (random bytes are fine there)
        setDefault("org.slf4j.simpleLogger.log.io.netty.util.internal.MacAddressUtil", "error");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
