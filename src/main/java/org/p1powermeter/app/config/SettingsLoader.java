package org.p1powermeter.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds {@link BridgeSettings} from its sources. Precedence, highest first:
 * <ol>
 * <li>the command line ({@code -s}, {@code --set key=value}),</li>
 * <li>environment variables {@code P1_<SECTION>_<KEY>}, e.g. {@code P1_MQTT_PASSWORD},</li>
 * <li>config.ini ({@code -c FILE}, else {@code ./config.ini} when it exists),</li>
 * <li>application.properties ({@code --properties FILE}, else {@code ./application.properties} when it exists),
 * keys {@code p1.<section>.<key>},</li>
 * <li>the built-in defaults ({@link SettingCatalog}).</li>
 * </ol>
 * The environment is a parameter (the app passes {@code System.getenv()}). Problems in any source are collected
 * and thrown together as one {@link ConfigException}; warnings end up in {@link BridgeSettings#warnings()}.
 */
public final class SettingsLoader {
    public static final String DEFAULT_INI_FILE = "config.ini";
    public static final String DEFAULT_PROPERTIES_FILE = "application.properties";

    private Map<String, String> environment = Map.of();
    private Path iniFile;
    private boolean iniRequired;
    private Path propertiesFile;
    private boolean propertiesRequired;
    private final List<String[]> commandLineSettings = new ArrayList<>();

    /** The environment to read {@code P1_*} variables from (only those are looked at). */
    public SettingsLoader environment(Map<String, String> variables) {
        this.environment = new TreeMap<>(variables);
        return this;
    }

    /** The config.ini to read; a missing file is an error only when {@code required} (given with -c). */
    public SettingsLoader iniFile(Path file, boolean required) {
        this.iniFile = file;
        this.iniRequired = required;
        return this;
    }

    /** The application.properties to read; a missing file is an error only when {@code required}. */
    public SettingsLoader propertiesFile(Path file, boolean required) {
        this.propertiesFile = file;
        this.propertiesRequired = required;
        return this;
    }

    /**
     * A command-line setting {@code key=value}; the key may be {@code host}, {@code mqtt.host} or
     * {@code p1.mqtt.host}. {@code option} names the flag in messages, e.g. {@code --set} or {@code -s}.
     */
    public SettingsLoader commandLineSetting(String assignment, String option) {
        commandLineSettings.add(new String[] {assignment, option});
        return this;
    }

    /** Reads, layers and validates every source. */
    public BridgeSettings load() throws ConfigException {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        RawSettings raw = RawSettings.defaults();
        SourceReader sources = new SourceReader(raw, problems, warnings);
        Optional<Path> properties = existing(propertiesFile, propertiesRequired, "properties file", "--properties",
                problems);
        properties.ifPresent(sources::readProperties);
        Optional<Path> ini = existing(iniFile, iniRequired, "config file", "-c/--config", problems);
        ini.ifPresent(sources::readIni);
        sources.readEnvironment(environment);
        for (String[] setting : commandLineSettings) {
            sources.readCommandLine(setting[0], setting[1]);
        }
        SettingsValidator validator = new SettingsValidator(raw, problems, warnings);
        GeneralSettings general = validator.general();
        VscpSettings vscp = validator.vscp();
        MqttSettings mqtt = validator.mqtt(general.noVscp());
        SerialSettings serial = validator.serial();
        SpoolSettings spool = validator.spool();
        WatchSettings watch = validator.watch();
        HomeAssistantSettings homeAssistant = validator.homeAssistant(general.interval());
        KafkaSettings kafka = validator.kafka(general.oneShot());
        validator.dongleList(serial, kafka, mqtt);
        problems.replaceAll(raw::redact);
        warnings.replaceAll(raw::redact);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<String> description = new ArrayList<>();
        description.add("config file: " + ini.map(Path::toString).orElse("none"));
        description.add("properties file: " + properties.map(Path::toString).orElse("none"));
        description.addAll(raw.describe());
        return new BridgeSettings(general, vscp, mqtt, serial, spool, watch, homeAssistant, warnings, description)
                .withKafka(kafka);
    }

    private static Optional<Path> existing(Path file, boolean required, String what, String option,
            List<String> problems) {
        if (file == null) {
            return Optional.empty();
        }
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        if (required) {
            problems.add(option + ": " + what + " " + file + (Files.exists(file) ? " is not a file" : " not found"));
        }
        return Optional.empty();
    }
}
