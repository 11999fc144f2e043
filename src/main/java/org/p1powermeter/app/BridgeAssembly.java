package org.p1powermeter.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.component.paho.PahoComponent;
import org.apache.camel.component.paho.PahoConfiguration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;
import org.apache.camel.component.paho.PahoComponent;
import org.apache.camel.component.paho.PahoConfiguration;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.GeneralSettings;
import org.p1powermeter.app.config.HomeAssistantSettings;
import org.p1powermeter.app.config.MqttSettings;
import org.p1powermeter.app.config.SerialSettings;
import org.p1powermeter.app.config.SpoolSettings;
import org.p1powermeter.app.config.VscpSettings;
import org.p1powermeter.app.tls.TlsSocketFactories;
import org.p1powermeter.camel.ConsolePrinter;
import org.p1powermeter.camel.DryRunPrinter;
import org.p1powermeter.camel.HomeAssistantStage;
import org.p1powermeter.camel.RateWindowStage;
import org.p1powermeter.ha.HaOptions;
import org.p1powermeter.ha.HomeAssistantMessages;
import org.p1powermeter.rate.RateWindows;
import org.p1powermeter.camel.P1Beans;
import org.p1powermeter.camel.P1TelegramProcessor;
import org.p1powermeter.camel.SendGroupFilter;
import org.p1powermeter.camel.VscpDataFormat;
import org.p1powermeter.camel.source.LineSettings;
import org.p1powermeter.camel.source.P1SerialEndpoint;
import org.p1powermeter.camel.source.PortDetector;
import org.p1powermeter.camel.source.TcpAddress;
import org.p1powermeter.camel.spool.P1SpoolComponent;
import org.p1powermeter.spool.WhenFull;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.p1.DecryptionKeys;
import org.p1powermeter.p1.TelegramParser;
import org.p1powermeter.vscp.Guid;
import org.p1powermeter.vscp.SensorSettings;
import org.p1powermeter.vscp.TopicTemplate;
import org.p1powermeter.vscp.VscpEncoding;
import org.p1powermeter.vscp.VscpEventFactory;

/** Turns validated settings into what the Camel app runs: the route beans, the source URI, the sinks, the broker. */
final class BridgeAssembly {

    /** Registry name of the InputStream a capture source reads (a file, or the demo meter). */
    static final String INPUT_BEAN = "p1Input";
    /** Registry name of the keys of an encrypted port ({@link DecryptionKeys}), so no key is ever in a URI. */
    static final String KEYS_BEAN = "p1DecryptionKeys";
    /** Registry name of the camel-paho component the MQTT input ({@code input_topic}) subscribes through. */
    static final String INPUT_PAHO_BEAN = "p1InputPaho";

    /**
     * The GUID of {@code --demo} on a machine without a MAC address (a container with only loopback) when no
     * {@code guid} is set: the Ethernet prefix with a locally administered address, 02:00:00:00:00:00.
     */
    static final Guid DEMO_GUID = Guid.fromMac(new byte[] {2, 0, 0, 0, 0, 0}, 0);

    private final BridgeSettings settings;
    private final boolean demo;
    private final Function<String, Optional<byte[]>> macOf;
    private String haClientId;

    BridgeAssembly(BridgeSettings settings) {
        this(settings, false);
    }

    /** {@code demo}: {@code --demo}, which falls back to {@link #DEMO_GUID} when there is no MAC to make a GUID. */
    BridgeAssembly(BridgeSettings settings, boolean demo) {
        this(settings, demo, Guid::macOf);
    }

    /** {@code macOf}: the MAC of the named interface, or of the first usable one for null ({@link Guid#macOf}). */
    BridgeAssembly(BridgeSettings settings, boolean demo, Function<String, Optional<byte[]>> macOf) {
        this.settings = settings;
        this.demo = demo;
        this.macOf = macOf;
    }

    /** The beans of the shipped route. */
    P1Beans beans(boolean verbose, PrintStream out) throws ConfigException {
        SerialSettings serial = settings.serial();
        MqttSettings mqtt = settings.mqtt();
        VscpSettings vscp = settings.vscp();
        TopicTemplate topic;
        try {
            topic = TopicTemplate.parse(mqtt.topic());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[MQTT] topic = " + mqtt.topic() + ": " + e.getMessage());
        }
        VscpEncoding encoding = vscp.encoding() == VscpSettings.Encoding.FLOAT
                ? VscpEncoding.MEASUREMENT_FLOAT : VscpEncoding.MEASUREMENT_STR;
        // bridge mode: every event gets its meter's GUID; the base one is only a fallback no event uses
        Guid base = guidPerMeter() ? org.p1powermeter.vscp.MeterGuid.of("") : baseGuid();
        VscpEventFactory factory = new VscpEventFactory(encoding, vscp.zone(), vscp.subzone(), base,
                sensor -> new SensorSettings(vscp.sensorIndex(sensor), vscp.id(sensor), mqtt.note(sensor)));
        VscpDataFormat format = new VscpDataFormat(factory, topic, mqtt::note, settings.general().noVscp(),
                vscp.eventTime() == VscpSettings.EventTime.TELEGRAM, Clock.systemUTC(), guidPerMeter());
        P1TelegramProcessor telegrams = new P1TelegramProcessor(new TelegramParser(serial.meterZone()),
                new MeasurementExtractor(serial.meterZone()));
        GeneralSettings general = settings.general();
        HomeAssistantSettings ha = settings.homeAssistant();
        RateWindows windows = new RateWindows(general.interval(), ha.heartbeat(general.interval()));
        HomeAssistantStage homeAssistant = ha.discovery()
                ? new HomeAssistantStage(new HomeAssistantMessages(haOptions()), ha.vscp(), general.sentGroups())
                : HomeAssistantStage.off();
        return new P1Beans(telegrams, new SendGroupFilter(general.sentGroups()), format,
                new ConsolePrinter(verbose, out), new DryRunPrinter(out),
                new RateWindowStage(windows, general.sentGroups(), telegrams.metrics(), Clock.systemUTC()), homeAssistant);
    }

    /** The Home Assistant options of [HOMEASSISTANT] and [GENERAL] interval. */
    HaOptions haOptions() {
        HomeAssistantSettings ha = settings.homeAssistant();
        GeneralSettings general = settings.general();
        return new HaOptions(ha.prefix(), ha.baseTopic(), ha.expireAfter(general.interval()),
                general.intervalMinMax() && !general.interval().isZero(), version(), ha.supportUrl());
    }

    /** The bridge's version from the jar's manifest ({@code dev} when run from classes). */
    static String version() {
        String v = BridgeAssembly.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * True when the bridge says it is offline (will, orderly stop): with [HOMEASSISTANT] discovery, except one-shot
     * runs (cron), which end after every telegram; their sensors go unavailable by expire_after alone.
     */
    boolean announcesAvailability() {
        return settings.homeAssistant().discovery() && !settings.general().oneShot();
    }

    /**
     * True in {@code [GENERAL] mode = bridge}: each meter's events carry that meter's own GUID
     * ({@link org.p1powermeter.vscp.MeterGuid}, from its equipment id), so consumers tell the fleet's meters apart; a
     * configured GUID or this machine's MAC would be one machine's, not one meter's.
     */
    boolean guidPerMeter() {
        return settings.kafka().mode() == org.p1powermeter.app.config.KafkaSettings.Mode.BRIDGE;
    }

    /**
     * The GUID the ids are put into: the configured one, or FF…FE + the MAC of the chosen interface; for the demo
     * on a machine with no MAC (and no guid_interface named), {@link #DEMO_GUID}.
     */
    Guid baseGuid() throws ConfigException {
        Optional<byte[]> configured = settings.vscp().configuredGuid();
        if (configured.isPresent()) {
            return Guid.of(configured.get());
        }
        String iface = settings.vscp().guidInterface();
        Optional<byte[]> mac = macOf.apply(iface.isEmpty() ? null : iface);
        if (mac.isEmpty() && demo && iface.isEmpty()) {
            return DEMO_GUID;
        }
        if (mac.isEmpty()) {
            throw new ConfigException(iface.isEmpty()
                    ? "[VSCP] guid is empty and this machine has no network interface with a MAC address to make one:"
                            + " set guid = FF:FF:FF:FF:FF:FF:FF:FE:<your 6 bytes>:00:00 or guid_interface"
                    : "[VSCP] guid_interface = " + iface + ": no such interface with a MAC address");
        }
        return Guid.fromMac(mac.get(), 0);
    }

    /**
     * The serial source URI (the port is reopened by the consumer when it is absent or lost). {@code serial_timeout}
     * goes in as seconds with its fraction ({@code 0.5}), not truncated: 0 would turn silence detection off.
     */
    String serialUri() {
        SerialSettings s = settings.serial();
        Optional<TcpAddress> tcp = s.tcpAddress();
        if (tcp.isPresent()) {
            return tcpUri(tcp.get());
        }
        return "p1serial:" + s.port() + "?baudRate=" + s.baudRate() + "&dataBits=" + s.dataBits()
                + "&parity=" + s.parity().name().toLowerCase(Locale.ROOT) + "&stopBits=" + s.stopBits().text()
                + "&telegramTimeout=" + P1SerialEndpoint.telegramTimeoutText(s.timeout()) + "&crcPolicy=" + s.crc().name()
                + "&autoDetect=" + s.autoDetect() + keysOption();
    }

    /**
     * The serial source of the port {@code serial_port = auto} found, opened with the line settings it was found at
     * (the configured ones for everything else).
     */
    String serialUri(PortDetector.Probe found) {
        SerialSettings s = settings.serial();
        LineSettings line = found.settings();
        return "p1serial:" + found.port() + "?baudRate=" + line.baudRate() + "&dataBits=" + line.dataBits()
                + "&parity=" + line.parity() + "&stopBits=" + line.stopBits()
                + "&telegramTimeout=" + P1SerialEndpoint.telegramTimeoutText(s.timeout()) + "&crcPolicy=" + s.crc().name()
                + "&autoDetect=" + s.autoDetect() + keysOption();
    }

    /** {@code &keys=#p1DecryptionKeys} when the port is encrypted (the app binds {@link #KEYS_BEAN}), else empty. */
    String keysOption() {
        return settings.serial().keys().isPresent() ? "&keys=#" + KEYS_BEAN : "";
    }

    /**
     * The MQTT input ({@code [MQTT] input_topic}): raw telegrams from the configured broker through the {@code paho}
     * component, with its own client id. The topic filter is percent-encoded in the URI ({@code #} is %23).
     */
    String mqttInputUri() {
        SerialSettings s = settings.serial();
        return "p1mqtt:" + uriPath(settings.mqtt().inputTopic()) + "?pahoComponent=" + INPUT_PAHO_BEAN + "&qos="
                + settings.mqtt().qos() + "&crcPolicy=" + s.crc().name() + keysOption();
    }

    /**
     * The camel-paho component the MQTT input subscribes through ({@link #INPUT_PAHO_BEAN}): the [MQTT] broker, login
     * (the password only here, in no URI) and TLS socket factory; Paho reconnects by itself after a drop.
     */
    PahoComponent inputPaho(String brokerUrl) throws ConfigException {
        MqttSettings mqtt = settings.mqtt();
        PahoConfiguration c = new PahoConfiguration();
        c.setBrokerUrl(brokerUrl);
        c.setClientId(mqtt.clientId().isEmpty() ? "p1-power-meter-" + Long.toHexString(System.nanoTime()) : mqtt.clientId());
        if (mqtt.hasCredentials()) {
            c.setUserName(mqtt.user());
            c.setPassword(mqtt.password());
        }
        c.setAutomaticReconnect(true);
        c.setCleanSession(true);
        c.setConnectionTimeout(10);
        Optional<SocketFactory> tls = tlsSocketFactory(brokerUrl);
        if (tls.isPresent()) {
            c.setSocketFactory(tls.get());
            c.setHttpsHostnameVerificationEnabled(true);
        }
        PahoComponent paho = new PahoComponent();
        paho.setConfiguration(c);
        return paho;
    }

    private static String uriPath(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /**
     * What an ingest instance reads, one route each: every network dongle of {@code serial_port} when that is the
     * source, else the one source built for this run (serial port, capture, stdin, the MQTT input).
     *
     * @param source the source URI built for this run
     * @param sourceUri that URI as the app runs it ({@code &maxTelegrams=1} appended for one_shot)
     */
    List<String> ingestSources(String source, String sourceUri) {
        if (!source.startsWith("p1tcp:")) {
            return List.of(sourceUri);
        }
        String suffix = sourceUri.substring(source.length());
        return tcpUris().stream().map(uri -> uri + suffix).toList();
    }

    /**
     * One source per network dongle of {@code serial_port} (a list of {@code tcp://HOST:PORT} is read by ingest mode,
     * one route each); empty when serial_port is a serial device.
     */
    List<String> tcpUris() {
        return settings.serial().tcpAddresses().stream().map(this::tcpUri).toList();
    }

    /**
     * The network dongle's source ({@code serial_port = tcp://HOST:PORT} or {@code socket://HOST:PORT}): the
     * connection is made again when it drops, is refused or stays silent for {@code serial_timeout}.
     */
    private String tcpUri(TcpAddress address) {
        SerialSettings s = settings.serial();
        return "p1tcp:" + address + "?telegramTimeout=" + P1SerialEndpoint.telegramTimeoutText(s.timeout())
                + "&crcPolicy=" + s.crc().name() + keysOption();
    }

    /**
     * A capture source reading standard input ({@code -i -}) or the InputStream bean ({@link #INPUT_BEAN}),
     * waiting {@code intervalMillis} before each telegram (0: as fast as possible).
     */
    String captureUri(boolean stdin, String name, int intervalMillis) {
        String crc = "crcPolicy=" + settings.serial().crc().name() + (intervalMillis > 0 ? "&interval=" + intervalMillis : "")
                + (demo ? "" : keysOption()); // the simulated meter sends plain telegrams
        return stdin ? "p1capture:-?" + crc : "p1capture:" + name + "?input=#" + INPUT_BEAN + "&" + crc;
    }

    /** Where events go: the configured sinks, or only stdout for a dry run. */
    String sinks(boolean dryRun) {
        return dryRun ? "direct:print" : String.join(",", settings.general().sinks());
    }

    /**
     * The one endpoint the route sends each event to ({@code p1.sink}): the sink itself when there is only one, so
     * the route needs no recipient list (which copies the exchange for every event); else {@code direct:p1-sinks},
     * the route that sends to each of {@link #sinks}.
     */
    String sink(boolean dryRun) {
        List<String> sinks = settings.general().sinks();
        return dryRun ? "direct:print" : sinks.size() == 1 ? sinks.get(0) : "direct:p1-sinks";
    }

    /**
     * The route files to load: the shipped bridge route and the configured extra ones (a plain path becomes an
     * absolute {@code file:}). The settings validator already checked that each file exists and can be read.
     */
    String routesPattern() {
        return routesPattern(false);
    }

    /** {@link #routesPattern()}; with [HOMEASSISTANT] discovery (not in a dry run) also the Home Assistant routes. */
    String routesPattern(boolean dryRun) {
        List<String> patterns = new ArrayList<>();
        patterns.add(P1Beans.ROUTE);
        if (settings.homeAssistant().discovery() && !dryRun) {
            patterns.add(P1Beans.HOME_ASSISTANT_ROUTE);
        }
        for (String route : settings.general().routes()) {
            boolean prefixed = route.startsWith("classpath:") || route.startsWith("file:");
            patterns.add(prefixed ? route : "file:" + Path.of(route).toAbsolutePath());
        }
        return String.join(",", patterns);
    }

    /** Registry name of the TLS socket factory the MQTT sink's URI refers to ({@code socketFactory=#…}). */
    static final String TLS_SOCKET_FACTORY_BEAN = "p1MqttSocketFactory";

    /**
     * The MQTT sink of the route ({@code p1.mqtt.uri}): {@code p1spool:p1?…} with every [MQTT] and [SPOOL] setting as a
     * URI option, except the password (set on the component, {@link #spoolComponent}, so it is in no URI) and the TLS
     * socket factory (a bean, {@link #TLS_SOCKET_FACTORY_BEAN}). {@code sourceCanWait}: a capture file or standard
     * input, which waits when the spool is full; a live meter drops the oldest telegrams instead.
     */
    String mqttUri(String brokerUrl, Path spoolDir, boolean sourceCanWait) {
        MqttSettings mqtt = settings.mqtt();
        SpoolSettings spool = settings.spool();
        StringBuilder uri = new StringBuilder("p1spool:p1?lazyStartProducer=true");
        option(uri, "brokerUrl", brokerUrl);
        option(uri, "clientId", mqtt.clientId());
        option(uri, "qos", String.valueOf(mqtt.qos()));
        option(uri, "retained", String.valueOf(mqtt.retained()));
        if (mqtt.hasCredentials() && !demo) { // the demo's embedded broker is anonymous
            option(uri, "userName", mqtt.user());
        }
        if (MqttSettings.isTlsUrl(brokerUrl)) {
            option(uri, "socketFactory", "#" + TLS_SOCKET_FACTORY_BEAN);
        }
        option(uri, "spoolDir", spoolDir.toString());
        option(uri, "maxSize", String.valueOf(spool.maxBytes()));
        option(uri, "maxAgeHours", String.valueOf(spool.maxAge().toHours()));
        option(uri, "deliveryTimeout", String.valueOf(spool.deliveryTimeout().toMillis()));
        option(uri, "whenFull", (sourceCanWait ? WhenFull.WAIT : WhenFull.DROP_OLDEST).name());
        if (announcesAvailability()) {
            // the bridge's will: offline, retained, QoS 1 (the endpoint's will defaults) on its status topic
            option(uri, "willTopic", haOptions().statusTopic());
        }
        return uri.toString();
    }

    private static void option(StringBuilder uri, String name, String value) {
        uri.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /**
     * The {@code p1spool} component with the [MQTT] password (kept out of every URI and log line); {@link #mqttUri}
     * gives everything else. The demo's embedded broker is anonymous: the configured login is never handed to it.
     */
    P1SpoolComponent spoolComponent() {
        P1SpoolComponent component = new P1SpoolComponent();
        if (settings.mqtt().hasCredentials() && !demo) {
            component.getConfiguration().setPassword(settings.mqtt().password());
        }
        return component;
    }

    /** The socket factory of the TLS files for an ssl:// or wss:// broker URL (bound as {@link #TLS_SOCKET_FACTORY_BEAN}). */
    Optional<SocketFactory> tlsSocketFactory(String brokerUrl) throws ConfigException {
        return MqttSettings.isTlsUrl(brokerUrl) ? Optional.of(TlsSocketFactories.create(settings.mqtt().tls()))
                : Optional.empty();
    }

    /**
     * The {@code paho} component the Home Assistant routes subscribe with ({@code homeassistant/status} and the
     * bridge's status): the MQTT input's ({@link #inputPaho}: [MQTT] broker, login, TLS) with its own client id
     * ({@link #homeAssistantClientId}) and QoS 1.
     */
    PahoComponent homeAssistantPaho(String brokerUrl) throws ConfigException {
        PahoComponent paho = inputPaho(brokerUrl);
        paho.getConfiguration().setClientId(homeAssistantClientId());
        paho.getConfiguration().setQos(1);
        return paho;
    }

    /** The client id stem of the Home Assistant subscriptions ([MQTT] client_id, or generated; -ha and -status added). */
    String homeAssistantClientId() {
        if (haClientId == null) {
            String id = settings.mqtt().clientId();
            haClientId = id.isEmpty() ? "p1-power-meter-" + Long.toHexString(System.nanoTime()) : id;
        }
        return haClientId;
    }
}
