package org.p1powermeter.app.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.Sensor;

/**
 * The [MQTT] section. {@code url} (e.g. {@code ssl://broker:8883}) replaces host and port when set; empty
 * {@code user} means no login; empty {@code clientId} means the app makes one up; {@code tls} holds the CA and
 * client certificate files for a TLS URL ({@link #isTlsUrl}). {@link #toString()} masks the password.
 */
public record MqttSettings(String host, int port, Optional<String> url, String user, String password,
        String clientId, String topic, int qos, boolean retained, Map<Sensor, String> notes,
        TlsSettings tls) {

    public MqttSettings {
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        java.util.Objects.requireNonNull(tls, "tls");
        for (Sensor sensor : Sensor.all()) {
            if (!notes.containsKey(sensor)) {
                throw new IllegalArgumentException("no note for " + sensor);
            }
        }
    }

    /** The broker to connect to: {@code url} if set, else {@code tcp://host:port}. */
    public String brokerUrl() {
        if (url.isPresent()) {
            return url.get();
        }
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host; // an IPv6 literal
        return "tcp://" + shownHost + ":" + port;
    }

    /** True for a broker URL whose connection is encrypted: {@code ssl://}, {@code wss://} or {@code mqtts://}. */
    public static boolean isTlsUrl(String brokerUrl) {
        String lower = brokerUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith("ssl://") || lower.startsWith("wss://") || lower.startsWith("mqtts://");
    }

    public boolean hasCredentials() {
        return !user.isEmpty();
    }

    /** The note of this sensor's events (its topic when no_vscp is set). */
    public String note(Sensor sensor) {
        return notes.get(sensor);
    }

    /** The note of a measurement that is not M-Bus. */
    public String note(MeasurementType type) {
        return note(Sensor.of(type, 0));
    }

    @Override
    public String toString() {
        return "MqttSettings[brokerUrl=" + brokerUrl() + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : RawSettings.MASK) + ", clientId=" + clientId
                + ", topic=" + topic + ", qos=" + qos + ", retained=" + retained + ", notes=" + notes + ", tls=" + tls + "]";
    }
}
