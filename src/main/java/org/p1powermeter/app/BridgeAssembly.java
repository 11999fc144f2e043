package org.p1powermeter.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.MqttSettings;
import org.p1powermeter.app.config.SerialSettings;
import org.p1powermeter.app.config.SpoolSettings;
import org.p1powermeter.app.config.VscpSettings;
import org.p1powermeter.app.tls.TlsSocketFactories;
import org.p1powermeter.camel.ConsolePrinter;
import org.p1powermeter.camel.DryRunPrinter;
import org.p1powermeter.camel.P1Beans;
import org.p1powermeter.camel.P1TelegramProcessor;
import org.p1powermeter.camel.SendGroupFilter;
import org.p1powermeter.camel.VscpDataFormat;
import org.p1powermeter.camel.source.P1SerialEndpoint;
import org.p1powermeter.camel.spool.P1SpoolComponent;
import org.p1powermeter.spool.WhenFull;
import org.p1powermeter.measure.MeasurementExtractor;
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

    /**
     * The GUID of {@code --demo} on a machine without a MAC address (a container with only loopback) when no
     * {@code guid} is set: the Ethernet prefix with a locally administered address, 02:00:00:00:00:00.
     */
    static final Guid DEMO_GUID = Guid.fromMac(new byte[] {2, 0, 0, 0, 0, 0}, 0);

    private final BridgeSettings settings;
    private final boolean demo;
    private final Function<String, Optional<byte[]>> macOf;

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
        return new P1Beans(new P1TelegramProcessor(new TelegramParser(serial.meterZone()),
                new MeasurementExtractor(serial.meterZone())),
                new SendGroupFilter(settings.general().sentGroups()), format, new ConsolePrinter(verbose, out),
                new DryRunPrinter(out));
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
        return "p1serial:" + s.port() + "?baudRate=" + s.baudRate() + "&dataBits=" + s.dataBits()
                + "&parity=" + s.parity().name().toLowerCase(Locale.ROOT) + "&stopBits=" + s.stopBits().text()
                + "&telegramTimeout=" + P1SerialEndpoint.telegramTimeoutText(s.timeout()) + "&crcPolicy=" + s.crc().name()
                + "&autoDetect=" + s.autoDetect();
    }

    /**
     * A capture source reading standard input ({@code -i -}) or the InputStream bean ({@link #INPUT_BEAN}),
     * waiting {@code intervalMillis} before each telegram (0: as fast as possible).
     */
    String captureUri(boolean stdin, String name, int intervalMillis) {
        String crc = "crcPolicy=" + settings.serial().crc().name() + (intervalMillis > 0 ? "&interval=" + intervalMillis : "");
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
        List<String> patterns = new ArrayList<>();
        patterns.add(P1Beans.ROUTE);
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
        if (mqtt.hasCredentials()) {
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
        return uri.toString();
    }

    private static void option(StringBuilder uri, String name, String value) {
        uri.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /**
     * The {@code p1spool} component with the [MQTT] password (kept out of every URI and log line); {@link #mqttUri}
     * gives everything else.
     */
    P1SpoolComponent spoolComponent() {
        P1SpoolComponent component = new P1SpoolComponent();
        if (settings.mqtt().hasCredentials()) {
            component.getConfiguration().setPassword(settings.mqtt().password());
        }
        return component;
    }

    /** The socket factory of the TLS files for an ssl:// or wss:// broker URL (bound as {@link #TLS_SOCKET_FACTORY_BEAN}). */
    Optional<SocketFactory> tlsSocketFactory(String brokerUrl) throws ConfigException {
        return MqttSettings.isTlsUrl(brokerUrl) ? Optional.of(TlsSocketFactories.create(settings.mqtt().tls()))
                : Optional.empty();
    }
}
