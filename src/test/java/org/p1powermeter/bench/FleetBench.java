package org.p1powermeter.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.p1powermeter.it.FleetTelegrams;
import org.p1powermeter.it.KafkaBroker;

/**
 * bench/fleet-bench: the bridge in {@code [GENERAL] mode = bridge} reading a pre-loaded Kafka topic (docs/fleet.md).
 *
 * <ol>
 * <li>Starts a Kafka broker (KRaft, in this JVM) and fills topic p1.telegrams (12 partitions) with
 * {@code --meters} × {@code --telegrams} telegrams keyed by meter id; the producer is done before any bridge
 * starts.</li>
 * <li>Starts Mosquitto (Debian binary) and a bare counting MQTT subscriber (in this JVM).</li>
 * <li>Each run: the packaged jar as a bridge with a fresh consumer group (so it reads the whole topic), VSCP events
 * ({@code --events all}: the 26 of each telegram; {@code one}: only the grid frequency, one per telegram; {@code ha}:
 * Home Assistant JSON, one state message per telegram counted on p1/+/state, configs once per meter, no VSCP events). CPU of the
 * bridge JVM (/proc/PID/stat utime+stime) is taken between the first and the last event the subscriber receives, so
 * start-up and group join are left out; this JVM's CPU (the Kafka broker and the subscriber) and Mosquitto's are
 * reported apart.</li>
 * </ol>
 *
 * Figures: telegrams per CPU-second of the bridge JVM, and the wall rate (broker + bridge + Mosquitto + subscriber
 * on the same shared cores), per run and as median (min, max).
 */
public final class FleetBench {

    private static final String TOPIC = "p1.telegrams";

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        int meters = 1000;
        int telegrams = 30;
        int runs = 3;
        int qos = 1;
        String events = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--meters" -> meters = Integer.parseInt(args[++i]);
                case "--telegrams" -> telegrams = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--qos" -> qos = Integer.parseInt(args[++i]);
                case "--events" -> events = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--meters N --telegrams N --runs N --qos 0|1 --events all|one|ha)");
            }
        }
        if (!List.of("all", "one", "ha").contains(events)) {
            throw new IllegalArgumentException("--events all|one|ha, not " + events);
        }
        boolean all = events.equals("all");
        int perTelegram = all ? 26 : 1;
        Path root = Path.of(System.getProperty("p1.root", "."));
        Path jar = root.resolve("target/p1-power-meter.jar");
        Path work = Files.createDirectories(root.resolve("target/fleet-bench"));
        long total = (long) meters * telegrams;
        System.out.printf(Locale.ROOT, "fleet-bench: %d meters x %d telegrams = %d telegrams, events %s (%d per telegram),"
                + " QoS %d, %d runs; %d cores, load %s%n", meters, telegrams, total, events, perTelegram, qos, runs,
                Runtime.getRuntime().availableProcessors(), RouteBench.loadAverage());
        try (KafkaBroker kafka = KafkaBroker.start(Files.createTempDirectory(work, "kafka"))) {
            kafka.createTopic(TOPIC, 12);
            preload(kafka.bootstrap(), meters, telegrams);
            try (RouteBench.Broker mqtt = RouteBench.Broker.start(work.resolve("mosquitto"))) {
                List<Double> perCpu = new ArrayList<>();
                List<Double> wall = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    double[] r = run(jar, work.resolve("run-" + run), kafka.bootstrap(), mqtt, "bench-" + run + "-"
                            + System.nanoTime(), qos, events, total, perTelegram);
                    perCpu.add(r[0]);
                    wall.add(r[1]);
                }
                System.out.println("bridge telegrams per CPU-second: " + RouteBench.spread(perCpu, "%.0f"));
                System.out.println("wall telegrams/s (broker + bridge + mosquitto + subscriber on the same cores): "
                        + RouteBench.spread(wall, "%.0f"));
            }
        }
    }

    private static void preload(String bootstrap, int meters, int telegrams) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        long t0 = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int seq = 1; seq <= telegrams; seq++) {
                for (int m = 0; m < meters; m++) {
                    byte[] telegram = FleetTelegrams.telegram(m, seq);
                    bytes += telegram.length;
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, FleetTelegrams.meterId(m), telegram);
                    record.headers().add("p1.source", ("bench-dongle-" + m).getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "pre-loaded %d telegrams (%.1f MB, %d B each) in %.1f s, before any bridge runs%n",
                (long) meters * telegrams, bytes / 1e6, bytes / ((long) meters * telegrams),
                (System.nanoTime() - t0) / 1e9);
    }

    /** One run; returns {telegrams per bridge CPU-second, wall telegrams per second}. */
    private static double[] run(Path jar, Path dir, String bootstrap, RouteBench.Broker mqtt, String group, int qos,
            String events, long total, int perTelegram) throws Exception {
        Files.createDirectories(dir);
        long expected = total * perTelegram;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--set", "mode=bridge", "--set", "kafka.brokers=" + bootstrap, "--set", "kafka.group_id=" + group,
                "--set", "host=127.0.0.1", "--set", "port=" + mqtt.port(), "--set", "qos=" + qos,
                "--set", "spool_dir=" + dir.resolve("spool"), "--set", "spool_max_mb=1024"));
        if (events.equals("ha")) {
            // Home Assistant JSON: one state message per telegram (all 26 values), no VSCP events; configs once per meter
            cmd.addAll(List.of("--set", "homeassistant.discovery=true", "--set", "homeassistant.vscp=false"));
        } else if (events.equals("one")) {
            for (String flag : List.of("energy", "active_effect", "reactive_effect", "voltage", "current")) {
                cmd.addAll(List.of("--set", "send_" + flag + "=false"));
            }
            cmd.addAll(List.of("--set", "send_frequency=true"));
        }
        try (CountingSubscriber subscriber = new CountingSubscriber(mqtt.url(), qos, (int) Math.min(expected, 1 << 24),
                events.equals("ha") ? "p1/+/state" : "vscp/#")) {
            Process bridge = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout.log").toFile()).redirectError(dir.resolve("stderr.log").toFile())
                    .start();
            long pid = bridge.pid();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (subscriber.count.get() == 0 && System.nanoTime() < deadline && bridge.isAlive()) {
                    Thread.sleep(5);
                }
                long count0 = subscriber.count.get();
                long t0 = System.nanoTime();
                long cpu0 = RouteBench.cpuTicks(pid);
                long own0 = ownCpuNanos();
                long mosq0 = RouteBench.cpuTicks(mqtt.pid());
                long last = -1;
                long lastChange = System.nanoTime();
                while (subscriber.count.get() < expected && bridge.isAlive()
                        && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(30)) {
                    long now = subscriber.count.get();
                    if (now != last) {
                        last = now;
                        lastChange = System.nanoTime();
                    }
                    Thread.sleep(10);
                }
                long count1 = subscriber.count.get();
                long t1 = subscriber.lastNanos;
                long cpu1 = RouteBench.cpuTicks(pid);
                long own1 = ownCpuNanos();
                long mosq1 = RouteBench.cpuTicks(mqtt.pid());
                double telegrams = (count1 - count0) / (double) perTelegram;
                double bridgeCpu = (cpu1 - cpu0) / 100.0;
                double seconds = (t1 - t0) / 1e9;
                double[] result = {telegrams / bridgeCpu, telegrams / seconds};
                System.out.printf(Locale.ROOT, "run %s: %d/%d events; measured %.0f telegrams in %.2f s: bridge JVM CPU"
                        + " %.2f s = %.0f telegrams/CPU-s (%.1f µs each); wall %.0f telegrams/s, %.0f events/s;"
                        + " this JVM (Kafka broker + subscriber) CPU %.2f s, mosquitto CPU %.2f s%n",
                        dir.getFileName(), count1, expected, telegrams, seconds, bridgeCpu, result[0],
                        bridgeCpu * 1e6 / telegrams, result[1], telegrams * perTelegram / seconds, (own1 - own0) / 1e9,
                        (mosq1 - mosq0) / 100.0);
                if (count1 < expected) {
                    System.out.println("  INCOMPLETE: the subscriber got " + count1 + " of " + expected
                            + " events; see " + dir.resolve("stderr.log"));
                }
                return result;
            } finally {
                bridge.destroy();
                if (!bridge.waitFor(30, TimeUnit.SECONDS)) {
                    bridge.destroyForcibly();
                }
            }
        }
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
