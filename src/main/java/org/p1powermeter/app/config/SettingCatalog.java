package org.p1powermeter.app.config;

import org.p1powermeter.camel.spool.P1SpoolConfiguration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.SendGroup;
import org.p1powermeter.measure.Sensor;
import org.p1powermeter.p1.TelegramParser;

/**
 * Every setting the bridge reads, in documentation order, with the Python script's defaults (and the defaults of
 * the settings it did not have). The {@code sensorindex_}, {@code id_} and {@code note_} keys are generated from
 * the {@link MeasurementType} table, one per {@link Sensor} (M-Bus rows one per channel, {@code id_gas_volume_2}); the {@code send_} flags from {@link SendGroup} (the new groups default to false,
 * so a Python user gets exactly its 26 measurements).
 */
public final class SettingCatalog {
    public static final String ONE_SHOT = "one_shot";
    public static final String NO_VSCP = "no_vscp";
    public static final String ROUTES = "routes";
    public static final String SINKS = "sinks";
    public static final String GUID = "guid";
    public static final String ZONE = "zone";
    public static final String SUBZONE = "subzone";
    public static final String ENCODING = "encoding";
    public static final String GUID_INTERFACE = "guid_interface";
    public static final String EVENT_TIME = "event_time";
    public static final String SENSORINDEX_PREFIX = "sensorindex_";
    public static final String ID_PREFIX = "id_";
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String TOPIC = "topic";
    public static final String QOS = "qos";
    public static final String CLIENT_ID = "client_id";
    public static final String RETAINED = "retained";
    public static final String INPUT_TOPIC = "input_topic";
    public static final String URL = "url";
    public static final String CA_FILE = "ca_file";
    public static final String CERT_FILE = "cert_file";
    public static final String KEY_FILE = "key_file";
    public static final String NOTE_PREFIX = "note_";
    public static final String SERIAL_PORT = "serial_port";
    public static final String SERIAL_BAUDRATE = "serial_baudrate";
    public static final String SERIAL_TIMEOUT = "serial_timeout";
    public static final String SERIAL_DATABITS = "serial_databits";
    public static final String SERIAL_PARITY = "serial_parity";
    public static final String SERIAL_STOPBITS = "serial_stopbits";
    public static final String CRC = "crc";
    public static final String METER_ZONE = "meter_zone";
    public static final String SERIAL_AUTODETECT = "serial_autodetect";
    public static final String DECRYPTION_KEY = "decryption_key";
    public static final String AUTHENTICATION_KEY = "authentication_key";
    public static final String INPUT_INTERVAL = "input_interval";
    public static final String SPOOL_DIR = "spool_dir";
    public static final String SPOOL_MAX_MB = "spool_max_mb";
    public static final String SPOOL_MAX_AGE_HOURS = "spool_max_age_hours";
    public static final String DELIVERY_TIMEOUT = "delivery_timeout";
    public static final String SUMMARY_MINUTES = "summary_minutes";
    /** {@code [HTTP] port}: a key name [MQTT] has too, so it is read by its qualified name (a bare {@code port} is MQTT's). */
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_BIND = "http.bind";
    public static final String INTERVAL = "interval";
    public static final String INTERVAL_MIN_MAX = "interval_min_max";
    public static final String DISCOVERY = "discovery";
    public static final String HA_VSCP = "vscp";
    public static final String HA_PREFIX = "prefix";
    public static final String HA_BASE_TOPIC = "base_topic";
    public static final String EXPIRE_AFTER = "expire_after";
    public static final String SUPPORT_URL = "support_url";
    public static final String MODE = "mode";
    /** [KAFKA] keys; {@code kafka.topic} is qualified because [MQTT] has a {@code topic} too. */
    public static final String KAFKA_BROKERS = "brokers";
    public static final String KAFKA_TOPIC = "kafka.topic";
    public static final String KAFKA_GROUP_ID = "group_id";
    public static final String KAFKA_GROUP_INSTANCE_ID = "group_instance_id";
    public static final String KAFKA_SESSION_TIMEOUT = "session_timeout";
    public static final String KAFKA_SECURITY_PROTOCOL = "security_protocol";
    public static final String KAFKA_SASL_MECHANISM = "sasl_mechanism";
    public static final String KAFKA_SASL_JAAS_CONFIG = "sasl_jaas_config";
    public static final String KAFKA_SSL_TRUSTSTORE_LOCATION = "ssl_truststore_location";
    public static final String KAFKA_SSL_TRUSTSTORE_PASSWORD = "ssl_truststore_password";
    public static final String KAFKA_SSL_KEYSTORE_LOCATION = "ssl_keystore_location";
    public static final String KAFKA_SSL_KEYSTORE_PASSWORD = "ssl_keystore_password";
    public static final String KAFKA_CLIENT_PROPERTIES = "client_properties";
    public static final String DEFAULT_KAFKA_TOPIC = "p1.telegrams";

    public static final String DEFAULT_TOPIC = "vscp/{xguid}/{xclass}/{xtype}";

    private static final List<SettingKey> ALL = build();
    private static final Map<String, SettingKey> BY_NAME = index(ALL);
    /** Every key by {@code section.name}, e.g. {@code kafka.topic}: the one way to reach a name two sections share. */
    private static final Map<String, SettingKey> BY_QUALIFIED_NAME = qualifiedIndex(ALL);

    private SettingCatalog() {
    }

    /** Every key, in the order of application.properties. */
    public static List<SettingKey> all() {
        return ALL;
    }

    /**
     * The key with this (lower-case) name, or with this {@code section.name} ({@code kafka.topic}). A bare name two
     * sections share ({@code topic}) is the first section's ([MQTT] topic, as before [KAFKA] existed).
     */
    public static Optional<SettingKey> byName(String name) {
        SettingKey qualified = BY_QUALIFIED_NAME.get(name);
        return Optional.ofNullable(qualified != null ? qualified : BY_NAME.get(name));
    }

    /** The key with this name in this section (empty if the name belongs to another section). */
    public static Optional<SettingKey> find(Section section, String name) {
        return Optional.ofNullable(BY_QUALIFIED_NAME.get(qualified(section, name)));
    }

    private static String qualified(Section section, String name) {
        return section.name().toLowerCase(java.util.Locale.ROOT) + "." + name;
    }

    public static SettingKey key(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("no setting " + name));
    }

    /** The names of the keys of one section, for suggestions. */
    public static List<String> names(Section section) {
        List<String> names = new ArrayList<>();
        for (SettingKey key : ALL) {
            if (key.section() == section) {
                names.add(key.name());
            }
        }
        return names;
    }

    private static List<SettingKey> build() {
        List<SettingKey> keys = new ArrayList<>();
        Section g = Section.GENERAL;
        keys.add(new SettingKey(g, ONE_SHOT, "false", "Publish the measurements of one telegram, then exit (for cron); -s/--oneshot sets it too"));
        keys.add(new SettingKey(g, NO_VSCP, "false", "Publish each bare value with its note_<name> as the MQTT topic instead of a VSCP event"));
        for (SendGroup group : SendGroup.values()) {
            keys.add(new SettingKey(g, group.flagKey(), Boolean.toString(group.isSeed()),
                    "Send the " + groupDescription(group) + " measurements"
                            + (group.isSeed() ? "" : " (new; false keeps the Python script's 26 measurements)")));
        }
        keys.add(new SettingKey(g, ROUTES, "", "Extra Camel route files (YAML, comma-separated) to load beside the main route, e.g. routes/examples/file-sink.camel.yaml;"
                + " a relative path is relative to the folder of the file that sets it (from --set or the environment: the working directory)"));
        keys.add(new SettingKey(g, INPUT_INTERVAL, "0", "With -i FILE: milliseconds to wait before each telegram (a paced replay; 1000 is a DSMR 5 meter); 0 = as fast as possible"));
        keys.add(new SettingKey(g, SUMMARY_MINUTES, "15", "Minutes between two info lines in the log summing up every counter (source, telegrams, events delivered and dropped), so a healthy service is visibly alive; 0 = off"));
        keys.add(new SettingKey(g, SINKS, "direct:mqtt", "Where every event goes (comma-separated endpoints): direct:mqtt publishes; add the direct: endpoint of your own sink route"));
        keys.add(new SettingKey(g, INTERVAL, "0", "Publish window in seconds (0-86400) on wall-clock boundaries: the mean of instantaneous values, counters when they changed (plus a heartbeat); 0 = every telegram"));
        keys.add(new SettingKey(g, INTERVAL_MIN_MAX, "false", "With interval > 0: the Home Assistant state also carries <name>_min and <name>_max of each averaged value (and disabled min/max sensors)"));
        keys.add(new SettingKey(g, MODE, "standalone", "standalone = read the meter and publish (Kafka is not used); ingest = frame and CRC-check telegrams into the Kafka topic of [KAFKA]; bridge = a consumer group on that topic that publishes like standalone (see README, Many meters)"));
        Section v = Section.VSCP;
        keys.add(new SettingKey(v, GUID, "", "GUID of the events, 16 hex bytes separated by ':'; empty = FF:FF:FF:FF:FF:FF:FF:FE:<MAC>:<id>"));
        keys.add(new SettingKey(v, GUID_INTERFACE, "", "Network interface whose MAC makes the GUID; empty = the first suitable one"));
        keys.add(new SettingKey(v, ZONE, "0", "Zone 0-255 of every event"));
        keys.add(new SettingKey(v, SUBZONE, "0", "Subzone 0-255 of every event"));
        keys.add(new SettingKey(v, ENCODING, "string", "Event class: string = CLASS2.MEASUREMENT_STR (1040), float = CLASS2.MEASUREMENT_FLOAT (1060)"));
        keys.add(new SettingKey(v, EVENT_TIME, "telegram", "Event time: telegram = the meter's timestamp (0-0:1.0.0), receipt = when the telegram was read"));
        for (Sensor sensor : Sensor.all()) {
            keys.add(new SettingKey(v, SENSORINDEX_PREFIX + sensor.configName(), Integer.toString(sensor.defaultIndex()),
                    "Sensor index 0-255 of " + sensor.defaultNote() + channelText(sensor)));
        }
        for (Sensor sensor : Sensor.all()) {
            keys.add(new SettingKey(v, ID_PREFIX + sensor.configName(), Integer.toString(sensor.defaultIndex()),
                    "Id 0-65535 in the two last GUID bytes of " + sensor.defaultNote() + channelText(sensor)));
        }
        Section m = Section.MQTT;
        keys.add(new SettingKey(m, HOST, "127.0.0.1", "MQTT broker host"));
        keys.add(new SettingKey(m, PORT, "1883", "MQTT broker port 1-65535"));
        keys.add(new SettingKey(m, URL, "", "Full broker URL (tcp://, ssl://, ws://, wss://) that replaces host and port, e.g. ssl://broker:8883 (TLS, the broker's name is verified)"));
        keys.add(new SettingKey(m, CA_FILE, "", "PEM file of the CA certificate(s) the broker's certificate must chain to; only with an ssl:// or wss:// url (else an error); empty = the JDK's default trust store"));
        keys.add(new SettingKey(m, CERT_FILE, "", "PEM file of the client certificate (chain) for brokers that require one (ssl:// or wss:// url; needs key_file)"));
        keys.add(new SettingKey(m, KEY_FILE, "", "PEM file of the client certificate's unencrypted private key (PKCS#8 or RSA; needs cert_file; chmod 600)"));
        keys.add(new SettingKey(m, USER, "", "MQTT user name; empty = connect without login"));
        keys.add(new SettingKey(m, PASSWORD, "", "MQTT password (better set it with the environment variable P1_MQTT_PASSWORD)"));
        keys.add(new SettingKey(m, CLIENT_ID, "", "MQTT client id; empty = p1-power-meter- followed by a random suffix"));
        keys.add(new SettingKey(m, TOPIC, DEFAULT_TOPIC, "Topic of the events; {xguid}, {xclass} and {xtype} are replaced"));
        keys.add(new SettingKey(m, QOS, "1", "MQTT quality of service 0, 1 or 2"));
        keys.add(new SettingKey(m, RETAINED, "false", "Publish with the retained flag"));
        keys.add(new SettingKey(m, INPUT_TOPIC, "", "Read raw telegrams from this topic of the broker instead of the serial port (one telegram per message, e.g. dsmr/raw; + and # allowed); empty = off"));
        for (Sensor sensor : Sensor.all()) {
            keys.add(new SettingKey(m, NOTE_PREFIX + sensor.configName(), sensor.defaultNote(),
                    "Note of the event (the topic when no_vscp = true) for " + sensor.configName()));
        }
        Section s = Section.SERIAL;
        keys.add(new SettingKey(s, SERIAL_PORT, "/dev/ttyUSB1", "Serial port the meter's P1 cable is on; auto = the one port that sends telegrams; or a network dongle: tcp://HOST:PORT (or socket://HOST:PORT)"));
        keys.add(new SettingKey(s, SERIAL_BAUDRATE, "115200", "Baud rate: 115200 for DSMR 4/5 and eMUCs, 9600 for DSMR 2.2/3"));
        keys.add(new SettingKey(s, SERIAL_DATABITS, "8", "Data bits 5-8: 8 for DSMR 4/5, 7 for DSMR 2.2/3"));
        keys.add(new SettingKey(s, SERIAL_PARITY, "none", "Parity none, even, odd, mark or space: none for DSMR 4/5, even for DSMR 2.2/3"));
        keys.add(new SettingKey(s, SERIAL_STOPBITS, "1", "Stop bits 1, 1.5 or 2"));
        keys.add(new SettingKey(s, SERIAL_TIMEOUT, "20", "Seconds without data before the port is reported silent (the meter sends every 1-10 s)"));
        keys.add(new SettingKey(s, CRC, "auto", "Telegram CRC: auto = check when present, required = drop telegrams without, off = do not check"));
        keys.add(new SettingKey(s, METER_ZONE, TelegramParser.DEFAULT_ZONE.getId(), "Time zone whose standard (W) and daylight (S) offsets the meter's timestamps are read with (a java.time ZoneId); the meter's W/S flag picks one"));
        keys.add(new SettingKey(s, SERIAL_AUTODETECT, "false", "When the port stays silent, switch between 115200 8N1 (DSMR 4/5) and 9600 7E1 (DSMR 2.2/3) by itself"));
        keys.add(new SettingKey(s, DECRYPTION_KEY, "", "Encrypted P1 (Luxembourg Smarty, some Austrian meters): the meter's key, 32 hex digits from the grid operator; empty = the port is not encrypted (better set it with P1_SERIAL_DECRYPTION_KEY)"));
        keys.add(new SettingKey(s, AUTHENTICATION_KEY, "", "Encrypted P1: the authentication key, 32 hex digits, for meters that have their own (some Austrian ones); empty = the key every Smarty meter uses"));
        Section o = Section.SPOOL;
        keys.add(new SettingKey(o, SPOOL_DIR, "spool", "Directory of the outbox where events wait for the broker (relative = from the working directory; a service should use e.g. /var/lib/p1-power-meter/spool)"));
        keys.add(new SettingKey(o, SPOOL_MAX_MB, String.valueOf(P1SpoolConfiguration.DEFAULT_MAX_SIZE >> 20), "Most megabytes the spool may hold (1-65536; 64 hold about 51 hours of a 26-event telegram per second); when full, a live meter's oldest telegrams are dropped (counted, with a warning), a capture file or stdin waits"));
        keys.add(new SettingKey(o, SPOOL_MAX_AGE_HOURS, String.valueOf(P1SpoolConfiguration.DEFAULT_MAX_AGE_HOURS), "Hours an undelivered event is kept (1-87600); older ones are dropped. Raise spool_max_mb with it (about 1.3 MB per hour at 1 telegram/s)"));
        keys.add(new SettingKey(o, DELIVERY_TIMEOUT, String.valueOf(P1SpoolConfiguration.DEFAULT_DELIVERY_TIMEOUT / 1000), "Seconds (0-3600) to wait for the broker to take the spooled events at shutdown and in one-shot mode; what is left stays spooled"));
        Section h = Section.HTTP;
        keys.add(new SettingKey(h, "port", "0", "Port of the observability HTTP server (/observe/health, /observe/health/live, /observe/health/ready, /observe/metrics); 0 = off"));
        keys.add(new SettingKey(h, "bind", "127.0.0.1", "Address the HTTP server listens on; 127.0.0.1 = this machine only (0.0.0.0 = every interface: no login protects it)"));
        Section ha = Section.HOMEASSISTANT;
        keys.add(new SettingKey(ha, DISCOVERY, "false", "Home Assistant: publish MQTT discovery configs, one JSON state message per meter (<base_topic>/<meter>/state) and the bridge status with its will"));
        keys.add(new SettingKey(ha, HA_VSCP, "true", "With discovery = true: also publish the VSCP events (or the no_vscp values) beside the state"));
        keys.add(new SettingKey(ha, HA_PREFIX, "homeassistant", "Home Assistant's discovery prefix; configs go to <prefix>/sensor/p1_<meter>/<name>/config, and <prefix>/status = online re-sends them"));
        keys.add(new SettingKey(ha, HA_BASE_TOPIC, "p1", "Base of the state topics <base_topic>/<meter>/state and of the bridge status <base_topic>/status"));
        keys.add(new SettingKey(ha, EXPIRE_AFTER, "0", "Seconds without a state before Home Assistant shows a sensor unavailable (0-86400); 0 = 3 intervals, at least 60"));
        keys.add(new SettingKey(ha, SUPPORT_URL, "", "Support URL in the configs' origin (where users of your installation get help); empty = left out"));
        Section k = Section.KAFKA;
        keys.add(new SettingKey(k, KAFKA_BROKERS, "127.0.0.1:9092", "Kafka bootstrap servers, host:port[,host:port...] (modes ingest and bridge)"));
        keys.add(new SettingKey(k, "topic", DEFAULT_KAFKA_TOPIC, "Topic of the raw telegrams: ingest writes it (key = meter id), bridge reads it; create it with enough partitions (24 for 10,000 meters)"));
        keys.add(new SettingKey(k, KAFKA_GROUP_ID, "p1bridge", "Consumer group of the bridge instances; each meter is handled by one instance of the group"));
        keys.add(new SettingKey(k, KAFKA_GROUP_INSTANCE_ID, "", "Static membership id (group.instance.id), unique per instance, e.g. the pod name: a restart within session_timeout keeps its partitions; empty = dynamic membership"));
        keys.add(new SettingKey(k, KAFKA_SESSION_TIMEOUT, "45", "Seconds (6-1800) without a heartbeat before the group gives a dead instance's partitions to the others"));
        keys.add(new SettingKey(k, KAFKA_SECURITY_PROTOCOL, "", "security.protocol of the Kafka client: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL; empty = the client's default (PLAINTEXT)"));
        keys.add(new SettingKey(k, KAFKA_SASL_MECHANISM, "", "sasl.mechanism, e.g. PLAIN, SCRAM-SHA-512; empty = the client's default"));
        keys.add(new SettingKey(k, KAFKA_SASL_JAAS_CONFIG, "", "sasl.jaas.config (holds the password: better set it with the environment variable P1_KAFKA_SASL_JAAS_CONFIG)"));
        keys.add(new SettingKey(k, KAFKA_SSL_TRUSTSTORE_LOCATION, "", "ssl.truststore.location: trust store (JKS or PKCS12 file) of the brokers' CA"));
        keys.add(new SettingKey(k, KAFKA_SSL_TRUSTSTORE_PASSWORD, "", "ssl.truststore.password"));
        keys.add(new SettingKey(k, KAFKA_SSL_KEYSTORE_LOCATION, "", "ssl.keystore.location: key store with the client certificate, for brokers that require one"));
        keys.add(new SettingKey(k, KAFKA_SSL_KEYSTORE_PASSWORD, "", "ssl.keystore.password"));
        keys.add(new SettingKey(k, KAFKA_CLIENT_PROPERTIES, "", "Any other Kafka client properties, passed through as they are: key=value separated by ';', e.g. ssl.endpoint.identification.algorithm=;max.poll.records=1000"));
        return Collections.unmodifiableList(keys);
    }

    private static String channelText(Sensor sensor) {
        return sensor.channel() == 0 ? "" : " (the device on M-Bus channel " + sensor.channel() + ")";
    }

    private static String groupDescription(SendGroup group) {
        return switch (group) {
            case ENERGY -> "meter reading (energy in/out, active and reactive)";
            case ACTIVE_EFFECT -> "active power (total and per phase, in/out)";
            case REACTIVE_EFFECT -> "reactive power (total and per phase, in/out)";
            case VOLTAGE -> "voltage L1-L3";
            case CURRENT -> "current L1-L3";
            case POWER_FACTOR -> "power factor (total and per phase)";
            case FREQUENCY -> "grid frequency";
            case TARIFF -> "per-tariff meter reading";
            case MBUS -> "M-Bus (gas, water, heat and electricity meters, channels 1-4)";
            case QUADRANT -> "reactive energy and power per quadrant and combined energy (Hungary)";
            case DEMAND -> "capacity tariff (average demand, month peak, peak history; Belgium)";
            case POWER_QUALITY -> "power quality (power failures, failure log, voltage sags and swells)";
            case LIMITS -> "limit (current limits, breaker state, limiter threshold)";
        };
    }

    /** The first key of each name (a later section's key of the same name is reached qualified only). */
    private static Map<String, SettingKey> index(List<SettingKey> keys) {
        Map<String, SettingKey> byName = new LinkedHashMap<>();
        for (SettingKey key : keys) {
            byName.putIfAbsent(key.name(), key);
        }
        return byName;
    }

    private static Map<String, SettingKey> qualifiedIndex(List<SettingKey> keys) {
        Map<String, SettingKey> byName = new LinkedHashMap<>();
        for (SettingKey key : keys) {
            if (byName.put(qualified(key.section(), key.name()), key) != null) {
                throw new IllegalStateException("duplicate setting " + key.displayName());
            }
        }
        return byName;
    }
}
