package org.p1powermeter.app;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.KafkaSettings;
import org.p1powermeter.app.demo.DemoBroker;
import org.p1powermeter.app.demo.SimulatedMeter;
import org.p1powermeter.camel.P1Beans;
import org.p1powermeter.camel.spool.P1SpoolComponent;
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
        RunControl control = new RunControl(settings.general().oneShot(), main::completed);
        DemoBroker broker = cli.demo() ? DemoBroker.start() : null;
        P1SpoolComponent mqtt = null;
        FleetAssembly fleet = null;
        try {
            String brokerUrl = broker != null ? broker.url() : settings.mqtt().brokerUrl();
            String source = source(assembly, main);
            P1Beans beans = assembly.beans(cli.verbose(), out);
            if (cli.demo() && settings.vscp().configuredGuid().isEmpty() && assembly.baseGuid().equals(BridgeAssembly.DEMO_GUID)) {
                out.println("Demo: no network interface with a MAC address here; the events carry the demo GUID "
                        + BridgeAssembly.DEMO_GUID);
            }
            beans.bind(main::bind);
            beans.telegrams().metrics().tryRegisterMBean(); // JMX org.p1powermeter:type=P1Metrics
            boolean publishes = settings.kafka().mode() != KafkaSettings.Mode.INGEST; // ingest writes Kafka only
            if (!cli.dryRun() && publishes) {
                mqtt = assembly.spoolComponent();
                main.bind("p1spool", mqtt);
                assembly.tlsSocketFactory(brokerUrl).ifPresent(f -> main.bind(BridgeAssembly.TLS_SOCKET_FACTORY_BEAN, f));
                Path spoolDir = cli.demo() ? demoSpoolDir() : settings.spool().directory();
                // a capture file or stdin waits when the spool is full; a live meter (serial, demo) drops the oldest;
                // a bridge waits too: its telegrams stay in Kafka (lag) instead of being committed and then dropped
                boolean sourceCanWait = cli.input().isPresent() || settings.kafka().mode() == KafkaSettings.Mode.BRIDGE;
                main.addOverrideProperty("p1.mqtt.uri", assembly.mqttUri(brokerUrl, spoolDir, sourceCanWait));
                P1SpoolComponent counted = mqtt;
                beans.telegrams().metrics().deliveryCounts(() -> counted.counters().delivered(),
                        () -> counted.counters().dropped());
            }
            if (cli.dryRun() || !publishes) {
                main.addOverrideProperty("p1.mqtt.uri", "p1spool:p1?lazyStartProducer=true"); // never started: no spool
            }
            main.bind("p1RunControl", control);
            startupDefaults(main, cli.debug());
            main.addOverrideProperty("camel.main.routes-include-pattern", assembly.routesPattern());
            main.addOverrideProperty("camel.main.name", "p1-power-meter");
            main.addOverrideProperty("camel.main.shutdown-timeout", "15");
            main.addOverrideProperty("camel.main.stream-caching-enabled", "false"); // events are small byte[]
            String sourceUri = settings.general().oneShot() ? source + "&maxTelegrams=1" : source;
            if (settings.kafka().usesKafka()) { // the only place the app reaches Kafka: never loaded in standalone
                fleet = new FleetAssembly(settings);
                sourceUri = fleet.configure(main, sourceUri);
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
                out.println("Publishing to " + brokerUrl + (settings.mqtt().hasCredentials() ? " as " + settings.mqtt().user() : "")
                        + ", reading " + describeSource());
            }
            TerminationSignal.install(main::completed);
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
            if (broker != null) {
                broker.close();
                deleteTree(demoSpoolDir);
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
                main.bind(BridgeAssembly.INPUT_BEAN, new FileInputStream(path));
            } catch (IOException e) {
                throw new ConfigException("-i " + path + ": cannot read the capture file (" + e.getMessage() + ")");
            }
            return assembly.captureUri(false, "input", settings.general().inputIntervalMillis());
        }
        return assembly.serialUri();
    }

    /** The demo's spool lives in a temporary folder, so a demo leaves nothing behind in the working directory. */
    private Path demoSpoolDir() throws IOException {
        demoSpoolDir = Files.createTempDirectory("p1-demo-spool");
        return demoSpoolDir;
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
        var s = settings.serial();
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
