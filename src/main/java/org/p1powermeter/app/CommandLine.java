package org.p1powermeter.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.SettingsLoader;

/**
 * The parsed command line. Flags of the Python script ({@code -h -c -v -d -s}, {@code --configure} as an alias of
 * {@code --config}) plus the bridge's own. Short flags may be grouped ({@code -vs}) and take their argument
 * attached or separate ({@code -cFILE}, {@code -c FILE}); long ones as {@code --config=FILE} or
 * {@code --config FILE}. Anything else is a {@link UsageException}.
 */
public final class CommandLine {
    private boolean help;
    private boolean listPorts;
    private boolean verbose;
    private boolean debug;
    private boolean oneShot;
    private boolean dryRun;
    private boolean demo;
    private Path configFile;
    private Path propertiesFile;
    private String input;
    private final List<String> settings = new ArrayList<>();

    private CommandLine() {
    }

    public static CommandLine parse(String... args) throws UsageException {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                i = line.parseLong(arg, args, i);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = line.parseShort(arg, args, i);
            } else {
                throw new UsageException("unexpected argument " + (i + 1) + " (options start with - or --; a value"
                        + " with spaces needs quotes; the argument is not shown, it may be a secret)");
            }
        }
        if (line.demo && line.input != null) {
            throw new UsageException("--demo simulates the meter, so it cannot be combined with -i/--input");
        }
        return line;
    }

    /**
     * Loads the settings this command line asks for: {@code -c FILE} (must exist) or {@code ./config.ini} (when
     * present), {@code --properties FILE} (must exist) or {@code ./application.properties} (when present), the
     * {@code P1_*} variables of {@code environment}, then {@code -s} and every {@code --set}.
     */
    public BridgeSettings loadSettings(Map<String, String> environment, Path workingDirectory) throws ConfigException {
        SettingsLoader loader = new SettingsLoader().environment(environment);
        loader.iniFile(configFile().orElse(workingDirectory.resolve(SettingsLoader.DEFAULT_INI_FILE)),
                configFile != null);
        loader.propertiesFile(propertiesFile().orElse(workingDirectory.resolve(SettingsLoader.DEFAULT_PROPERTIES_FILE)),
                propertiesFile != null);
        if (oneShot) {
            loader.commandLineSetting("one_shot=true", "-s");
        }
        for (String setting : settings) {
            loader.commandLineSetting(setting, "--set");
        }
        return loader.load();
    }

    private int parseLong(String arg, String[] args, int index) throws UsageException {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
        Option option = Option.byLong(name)
                .orElseThrow(() -> new UsageException("unknown option --" + name + " (see --help)"));
        if (!option.takesValue()) {
            if (equals >= 0) {
                throw new UsageException("option --" + name + " takes no value");
            }
            apply(option, null);
            return index;
        }
        if (equals >= 0) {
            apply(option, arg.substring(equals + 1));
            return index;
        }
        apply(option, valueAfter(args, index, "--" + name));
        return index + 1;
    }

    private int parseShort(String arg, String[] args, int index) throws UsageException {
        for (int c = 1; c < arg.length(); c++) {
            char letter = arg.charAt(c);
            Option option = Option.byShort(letter)
                    .orElseThrow(() -> new UsageException("unknown option -" + letter + " (see --help)"));
            if (!option.takesValue()) {
                apply(option, null);
            } else if (c + 1 < arg.length()) {
                apply(option, arg.substring(c + 1));
                return index;
            } else {
                apply(option, valueAfter(args, index, "-" + letter));
                return index + 1;
            }
        }
        return index;
    }

    private static String valueAfter(String[] args, int index, String flag) throws UsageException {
        if (index + 1 >= args.length) {
            throw new UsageException("option " + flag + " needs a value");
        }
        return args[index + 1];
    }

    private void apply(Option option, String value) throws UsageException {
        if (value != null && value.isEmpty()) {
            throw new UsageException("option " + option.display() + " needs a non-empty value");
        }
        switch (option) {
            case HELP -> help = true;
            case VERBOSE -> verbose = true;
            case DEBUG -> debug = true;
            case ONESHOT -> oneShot = true;
            case DRY_RUN -> dryRun = true;
            case DEMO -> demo = true;
            case LIST_PORTS -> listPorts = true;
            case CONFIG, CONFIGURE -> configFile = once(configFile, Path.of(value), Option.CONFIG);
            case PROPERTIES -> propertiesFile = once(propertiesFile, Path.of(value), option);
            case INPUT -> input = once(input, value, option);
            case SET -> {
                if (value.indexOf('=') <= 0) {
                    throw new UsageException("--set needs key=value (the text given is not shown, it may be a secret)");
                }
                settings.add(value);
            }
            default -> throw new IllegalStateException(option.name());
        }
    }

    private static <T> T once(T current, T value, Option option) throws UsageException {
        if (current != null) {
            throw new UsageException("option " + option.display() + " is given twice");
        }
        return value;
    }

    /** The usage text printed by {@code --help}. */
    public static String usage() {
        return Option.usage();
    }

    public boolean help() {
        return help;
    }

    /** {@code --list-ports}: print the serial ports and exit. */
    public boolean listPorts() {
        return listPorts;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean debug() {
        return debug;
    }

    /** {@code -s}: publish one telegram and exit (also settable as one_shot in config.ini). */
    public boolean oneShot() {
        return oneShot;
    }

    /** {@code -n}: no MQTT, print events as JSON lines. */
    public boolean dryRun() {
        return dryRun;
    }

    /** {@code --demo}: embedded broker and simulated meter. */
    public boolean demo() {
        return demo;
    }

    /** The config file given with -c/--config/--configure (empty: ./config.ini if it exists). */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    public Optional<Path> propertiesFile() {
        return Optional.ofNullable(propertiesFile);
    }

    /** The -i/--input capture file, or {@code -} for stdin; empty: read the serial port. */
    public Optional<String> input() {
        return Optional.ofNullable(input);
    }

    /** True when -i reads standard input. */
    public boolean inputIsStdin() {
        return "-".equals(input);
    }

    /** Every --set key=value, in order. */
    public List<String> settings() {
        return List.copyOf(settings);
    }
}
