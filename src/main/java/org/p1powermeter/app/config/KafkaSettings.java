package org.p1powermeter.app.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code [GENERAL] mode} and the [KAFKA] section: how the bridge runs as a fleet. {@code clientProperties} are the
 * Kafka client properties passed through as they are (the security keys under their Kafka names, e.g.
 * {@code security.protocol}, plus {@code client_properties}); they hold secrets and are never printed.
 */
public record KafkaSettings(Mode mode, String brokers, String topic, String groupId, String groupInstanceId,
        Duration sessionTimeout, Map<String, String> clientProperties) {

    /** {@code [GENERAL] mode}. */
    public enum Mode {
        /** Read the meter and publish; Kafka is not used (nor loaded). */
        STANDALONE,
        /** Frame and CRC-check telegrams from the sources into the Kafka topic, keyed by meter id. */
        INGEST,
        /** A consumer group on the Kafka topic that parses and publishes like standalone. */
        BRIDGE;

        /** The config spelling, e.g. {@code standalone}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KafkaSettings {
        clientProperties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(clientProperties));
    }

    /** True in ingest and bridge mode. */
    public boolean usesKafka() {
        return mode != Mode.STANDALONE;
    }

    @Override
    public String toString() {
        return "KafkaSettings[mode=" + mode.text() + ", brokers=" + brokers + ", topic=" + topic + ", groupId=" + groupId
                + ", groupInstanceId=" + groupInstanceId + ", sessionTimeout=" + sessionTimeout + ", clientProperties="
                + clientProperties.keySet() + "]";
    }
}
