package org.p1powermeter.app.config;

import java.util.ArrayList;
import java.util.List;
import org.p1powermeter.measure.MeasurementType;

/**
 * Every setting of the bridge, validated and immutable, built by {@link SettingsLoader}. Besides the sections
 * it holds the warnings found while loading (for the app to log) and {@link #describe()}, the debug listing of
 * every setting with its source. Neither {@link #toString()} nor {@link #describe()} shows the password.
 */
public final class BridgeSettings {
    private final GeneralSettings general;
    private final VscpSettings vscp;
    private final MqttSettings mqtt;
    private final SerialSettings serial;
    private final SpoolSettings spool;
    private final WatchSettings watch;
    private final HomeAssistantSettings homeAssistant;
    private final List<String> warnings;
    private final List<String> description;
    private KafkaSettings kafka = new KafkaSettings(KafkaSettings.Mode.STANDALONE, "127.0.0.1:9092",
            SettingCatalog.DEFAULT_KAFKA_TOPIC, "p1bridge", "", java.time.Duration.ofSeconds(45), java.util.Map.of());

    public BridgeSettings(GeneralSettings general, VscpSettings vscp, MqttSettings mqtt, SerialSettings serial,
            SpoolSettings spool, List<String> warnings, List<String> description) {
        this(general, vscp, mqtt, serial, spool, new WatchSettings(java.time.Duration.ofMinutes(15), 0, "127.0.0.1"),
                HomeAssistantSettings.off(), warnings, description);
    }

    public BridgeSettings(GeneralSettings general, VscpSettings vscp, MqttSettings mqtt, SerialSettings serial,
            SpoolSettings spool, WatchSettings watch, HomeAssistantSettings homeAssistant, List<String> warnings,
            List<String> description) {
        this.homeAssistant = homeAssistant;
        this.general = general;
        this.vscp = vscp;
        this.mqtt = mqtt;
        this.serial = serial;
        this.spool = spool;
        this.watch = watch;
        this.warnings = List.copyOf(warnings);
        this.description = List.copyOf(description);
    }

    public GeneralSettings general() {
        return general;
    }

    /**
     * Sets {@code [GENERAL] mode} and the [KAFKA] section: the loader's last step, before anyone else sees these
     * settings (kept apart from the constructor, which every section's issue extends).
     */
    BridgeSettings withKafka(KafkaSettings kafkaSettings) {
        this.kafka = java.util.Objects.requireNonNull(kafkaSettings);
        return this;
    }

    /** {@code [GENERAL] mode} and [KAFKA]. */
    public KafkaSettings kafka() {
        return kafka;
    }

    public VscpSettings vscp() {
        return vscp;
    }

    public MqttSettings mqtt() {
        return mqtt;
    }

    public SerialSettings serial() {
        return serial;
    }

    public SpoolSettings spool() {
        return spool;
    }

    /** The periodic log summary and the observability HTTP server. */
    public WatchSettings watch() {
        return watch;
    }

    public HomeAssistantSettings homeAssistant() {
        return homeAssistant;
    }

    /** Warnings found while loading (unknown keys, tolerated typos, readable password file …), for the log. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * One line per setting as read, with its source, for {@code -d}: e.g.
     * {@code [MQTT] port = 1883 (default)}, {@code [GENERAL] one_shot = true (command line -s)},
     * {@code [MQTT] password = **** (config.ini:112)}.
     */
    public List<String> describe() {
        return description;
    }

    /** True when this measurement's send group is switched on. */
    public boolean isSent(MeasurementType type) {
        return general.sends(type);
    }

    /** The measurements whose send group is switched on, in table order. */
    public List<MeasurementType> sentMeasurements() {
        List<MeasurementType> sent = new ArrayList<>();
        for (MeasurementType type : MeasurementType.values()) {
            if (isSent(type)) {
                sent.add(type);
            }
        }
        return List.copyOf(sent);
    }

    @Override
    public String toString() {
        return "BridgeSettings[" + general + ", " + vscp + ", " + mqtt + ", " + serial + ", " + spool + ", " + watch + ", "
                + homeAssistant + ", " + kafka + "]";
    }
}
