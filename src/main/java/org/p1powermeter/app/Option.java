package org.p1powermeter.app;

import java.util.Optional;

/** The command-line options, with their help text. */
enum Option {
    HELP('h', "help", null, "Show this help and exit."),
    CONFIG('c', "config", "FILE", "Read settings from this config.ini (default: ./config.ini if it exists)."),
    CONFIGURE('\0', "configure", "FILE", "Same as --config (the Python script's README spelling)."),
    PROPERTIES('\0', "properties", "FILE",
            "Read p1.<section>.<key> settings from this file (default: ./application.properties if it exists)."),
    SET('\0', "set", "KEY=VALUE", "Set any setting, e.g. --set host=broker or --set mqtt.qos=0 (repeatable; wins over all files)."),
    VERBOSE('v', "verbose", null, "Log each published event."),
    DEBUG('d', "debug", null, "Log debug output, including every setting and where it came from."),
    ONESHOT('s', "oneshot", null, "Publish the measurements of one telegram, then exit (for cron)."),
    INPUT('i', "input", "PATH|-", "Read telegrams from a capture file, or from standard input with -, instead of the serial port."),
    DRY_RUN('n', "dry-run", null, "Do not connect to MQTT; print each event as a JSON line on standard output."),
    DEMO('\0', "demo", null, "Run an embedded MQTT broker and a simulated meter (cannot be combined with -i)."),
    LIST_PORTS('\0', "list-ports", null, "Print the serial ports with what jSerialComm knows about each, and exit.");

    private final char shortName;
    private final String longName;
    private final String argument;
    private final String help;

    Option(char shortName, String longName, String argument, String help) {
        this.shortName = shortName;
        this.longName = longName;
        this.argument = argument;
        this.help = help;
    }

    boolean takesValue() {
        return argument != null;
    }

    String display() {
        return (shortName == '\0' ? "" : "-" + shortName + "/") + "--" + longName;
    }

    static Optional<Option> byShort(char letter) {
        for (Option option : values()) {
            if (option.shortName == letter && letter != '\0') {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    static Optional<Option> byLong(String name) {
        for (Option option : values()) {
            if (option.longName.equals(name)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: p1-power-meter [options]\n\n");
        text.append("Reads a smart electricity meter's P1 port and publishes every measurement as a VSCP event over MQTT.\n\n");
        text.append("Options:\n");
        for (Option option : values()) {
            String flags = (option.shortName == '\0' ? "    " : "-" + option.shortName + ", ") + "--" + option.longName
                    + (option.argument == null ? "" : " " + option.argument);
            text.append(String.format("  %-28s %s%n", flags, option.help));
        }
        text.append("\nSettings are taken from, highest precedence first: the command line (-s, --set),\n")
                .append("environment variables P1_<SECTION>_<KEY> (e.g. P1_MQTT_PASSWORD), config.ini,\n")
                .append("application.properties (p1.<section>.<key>), then the built-in defaults.\n")
                .append("\nExit codes: 0 done, 1 runtime failure, 2 usage or configuration error.\n");
        return text.toString();
    }
}
