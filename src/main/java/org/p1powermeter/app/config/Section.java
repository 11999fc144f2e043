package org.p1powermeter.app.config;

import java.util.Locale;
import java.util.Optional;

/** The sections of config.ini; their names are also the middle part of property and environment keys. */
public enum Section {
    GENERAL,
    VSCP,
    MQTT,
    SERIAL,
    SPOOL,
    HTTP,
    HOMEASSISTANT,
    KAFKA;

    /** The ini header name, e.g. {@code MQTT} for {@code [MQTT]}. */
    public String iniName() {
        return name();
    }

    /** The property key prefix, e.g. {@code p1.mqtt.}. */
    public String propertyPrefix() {
        return "p1." + name().toLowerCase(Locale.ROOT) + ".";
    }

    /** The environment variable prefix, e.g. {@code P1_MQTT_}. */
    public String environmentPrefix() {
        return "P1_" + name() + "_";
    }

    /** The section with this name in any case, e.g. {@code mqtt} or {@code Mqtt}. */
    public static Optional<Section> byName(String name) {
        for (Section section : values()) {
            if (section.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
