package org.p1powermeter.app.config;

/**
 * One setting the bridge knows: its section, its lower-case key as in config.ini, the built-in default as text
 * and a one-line description (the comment above it in application.properties).
 */
public record SettingKey(Section section, String name, String defaultText, String description) {

    /** The key in application.properties, e.g. {@code p1.mqtt.host}. */
    public String propertyKey() {
        return section.propertyPrefix() + name;
    }

    /** The environment variable, e.g. {@code P1_MQTT_HOST}. */
    public String environmentVariable() {
        return section.environmentPrefix() + name.toUpperCase(java.util.Locale.ROOT);
    }

    /** How messages name it: {@code [MQTT] host}. */
    public String displayName() {
        return "[" + section.iniName() + "] " + name;
    }

    /** True for keys whose value must never be printed. */
    public boolean isSecret() {
        return name.equals(SettingCatalog.PASSWORD) || name.equals(SettingCatalog.DECRYPTION_KEY)
                || name.equals(SettingCatalog.AUTHENTICATION_KEY) || name.equals(SettingCatalog.KAFKA_SASL_JAAS_CONFIG)
                || name.equals(SettingCatalog.KAFKA_SSL_TRUSTSTORE_PASSWORD)
                || name.equals(SettingCatalog.KAFKA_SSL_KEYSTORE_PASSWORD)
                || name.equals(SettingCatalog.KAFKA_CLIENT_PROPERTIES);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
