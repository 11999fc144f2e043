package org.p1powermeter.app;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.KafkaSettings;
import org.p1powermeter.app.demo.DemoBroker;
import org.p1powermeter.app.demo.SimulatedMeter;
import org.p1powermeter.app.observe.ObserveServer;
import org.p1powermeter.camel.P1Beans;
import org.p1powermeter.camel.health.P1HealthChecks;
import org.p1powermeter.camel.source.PortDetector;
import org.p1powermeter.camel.spool.P1SpoolComponent;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.PeriodicSummary;
import org.p1powermeter.spool.SpoolCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the bridge as a camel-main application until it is stopped (or, one-shot / capture input, until done). */
final class BridgeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeRunner.class);

    private final CommandLine cli;
    private final BridgeSettings settings;
    private final PrintStream out;
    private Path demoSpoolDir;
    /** The longest {@code serial_port = auto} listens on a port per line setting: DSMR 2.2-4 meters send every 10 s. */
    static final Duration AUTO_PROBE_LIMIT = Duration.ofSeconds(11);
    /** The capture file of {@code -i FILE}: closed when the run ends, also when it ends with an error before reading. */
    private InputStream input;

    BridgeRunner(CommandLine cli, BridgeSettings settings, PrintStream out) {
        this.cli = cli;
        this.settings = settings;
        this.out = out;
    }

    /** @return the exit code */
    int run() throws Exception {
        refuseWhatAFleetModeCannotDo();
        BridgeAssembly assembly = new BridgeAssembly(settings, cli.demo());
        Main main = new Main();
        OrderlyStop stop = new OrderlyStop(main);
        RunControl control = new RunControl(settings.general().oneShot(), stop);
        DemoBroker broker = cli.demo() ? DemoBroker.start() : null;
        P1SpoolComponent mqtt = null;
        ObserveServer observe = null;
        PeriodicSummary periodic = null;
        P1Metrics metrics = null;
        FleetAssembly fleet = null;
        try {
            String brokerUrl = broker != null ? broker.url() : settings.mqtt().brokerUrl();
            P1Beans beans = assembly.beans(cli.verbose(), out); // checks the GUID before any input is opened
            String source = source(assembly, main);
            settings.serial().keys().ifPresent(keys -> main.bind(BridgeAssembly.KEYS_BEAN, keys));
            if (source.startsWith("p1mqtt:")) {
                main.bind(BridgeAssembly.INPUT_PAHO_BEAN, assembly.inputPaho(brokerUrl));
            }
            stop.beans = beans;
            stop.homeAssistantRoutes = assembly.announcesAvailability() && !cli.dryRun();
            if (cli.demo() && settings.vscp().configuredGuid().isEmpty() && assembly.baseGuid().equals(BridgeAssembly.DEMO_GUID)) {
                out.println("Demo: no network interface with a MAC address here; the events carry the demo GUID "
                        + BridgeAssembly.DEMO_GUID);
            }
            beans.bind(main::bind);
            metrics = beans.telegrams().metrics();
            metrics.tryRegisterMBean(); // JMX org.p1powermeter:type=P1Metrics
            boolean publishes = settings.kafka().mode() != KafkaSettings.Mode.INGEST; // ingest writes Kafka only
            if (!cli.dryRun() && publishes) {
                mqtt = assembly.spoolComponent();
                main.bind("p1spool", mqtt);
                assembly.tlsSocketFactory(brokerUrl).ifPresent(f -> main.bind(BridgeAssembly.TLS_SOCKET_FACTORY_BEAN, f));
                Path spoolDir = cli.demo() ? demoSpoolDir() : settings.spool().directory();
                // a capture file, stdin or the MQTT input waits when the spool is full; a live meter (serial, TCP, demo)
                // drops the oldest; a bridge waits too: its telegrams stay in Kafka (lag) instead of being committed and
                // then dropped
                boolean sourceCanWait = cli.input().isPresent() || source.startsWith("p1mqtt:")
                        || settings.kafka().mode() == KafkaSettings.Mode.BRIDGE;
                main.addOverrideProperty("p1.mqtt.uri", assembly.mqttUri(brokerUrl, spoolDir, sourceCanWait));
                metrics.attachOutbox(new SpoolStatus(mqtt, settings.spool().maxBytes()));
            }
            if (cli.dryRun() || !publishes) {
                main.addOverrideProperty("p1.mqtt.uri", "p1spool:p1?lazyStartProducer=true"); // never started: no spool
            }
            P1HealthChecks checks = cli.dryRun() ? P1HealthChecks.sourceOnly(metrics) : P1HealthChecks.withMqtt(metrics);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport configured) {
                    HealthCheckRegistry.get(configured.getCamelContext()).register(checks);
                }
            });
            main.bind("p1RunControl", control);
            startupDefaults(main, cli.debug());
            main.addOverrideProperty("camel.main.routes-include-pattern", assembly.routesPattern(cli.dryRun()));
            main.addOverrideProperty("p1.rate.windows", Boolean.toString(!settings.general().interval().isZero()));
            if (beans.homeAssistant().enabled() && !cli.dryRun()) {
                main.bind("paho", assembly.homeAssistantPaho(brokerUrl)); // the HA routes' subscriptions
                homeAssistantProperties(main, beans, assembly.homeAssistantClientId());
            }
            main.addOverrideProperty("camel.main.name", "p1-power-meter");
            main.addOverrideProperty("camel.main.shutdown-timeout", "15");
            main.addOverrideProperty("camel.main.stream-caching-enabled", "false"); // events are small byte[]
            main.addInitialProperty("camel.health.exposure-level", "full"); // /observe/health shows every check
            String sourceUri = settings.general().oneShot() ? source + "&maxTelegrams=1" : source;
            if (settings.kafka().usesKafka()) { // the only place the app reaches Kafka: never loaded in standalone
                fleet = new FleetAssembly(settings);
                sourceUri = fleet.configure(main, assembly.ingestSources(source, sourceUri));
            }
            main.addOverrideProperty("p1.source", sourceUri);
            main.addOverrideProperty("p1.sinks", assembly.sinks(cli.dryRun()));
            main.addOverrideProperty("p1.sink", assembly.sink(cli.dryRun()));
            if (broker != null) {
                main.configure().addRoutesBuilder(demoWatcher(broker.url()));
            }
            if (cli.verbose() && fleet != null) {
                out.println("Mode " + settings.kafka().mode().text() + ": " + fleet.describe());
            }
            if (cli.verbose() && !cli.dryRun() && publishes) {
                out.println("Publishing to " + brokerUrl + (settings.mqtt().hasCredentials() && !cli.demo() ? " as " + settings.mqtt().user() : "")
                        + ", reading " + describeSource());
            }
            TerminationSignal.install(stop);
            if (settings.watch().httpEnabled()) {
                observe = ObserveServer.start(settings.watch(), main::getCamelContext, metrics);
                LOG.info("Observability on http://{}:{}{} (health, live, ready) and {}", settings.watch().httpBind(),
                        observe.port(), ObserveServer.HEALTH, ObserveServer.METRICS);
            }
            periodic = PeriodicSummary.start(metrics, settings.watch().summaryInterval(), PeriodicSummary.LOG::info);
            main.run(); // stopping the context drains and closes the p1spool: endpoint (delivery_timeout)
            if (fleet != null) {
                fleet.stopped();
            }
            int exitCode = control.exitCode();
            if (mqtt != null && exitCode == 0) {
                exitCode = deliveryExitCode(mqtt.counters(), control.endedBySource());
            }
            return exitCode;
        } finally {
            closeQuietly(input);
            if (periodic != null) {
                periodic.close();
            }
            if (observe != null) {
                observe.close();
            }
            if (periodic != null) {
                // the last word, after the spool was drained (when the context stopped): in a service's journal too;
                // a one-shot (cron) run stays quiet unless -v
                (settings.general().oneShot() ? LOG : PeriodicSummary.LOG).info(PeriodicSummary.PREFIX + metrics.summary());
            }
            if (broker != null) {
                broker.close();
                deleteTree(demoSpoolDir);
            }
        }
    }

    /**
     * The stop of the app (end of input, one-shot, SIGTERM, Ctrl-C), while everything still runs: the Home Assistant
     * routes stop answering the bridge's own offline, the open rate windows are published (direct:p1-rate-flush), then
     * the bridge's offline status (direct:p1-offline); then camel-main stops the routes and the sink delivers.
     */
    private static final class OrderlyStop implements Runnable {
        private final Main main;
        private final java.util.concurrent.atomic.AtomicBoolean flushed = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile P1Beans beans;
        private volatile boolean homeAssistantRoutes;

        OrderlyStop(Main main) {
            this.main = main;
        }

        @Override
        public void run() {
            P1Beans b = beans;
            if (b != null && flushed.compareAndSet(false, true)) {
                b.homeAssistant().stopping();
                if (main.getCamelContext() != null && main.getCamelContext().isStarted()) {
                    if (b.rate().windows().windowed()) {
                        send("direct:p1-rate-flush", "the open rate windows");
                    }
                    if (homeAssistantRoutes) {
                        send("direct:p1-offline", "the bridge's offline status");
                    }
                }
            }
            main.completed();
        }

        private void send(String endpoint, String what) {
            try (org.apache.camel.ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
                template.sendBody(endpoint, null);
            } catch (Exception e) {
                LOG.error("Could not publish {} at stop: {}", what, e.getMessage());
            }
        }
    }

    /**
     * A dry run or the demo would join the fleet's consumer group (taking its partitions and committing their
     * offsets) or write to its topic; a bridge reads Kafka, not {@code -i}.
     */
    private void refuseWhatAFleetModeCannotDo() throws ConfigException {
        KafkaSettings.Mode mode = settings.kafka().mode();
        if (mode == KafkaSettings.Mode.STANDALONE) {
            return;
        }
        if (cli.dryRun() || cli.demo()) {
            throw new ConfigException((cli.dryRun() ? "-n/--dry-run" : "--demo") + " runs in [GENERAL] mode = standalone only;"
                    + " mode = " + mode.text() + " would " + (mode == KafkaSettings.Mode.BRIDGE
                            ? "join the consumer group and commit its offsets" : "write to the Kafka topic"));
        }
        if (mode == KafkaSettings.Mode.BRIDGE && cli.input().isPresent()) {
            throw new ConfigException("-i/--input: [GENERAL] mode = bridge reads the Kafka topic; read a capture with"
                    + " mode = ingest (into Kafka) or standalone");
        }
    }

    /**
     * The Home Assistant routes' settings: their topics and client id, and Camel's supervising route controller for
     * them, so a broker that is down at start delays their subscriptions (retried every 5 s) instead of failing the
     * start; the other routes start as before.
     */
    private static void homeAssistantProperties(Main main, P1Beans beans, String clientId) {
        org.p1powermeter.ha.HaOptions options = beans.homeAssistant().messages().options();
        main.addOverrideProperty("p1.ha.birth-topic", options.birthTopic());
        main.addOverrideProperty("p1.ha.status-topic", options.statusTopic());
        main.addOverrideProperty("p1.ha.client-id", clientId);
        main.addOverrideProperty("camel.routecontroller.enabled", "true");
        main.addOverrideProperty("camel.routecontroller.includeRoutes", "p1-ha-*");
        main.addOverrideProperty("camel.routecontroller.backOffDelay", "5000");
        main.addOverrideProperty("camel.routecontroller.backOffMaxAttempts", "0");
    }

    /**
     * 1 when events were lost (dropped for any reason), or when a run that ended by itself (one-shot, end of a
     * capture) leaves events undelivered in the spool; said in one line. A service stopped (SIGTERM) with events
     * spooled exits 0: they are sent at the next start.
     */
    static int deliveryExitCode(SpoolCounters c, boolean endedBySource) {
        if (c.dropped() > 0) {
            LOG.error("{} events were not delivered and are lost: {} dropped because the spool was full, {} older than"
                    + " spool_max_age_hours, {} the disk refused ({})", c.dropped(), c.droppedFull(), c.droppedExpired(),
                    c.droppedUnwritable(), c);
            return 1;
        }
        if (endedBySource && c.depth() > 0) {
            LOG.error("{} events were not delivered (the broker did not take them within delivery_timeout); they stay"
                    + " in the spool for the next run", c.depth());
            return 1;
        }
        return 0;
    }

    /**
     * camel-main features the bridge does not use, off to save start-up work and memory (docs/benchmarks-route.md:
     * about 0.6 MiB less RSS, start-up time within noise). Initial properties: application.properties and
     * {@code -Dcamel.main.*} still win, e.g. {@code -Dcamel.main.bean-post-processor-enabled=true} for a user
     * route whose beans use Camel's annotations.
     */
    static void startupDefaults(Main main, boolean debug) {
        main.addInitialProperty("camel.main.jmx-enabled", "false"); // camel-management is not in the jar anyway
        main.addInitialProperty("camel.main.bean-post-processor-enabled", "false"); // no @BindToRegistry etc. here
        main.addInitialProperty("camel.main.autowired-enabled", "false"); // components are configured explicitly
        main.addInitialProperty("camel.main.auto-configuration-log-summary", "false");
        main.addInitialProperty("camel.main.startup-summary-level", debug ? "Default" : "Off"); // -d still shows it
    }

    private String source(BridgeAssembly assembly, Main main) throws ConfigException {
        if (cli.demo()) {
            InputStream meter = new SimulatedMeter(1000, java.time.Clock.systemUTC(), settings.serial().meterZone());
            main.bind(BridgeAssembly.INPUT_BEAN, meter);
            out.println("Demo: simulated meter (" + SimulatedMeter.TEMPLATE + ") -> embedded MQTT broker on 127.0.0.1;"
                    + " events below are received back from the broker. Ctrl-C stops.");
            return assembly.captureUri(false, "demo", 0);
        }
        if (cli.input().isPresent()) {
            if (cli.inputIsStdin()) {
                return assembly.captureUri(true, "-", settings.general().inputIntervalMillis());
            }
            String path = cli.input().get();
            try {
                input = new FileInputStream(path);
                main.bind(BridgeAssembly.INPUT_BEAN, input);
            } catch (IOException e) {
                throw new ConfigException("-i " + path + ": cannot read the capture file (" + e.getMessage() + ")");
            }
            return assembly.captureUri(false, "input", settings.general().inputIntervalMillis());
        }
        if (settings.mqtt().hasInputTopic()) {
            return assembly.mqttInputUri();
        }
        if (settings.serial().autoPort()) {
            return assembly.serialUri(detectPort());
        }
        return assembly.serialUri();
    }

    /**
     * {@code serial_port = auto}: listens on every serial port jSerialComm finds for up to
     * {@link #AUTO_PROBE_LIMIT} ({@code serial_timeout} when shorter) per line setting, and takes the one port that
     * sends telegrams; none or several is an error that lists what was seen on each port.
     */
    private PortDetector.Probe detectPort() throws ConfigException {
        Duration probe = settings.serial().timeout().compareTo(AUTO_PROBE_LIMIT) < 0 ? settings.serial().timeout()
                : AUTO_PROBE_LIMIT;
        List<String> ports = PortDetector.systemPorts();
        System.err.println("p1-power-meter: serial_port = auto: listening on " + (ports.isEmpty() ? "no ports"
                : String.join(", ", ports)) + " for up to " + probe.toSeconds() * 2 + " s");
        PortDetector.Result result;
        try {
            result = new PortDetector(probe).detect(ports);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("serial_port = auto: interrupted while looking for the meter's port");
        }
        if (!result.found()) {
            long sending = result.probes().stream().filter(PortDetector.Probe::telegram).count();
            throw new ConfigException("serial_port = auto: " + (sending > 1 ? sending + " ports send P1 telegrams, set"
                    + " serial_port to the meter's" : "no port sends P1 telegrams") + "; tried: " + result.tried());
        }
        System.err.println("p1-power-meter: serial_port = auto: chose " + result.chosen().describe());
        return result.chosen();
    }

    /** The demo's spool lives in a temporary folder, so a demo leaves nothing behind in the working directory. */
    private Path demoSpoolDir() throws IOException {
        demoSpoolDir = Files.createTempDirectory("p1-demo-spool");
        return demoSpoolDir;
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("Could not close the input: {}", e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete the demo spool {}: {}", dir, e.getMessage());
        }
    }

    private String describeSource() {
        if (cli.demo()) {
            return "the simulated meter";
        }
        if (cli.input().isPresent()) {
            return cli.inputIsStdin() ? "standard input" : cli.input().get();
        }
        if (settings.mqtt().hasInputTopic()) {
            return "the MQTT topic " + settings.mqtt().inputTopic();
        }
        var s = settings.serial();
        List<org.p1powermeter.camel.source.TcpAddress> dongles = s.tcpAddresses();
        if (dongles.size() > 1) {
            return dongles.size() + " network dongles (tcp://" + dongles.get(0) + " …)";
        }
        if (s.tcpAddress().isPresent()) {
            return "the network dongle tcp://" + s.tcpAddress().get();
        }
        return "serial port " + s.port() + " at " + s.baudRate() + " baud";
    }

    /** Demo only: prints what the embedded broker delivers, so the user sees the events arrive. */
    private RouteBuilder demoWatcher(String brokerUrl) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("paho:%23?brokerUrl=" + brokerUrl + "&clientId=p1-demo-watcher&qos=0").routeId("p1-demo-watcher")
                        .process(e -> out.println("received " + e.getMessage().getHeader("CamelMqttTopic") + " "
                                + e.getMessage().getBody(String.class)));
            }
        };
    }
}
