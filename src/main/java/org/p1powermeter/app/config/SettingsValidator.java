package org.p1powermeter.app.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.p1powermeter.camel.source.TcpAddress;
import org.p1powermeter.camel.source.TopicFilters;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.SendGroup;
import org.p1powermeter.measure.Sensor;
import org.p1powermeter.p1.CrcPolicy;
import org.p1powermeter.p1.DecryptionKeys;
import org.p1powermeter.p1.TelegramParser;

/** Turns the layered {@link RawSettings} into the typed sections, collecting one problem line per bad value. */
final class SettingsValidator {
    /** The standard (Linux termios) rates from 300 baud on. */
    static final Set<Integer> STANDARD_BAUD_RATES = Set.of(300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400,
            57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000,
            3000000, 3500000, 4000000);
    private static final Pattern GUID = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){15}");
    private static final Set<String> URL_SCHEMES = Set.of("tcp", "ssl", "ws", "wss", "mqtt", "mqtts");
    private static final BigDecimal MAX_TIMEOUT_SECONDS = BigDecimal.valueOf(86_400);

    private final ValueReader reader;

    SettingsValidator(RawSettings raw, List<String> problems, List<String> warnings) {
        this.reader = new ValueReader(raw, problems, warnings);
    }

    GeneralSettings general() {
        boolean oneShot = reader.bool(SettingCatalog.ONE_SHOT);
        boolean noVscp = reader.bool(SettingCatalog.NO_VSCP);
        Set<SendGroup> sent = EnumSet.noneOf(SendGroup.class);
        for (SendGroup group : SendGroup.values()) {
            if (reader.bool(group.flagKey())) {
                sent.add(group);
            }
        }
        List<String> sinks = list(SettingCatalog.SINKS);
        if (sinks.isEmpty()) {
            reader.problem(SettingCatalog.SINKS, "names no endpoint (the default is direct:mqtt)");
        }
        SettingOrigin routesOrigin = reader.value(SettingCatalog.ROUTES).origin();
        List<String> routes = new java.util.ArrayList<>();
        for (String route : list(SettingCatalog.ROUTES)) {
            String resolved = FileChecks.resolveRoute(route, routesOrigin);
            FileChecks.routeFile(resolved).ifPresent(complaint -> reader.problem(SettingCatalog.ROUTES, complaint));
            routes.add(resolved);
        }
        return new GeneralSettings(oneShot, noVscp, sent, routes, sinks,
                reader.intInRange(SettingCatalog.INPUT_INTERVAL, 0, 3_600_000, "a number of milliseconds"),
                Duration.ofSeconds(reader.intInRange(SettingCatalog.INTERVAL, 0, 86_400, "a number of seconds")),
                reader.bool(SettingCatalog.INTERVAL_MIN_MAX));
    }

    private List<String> list(String key) {
        List<String> items = new java.util.ArrayList<>();
        for (String item : reader.text(key).split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    VscpSettings vscp() {
        String guid = guid();
        Map<Sensor, Integer> indexes = new LinkedHashMap<>();
        Map<Sensor, Integer> ids = new LinkedHashMap<>();
        for (Sensor sensor : Sensor.all()) {
            indexes.put(sensor, reader.intInRange(SettingCatalog.SENSORINDEX_PREFIX + sensor.configName(), 0, 255,
                    "a sensor index"));
            ids.put(sensor, reader.intInRange(SettingCatalog.ID_PREFIX + sensor.configName(), 0, 65535, "an id"));
        }
        return new VscpSettings(guid, reader.text(SettingCatalog.GUID_INTERFACE),
                reader.intInRange(SettingCatalog.ZONE, 0, 255, "a zone"),
                reader.intInRange(SettingCatalog.SUBZONE, 0, 255, "a subzone"),
                reader.choice(SettingCatalog.ENCODING, VscpSettings.Encoding.class),
                reader.choice(SettingCatalog.EVENT_TIME, VscpSettings.EventTime.class), indexes, ids);
    }

    MqttSettings mqtt(boolean noVscp) {
        String host = reader.text(SettingCatalog.HOST);
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            reader.problem(SettingCatalog.HOST, "is not a host name or address");
        }
        int port = reader.intInRange(SettingCatalog.PORT, 1, 65535, "a port number");
        Map<Sensor, String> notes = new LinkedHashMap<>();
        for (Sensor sensor : Sensor.all()) {
            notes.put(sensor, reader.topicText(SettingCatalog.NOTE_PREFIX + sensor.configName(), !noVscp));
        }
        Optional<String> url = url();
        return new MqttSettings(host, port, url, reader.text(SettingCatalog.USER),
                reader.value(SettingCatalog.PASSWORD).text(), reader.text(SettingCatalog.CLIENT_ID),
                reader.topicText(SettingCatalog.TOPIC, false),
                reader.intInRange(SettingCatalog.QOS, 0, 2, "an MQTT QoS"),
                reader.bool(SettingCatalog.RETAINED), notes, tls(url), inputTopic(noVscp, notes.values()));
    }

    /**
     * A valid topic filter that no message of the bridge can match (the topic template, or the notes with no_vscp, and
     * the Home Assistant state, status and discovery topics): else the bridge would read its own output back as input.
     */
    private String inputTopic(boolean noVscp, java.util.Collection<String> notes) {
        String filter = reader.text(SettingCatalog.INPUT_TOPIC);
        if (filter.isEmpty()) {
            return "";
        }
        String problem = TopicFilters.problem(filter);
        if (problem != null) {
            reader.problem(SettingCatalog.INPUT_TOPIC, "is not an MQTT topic filter: it " + problem);
            return "";
        }
        List<String> published = new java.util.ArrayList<>(noVscp ? notes : List.of(reader.text(SettingCatalog.TOPIC)));
        // Home Assistant's topics (refused whether discovery is on or not: it may be switched on later)
        String base = reader.text(SettingCatalog.HA_BASE_TOPIC);
        published.add(base + "/{meter}/state");
        published.add(base + "/status");
        published.add(reader.text(SettingCatalog.HA_PREFIX) + "/sensor/{node}/{object}/config");
        for (String topic : published) {
            if (TopicFilters.overlaps(filter, topic)) {
                reader.problem(SettingCatalog.INPUT_TOPIC, "overlaps the topic the bridge publishes its events on ("
                        + topic + "): its own events would come back as input; choose a topic outside it");
                return "";
            }
        }
        return filter;
    }

    /**
     * The TLS files: each must be a readable file, cert_file and key_file go together, and setting any of them with
     * an unencrypted URL is a problem (the user believes the connection is protected, and it would not be).
     */
    private TlsSettings tls(Optional<String> url) {
        Optional<FileSetting> ca = readableFile(SettingCatalog.CA_FILE);
        Optional<FileSetting> cert = readableFile(SettingCatalog.CERT_FILE);
        Optional<FileSetting> key = readableFile(SettingCatalog.KEY_FILE);
        boolean certSet = !reader.text(SettingCatalog.CERT_FILE).isEmpty();
        boolean keySet = !reader.text(SettingCatalog.KEY_FILE).isEmpty();
        if (certSet && !keySet) {
            reader.problem(SettingCatalog.CERT_FILE, "needs key_file (the client certificate's private key)");
        } else if (keySet && !certSet) {
            reader.problem(SettingCatalog.KEY_FILE, "needs cert_file (the client certificate)");
        }
        if (url.isEmpty() || !MqttSettings.isTlsUrl(url.get())) {
            for (String name : List.of(SettingCatalog.CA_FILE, SettingCatalog.CERT_FILE, SettingCatalog.KEY_FILE)) {
                if (!reader.text(name).isEmpty()) {
                    reader.problem(name, "needs a TLS broker url (url = ssl://host:8883 or wss://...), but the url is "
                            + (url.isPresent() ? url.get() : "not set (tcp:// from host and port)")
                            + ": the connection would not be encrypted");
                }
            }
        }
        if (cert.isPresent() != key.isPresent()) {
            return new TlsSettings(ca, Optional.empty(), Optional.empty());
        }
        return new TlsSettings(ca, cert, key);
    }

    private Optional<FileSetting> readableFile(String name) {
        String text = reader.text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> complaint = FileChecks.readableFile(text);
        if (complaint.isPresent()) {
            reader.problem(name, complaint.get());
            return Optional.empty();
        }
        return Optional.of(new FileSetting(name, Path.of(text), reader.value(name).origin()));
    }

    SerialSettings serial() {
        String port = reader.text(SettingCatalog.SERIAL_PORT);
        if (port.isEmpty()) {
            reader.problem(SettingCatalog.SERIAL_PORT, "must not be empty");
        }
        tcpAddress(port);
        return new SerialSettings(port, baudRate(),
                reader.intInRange(SettingCatalog.SERIAL_DATABITS, 5, 8, "a number of data bits"),
                reader.choice(SettingCatalog.SERIAL_PARITY, SerialSettings.Parity.class),
                reader.choice(SettingCatalog.SERIAL_STOPBITS, SerialSettings.StopBits.class,
                        SerialSettings.StopBits::text),
                timeout(), reader.choice(SettingCatalog.CRC, CrcPolicy.class), meterZone(),
                reader.bool(SettingCatalog.SERIAL_AUTODETECT), decryptionKeys());
    }

    /** Both keys must be 32 hex digits; the messages never show them (they are secret settings). */
    private Optional<DecryptionKeys> decryptionKeys() {
        String key = reader.text(SettingCatalog.DECRYPTION_KEY);
        String auth = reader.text(SettingCatalog.AUTHENTICATION_KEY);
        boolean ok = true;
        for (String name : List.of(SettingCatalog.DECRYPTION_KEY, SettingCatalog.AUTHENTICATION_KEY)) {
            String text = reader.text(name);
            String complaint = text.isEmpty() ? null : DecryptionKeys.problem(text);
            if (complaint != null) {
                reader.problem(name, complaint);
                ok = false;
            }
        }
        if (key.isEmpty() && !auth.isEmpty()) {
            reader.problem(SettingCatalog.AUTHENTICATION_KEY, "needs decryption_key (the meter's key) as well");
            ok = false;
        }
        return ok && !key.isEmpty() ? Optional.of(DecryptionKeys.parse(key, auth)) : Optional.empty();
    }

    /**
     * A {@code tcp://} or {@code socket://} serial_port must name HOST:PORT; a comma-separated list must be all network
     * dongles, each named once (whether a list is allowed at all depends on the mode: {@link #dongleList}).
     */
    private void tcpAddress(String port) {
        List<String> items = SerialSettings.items(port);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String item : items) {
            Optional<String> tcp = TcpAddress.fromSerialPort(item);
            if (tcp.isEmpty()) {
                if (items.size() > 1) {
                    reader.problem(SettingCatalog.SERIAL_PORT, "lists '" + item + "', which is not a network dongle: a list"
                            + " (separated by ',') takes only tcp://HOST:PORT or socket://HOST:PORT, one serial port is"
                            + " given alone");
                    return;
                }
                continue;
            }
            try {
                TcpAddress address = TcpAddress.parse(tcp.get());
                if (!seen.add(address.toString().toLowerCase(Locale.ROOT))) {
                    reader.problem(SettingCatalog.SERIAL_PORT, "names the dongle " + address + " twice");
                    return;
                }
            } catch (IllegalArgumentException e) {
                reader.problem(SettingCatalog.SERIAL_PORT, "is not a TCP address: " + e.getMessage()
                        + "; write tcp://HOST:PORT or socket://HOST:PORT");
                return;
            }
        }
    }

    /**
     * More than one dongle in {@code serial_port} is read only by {@code [GENERAL] mode = ingest} (one route per dongle,
     * into Kafka keyed by meter); standalone publishes one meter's events under one GUID and a bridge reads Kafka.
     */
    void dongleList(SerialSettings serial, KafkaSettings kafka, MqttSettings mqtt) {
        int dongles = SerialSettings.items(serial.port()).size();
        if (dongles > 1 && kafka.mode() != KafkaSettings.Mode.INGEST) {
            reader.problem(SettingCatalog.SERIAL_PORT, "lists " + dongles + " network dongles: more than one is read only"
                    + " in [GENERAL] mode = ingest (into Kafka, keyed by meter), not in mode = " + kafka.mode().text()
                    + "; name one dongle, or run one bridge per meter");
        } else if (dongles > 1 && mqtt.hasInputTopic()) {
            reader.problem(SettingCatalog.SERIAL_PORT, "lists " + dongles + " network dongles, but [MQTT] input_topic = "
                    + mqtt.inputTopic() + " is set, which replaces serial_port as the source: run one ingest instance"
                    + " for the dongles and one for the topic");
        }
    }

    /** The [HOMEASSISTANT] section; {@code interval} is [GENERAL] interval, which expire_after must exceed twice over. */
    HomeAssistantSettings homeAssistant(Duration interval) {
        String prefix = reader.topicText(SettingCatalog.HA_PREFIX, false);
        String base = reader.topicText(SettingCatalog.HA_BASE_TOPIC, false);
        int expireAfter = reader.intInRange(SettingCatalog.EXPIRE_AFTER, 0, 86_400, "a number of seconds");
        if (expireAfter > 0 && expireAfter <= 2 * interval.toSeconds()) {
            reader.problem(SettingCatalog.EXPIRE_AFTER, "must be more than twice [GENERAL] interval = " + interval.toSeconds()
                    + " (else sensors of a live meter show unavailable between windows); 0 picks 3 intervals");
        }
        return new HomeAssistantSettings(reader.bool(SettingCatalog.DISCOVERY), reader.bool(SettingCatalog.HA_VSCP),
                prefix, base, expireAfter, reader.text(SettingCatalog.SUPPORT_URL));
    }

    SpoolSettings spool() {
        String dir = reader.text(SettingCatalog.SPOOL_DIR);
        java.nio.file.Path path = java.nio.file.Path.of(SettingCatalog.key(SettingCatalog.SPOOL_DIR).defaultText());
        if (dir.isEmpty() || dir.indexOf('\0') >= 0) {
            reader.problem(SettingCatalog.SPOOL_DIR, "is not a directory path");
        } else {
            try {
                path = java.nio.file.Path.of(dir);
            } catch (java.nio.file.InvalidPathException e) {
                reader.problem(SettingCatalog.SPOOL_DIR, "is not a directory path (" + e.getReason() + ")");
            }
        }
        return new SpoolSettings(path, reader.intInRange(SettingCatalog.SPOOL_MAX_MB, 1, 65536, "a number of megabytes"),
                Duration.ofHours(reader.intInRange(SettingCatalog.SPOOL_MAX_AGE_HOURS, 1, 87600, "a number of hours")),
                Duration.ofSeconds(reader.intInRange(SettingCatalog.DELIVERY_TIMEOUT, 0, 3600, "a number of seconds")));
    }

    WatchSettings watch() {
        Duration summary = Duration.ofMinutes(reader.intInRange(SettingCatalog.SUMMARY_MINUTES, 0, 1440, "a number of minutes"));
        int port = reader.intInRange(SettingCatalog.HTTP_PORT, 0, 65535, "a port number (0 = off)");
        String bind = reader.text(SettingCatalog.HTTP_BIND);
        if (bind.isEmpty() || bind.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '\0')) {
            reader.problem(SettingCatalog.HTTP_BIND, "is not an address to listen on (e.g. 127.0.0.1, ::1 or 0.0.0.0)");
        }
        return new WatchSettings(summary, port, bind);
    }

    /** Kafka topic names: ASCII letters, digits, '.', '_' and '-', at most 249 characters. */
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern BROKER = Pattern.compile("[^\\s,:]+:[0-9]{1,5}");
    /** The [KAFKA] security keys and the Kafka client property each is passed through as. */
    private static final Map<String, String> KAFKA_PASS_THROUGH = new java.util.LinkedHashMap<>();

    static {
        KAFKA_PASS_THROUGH.put(SettingCatalog.KAFKA_SECURITY_PROTOCOL, "security.protocol");
        KAFKA_PASS_THROUGH.put(SettingCatalog.KAFKA_SASL_MECHANISM, "sasl.mechanism");
        KAFKA_PASS_THROUGH.put(SettingCatalog.KAFKA_SASL_JAAS_CONFIG, "sasl.jaas.config");
        KAFKA_PASS_THROUGH.put(SettingCatalog.KAFKA_SSL_TRUSTSTORE_LOCATION, "ssl.truststore.location");
        KAFKA_PASS_THROUGH.put(SettingCatalog.KAFKA_SSL_TRUSTSTORE_PASSWORD, "ssl.truststore.password");
        KAFKA_PASS_THROUGH.put(SettingCatalog.KAFKA_SSL_KEYSTORE_LOCATION, "ssl.keystore.location");
        KAFKA_PASS_THROUGH.put(SettingCatalog.KAFKA_SSL_KEYSTORE_PASSWORD, "ssl.keystore.password");
    }

    /** {@code [GENERAL] mode} and [KAFKA]; {@code oneShot}: one_shot, which a bridge (reading Kafka) cannot honour. */
    KafkaSettings kafka(boolean oneShot) {
        KafkaSettings.Mode mode = reader.choice(SettingCatalog.MODE, KafkaSettings.Mode.class, KafkaSettings.Mode::text);
        boolean used = mode != KafkaSettings.Mode.STANDALONE;
        if (oneShot && mode == KafkaSettings.Mode.BRIDGE) {
            reader.problem(SettingCatalog.MODE, "reads the Kafka topic without end; one_shot (-s) works only in modes standalone and ingest");
        }
        String brokers = reader.text(SettingCatalog.KAFKA_BROKERS);
        for (String broker : brokers.split(",", -1)) {
            if (used && !BROKER.matcher(broker.strip()).matches()) {
                reader.problem(SettingCatalog.KAFKA_BROKERS, "is not a list of host:port separated by ','");
                break;
            }
        }
        String topic = reader.text(SettingCatalog.KAFKA_TOPIC);
        if (!KAFKA_TOPIC.matcher(topic).matches()) {
            reader.problem(SettingCatalog.KAFKA_TOPIC, "is not a Kafka topic name (letters, digits, '.', '_', '-'; 1-249 characters)");
        }
        String groupId = reader.text(SettingCatalog.KAFKA_GROUP_ID);
        if (groupId.isEmpty()) {
            reader.problem(SettingCatalog.KAFKA_GROUP_ID, "must not be empty");
        }
        Duration sessionTimeout = Duration.ofSeconds(
                reader.intInRange(SettingCatalog.KAFKA_SESSION_TIMEOUT, 6, 1800, "a number of seconds"));
        Map<String, String> client = new java.util.TreeMap<>();
        KAFKA_PASS_THROUGH.forEach((key, property) -> {
            String value = reader.text(key);
            if (!value.isEmpty()) {
                client.put(property, value);
            }
        });
        for (String item : reader.value(SettingCatalog.KAFKA_CLIENT_PROPERTIES).text().split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int equals = item.indexOf('=');
            if (equals <= 0) {
                reader.problem(SettingCatalog.KAFKA_CLIENT_PROPERTIES, "has an item that is not key=value (items are separated by ';')");
                break;
            }
            client.put(item.substring(0, equals).strip(), item.substring(equals + 1).strip());
        }
        return new KafkaSettings(mode, brokers, topic, groupId, reader.text(SettingCatalog.KAFKA_GROUP_INSTANCE_ID),
                sessionTimeout, client);
    }

    private String guid() {
        String text = reader.text(SettingCatalog.GUID);
        if (text.isEmpty()) {
            return "";
        }
        if (!GUID.matcher(text).matches()) {
            reader.problem(SettingCatalog.GUID,
                    "is not a GUID (16 hex bytes separated by ':', e.g. FF:FF:FF:FF:FF:FF:FF:FE:00:00:00:00:00:00:00:00)");
            return "";
        }
        return text.toUpperCase(Locale.ROOT);
    }

    private Optional<String> url() {
        String text = reader.text(SettingCatalog.URL);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (URL_SCHEMES.contains(scheme) && uri.getHost() != null && uri.getPort() <= 65535) {
                return Optional.of(text);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        reader.problem(SettingCatalog.URL, "is not a broker URL (scheme://host[:port] with scheme tcp, ssl, ws, wss)");
        return Optional.empty();
    }

    private int baudRate() {
        String text = reader.text(SettingCatalog.SERIAL_BAUDRATE);
        try {
            int rate = Integer.parseInt(text);
            if (STANDARD_BAUD_RATES.contains(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.problem(SettingCatalog.SERIAL_BAUDRATE,
                "is not a standard baud rate (e.g. 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)");
        return 115200;
    }

    private Duration timeout() {
        String text = reader.text(SettingCatalog.SERIAL_TIMEOUT);
        try {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.signum() > 0 && seconds.compareTo(MAX_TIMEOUT_SECONDS) <= 0) {
                return Duration.ofMillis(Math.max(1, seconds.movePointRight(3).longValue()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.problem(SettingCatalog.SERIAL_TIMEOUT, "is not a number of seconds (more than 0, at most 86400)");
        return Duration.ofSeconds(20);
    }

    private ZoneId meterZone() {
        String text = reader.text(SettingCatalog.METER_ZONE);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            reader.problem(SettingCatalog.METER_ZONE, "is not a time zone (e.g. Europe/Stockholm, UTC, +01:00)");
            return TelegramParser.DEFAULT_ZONE; // never used: the problem stops the run
        }
    }
}
