package org.p1powermeter.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.p1powermeter.app.demo.SimulatedMeter;

/**
 * The whole bridge, as shipped, against a real Mosquitto on 127.0.0.1: runs the packaged jar through
 * {@code bin/p1-power-meter} (the launcher's JVM flags and AppCDS archive) and prints
 * <ul>
 * <li>{@code throughput}: telegrams/s and events/s at QoS 0 and QoS 1, first to last event a subscriber receives,
 * from a capture of N telegrams ({@code -i FILE});</li>
 * <li>{@code paced}: 1 telegram/s written to the bridge's standard input ({@code -i -}): latency telegram end →
 * subscriber receipt, process CPU per telegram (/proc/PID/stat and the threads' schedstat), steady VmRSS;</li>
 * <li>{@code oneshot}: launch → exit of {@code -s -i ONE_TELEGRAM -n} and {@code -s -i ONE_TELEGRAM} (MQTT), with
 * and without the AppCDS archive, and the first run that writes the archive.</li>
 * </ul>
 * Run: {@code bench/route-bench [throughput|paced|oneshot|all] [--telegrams N] [--runs R] [--seconds S]
 * [--warmup S] [--qos 0,1]}. Every run is bounded and stops by itself; only 127.0.0.1 is used. The subscriber is a
 * bare MQTT client ({@link CountingSubscriber}) that stamps each message as it comes off the socket.
 */
public final class RouteBench {

    static final String GUID = "FF:FF:FF:FF:FF:FF:FF:FE:00:11:22:33:44:55:00:00";
    static final int EVENTS_PER_TELEGRAM = 26;
    /** A cache dir the launcher cannot create (so an older launcher without P1_APPCDS=off also runs without AppCDS). */
    static final Path NO_CDS = Path.of("/proc/self/no-cds-cache");

    private final Path root;
    private final Path work;
    private int telegrams = 10_000;
    private int runs = 3;
    private int seconds = 60;
    private int warmup = 15;
    private int oneshotRuns = 10;
    private List<Integer> qosList = List.of(0, 1);

    private RouteBench(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("p1.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("p1-route-bench");
        // stopped early (Ctrl-C, SIGTERM): take the broker and any bridge down with the bench
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        RouteBench bench = new RouteBench(root, work);
        String what = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--telegrams" -> bench.telegrams = Integer.parseInt(args[++i]);
                case "--runs" -> bench.runs = Integer.parseInt(args[++i]);
                case "--seconds" -> bench.seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> bench.warmup = Integer.parseInt(args[++i]);
                case "--oneshot-runs" -> bench.oneshotRuns = Integer.parseInt(args[++i]);
                case "--qos" -> bench.qosList = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "throughput", "paced", "oneshot", "all" -> what = args[i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf("route-bench %s: jar %s (%d bytes), %d cores, load %s, work dir %s%n", what,
                bench.jar(), Files.size(bench.jar()), Runtime.getRuntime().availableProcessors(), loadAverage(), work);
        try (Broker broker = Broker.start(work.resolve("mosquitto"))) {
            System.out.println("mosquitto on " + broker.url() + " (config " + broker.config() + ")");
            if (what.equals("throughput") || what.equals("all")) {
                bench.throughput(broker);
            }
            if (what.equals("paced") || what.equals("all")) {
                bench.paced(broker);
            }
            if (what.equals("oneshot") || what.equals("all")) {
                bench.oneshot(broker);
            }
        }
        System.out.println("load after: " + loadAverage());
    }

    // ---------------------------------------------------------------------------------------------- throughput

    private void throughput(Broker broker) throws Exception {
        Path capture = work.resolve("capture-" + telegrams + ".txt");
        writeCapture(capture, telegrams);
        Path cache = work.resolve("cache-throughput");
        warmArchive(cache, broker);
        for (int qos : qosList) {
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                try (CountingSubscriber sub = new CountingSubscriber(broker.url(), qos, telegrams * EVENTS_PER_TELEGRAM)) {
                    long launched = System.nanoTime();
                    Process p = launcher(cache, List.of("-i", capture.toString(), "--set", "mqtt.url=" + broker.url(),
                            "--set", "mqtt.qos=" + qos, "--set", "guid=" + GUID), work.resolve("tp-" + qos + "-" + run));
                    long pid = p.pid();
                    long[] cpu = {0};
                    boolean exited = waitAndSampleCpu(p, pid, cpu, 600);
                    long exitNanos = System.nanoTime();
                    sub.awaitAll(10, TimeUnit.SECONDS);
                    int got = sub.count.get();
                    long errors = errorLines(work.resolve("tp-" + qos + "-" + run));
                    double span = (sub.lastNanos - sub.firstNanos) / 1e9;
                    double tps = got / (double) EVENTS_PER_TELEGRAM / span;
                    rates.add(tps);
                    System.out.printf(Locale.ROOT,
                            "throughput qos=%d run %d: %d/%d events in %.3f s first->last = %.0f telegrams/s, %.0f events/s;"
                                    + " launch->exit %.2f s, exit %s, process CPU %.2f s, %d ERROR lines in the bridge's stderr%n",
                            qos, run, got, telegrams * EVENTS_PER_TELEGRAM, span, tps, tps * EVENTS_PER_TELEGRAM,
                            (exitNanos - launched) / 1e9, exited ? String.valueOf(p.exitValue()) : "timeout(killed)",
                            cpu[0] / 100.0, errors);
                }
            }
            System.out.printf(Locale.ROOT, "THROUGHPUT qos=%d (%d telegrams x %d runs): telegrams/s %s; events/s x%d%n", qos,
                    telegrams, runs, spread(rates, "%.0f"), EVENTS_PER_TELEGRAM);
        }
    }

    private static boolean waitAndSampleCpu(Process p, long pid, long[] cpuTicks, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (p.isAlive() && System.nanoTime() < deadline) {
            long t = cpuTicks(pid);
            if (t >= 0) {
                cpuTicks[0] = t;
            }
            Thread.sleep(20);
        }
        if (p.isAlive()) {
            p.destroyForcibly().waitFor();
            return false;
        }
        return true;
    }

    // -------------------------------------------------------------------------------------------------- paced

    private void paced(Broker broker) throws Exception {
        Path cache = work.resolve("cache-paced");
        warmArchive(cache, broker);
        int total = warmup + seconds;
        SimulatedMeter meter = new SimulatedMeter(0, Clock.systemUTC(), ZoneId.of("Europe/Stockholm"));
        int qos = 1; // the shipped default
        try (CountingSubscriber sub = new CountingSubscriber(broker.url(), qos, total * EVENTS_PER_TELEGRAM)) {
            Process p = launcherWithStdin(cache, List.of("-i", "-", "--set", "mqtt.url=" + broker.url(),
                    "--set", "mqtt.qos=" + qos, "--set", "guid=" + GUID), work.resolve("paced"));
            long pid = p.pid();
            long[] written = new long[total];
            List<Long> rssKib = new ArrayList<>();
            long cpuTicks0 = -1;
            long sched0 = -1;
            long cpuTicks1 = -1;
            long sched1 = -1;
            java.util.Map<String, Long> threads0 = java.util.Map.of();
            java.util.Map<String, Long> threads1 = java.util.Map.of();
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            try (OutputStream in = p.getOutputStream()) {
                for (int k = 0; k < total; k++) {
                    long at = start + TimeUnit.SECONDS.toNanos(k);
                    long wait = at - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (k == warmup) { // start of the measured window, half a second after telegram warmup-1
                        cpuTicks0 = cpuTicks(pid);
                        sched0 = schedNanos(pid);
                        threads0 = threadNanos(pid);
                    }
                    byte[] telegram = meter.nextTelegram();
                    in.write(telegram, 0, telegram.length - 1);
                    in.flush();
                    written[k] = System.nanoTime(); // telegram end: its last byte (the LF after !CRC) goes in now
                    in.write(telegram, telegram.length - 1, 1);
                    in.flush();
                    if (k >= warmup) {
                        rssKib.add(vmRssKib(pid));
                    }
                }
                long end = start + TimeUnit.SECONDS.toNanos(total);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
                cpuTicks1 = cpuTicks(pid);
                sched1 = schedNanos(pid);
                threads1 = threadNanos(pid);
                rssKib.add(vmRssKib(pid));
            }
            boolean exited = p.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly().waitFor();
            }
            sub.awaitAll(5, TimeUnit.SECONDS);
            long[] receipts = sub.receipts();
            int got = sub.count.get();
            List<Double> eventMs = new ArrayList<>();
            List<Double> firstMs = new ArrayList<>();
            List<Double> lastMs = new ArrayList<>();
            for (int k = warmup; k < total && (k + 1) * EVENTS_PER_TELEGRAM <= got; k++) {
                for (int e = 0; e < EVENTS_PER_TELEGRAM; e++) {
                    eventMs.add((receipts[k * EVENTS_PER_TELEGRAM + e] - written[k]) / 1e6);
                }
                firstMs.add((receipts[k * EVENTS_PER_TELEGRAM] - written[k]) / 1e6);
                lastMs.add((receipts[k * EVENTS_PER_TELEGRAM + EVENTS_PER_TELEGRAM - 1] - written[k]) / 1e6);
            }
            System.out.printf(Locale.ROOT, "paced qos=%d: %d telegrams (%d warm-up, %d measured), %d/%d events received, exit %s%n",
                    qos, total, warmup, seconds, got, total * EVENTS_PER_TELEGRAM, exited ? p.exitValue() : "timeout(killed)");
            System.out.printf(Locale.ROOT, "LATENCY telegram end -> subscriber, each event (ms): %s%n", percentiles(eventMs));
            System.out.printf(Locale.ROOT, "LATENCY telegram end -> first event of the telegram (ms): %s%n", percentiles(firstMs));
            System.out.printf(Locale.ROOT, "LATENCY telegram end -> last (26th) event of the telegram (ms): %s%n", percentiles(lastMs));
            System.out.printf(Locale.ROOT, "CPU per telegram over %d s at 1/s: %.3f ms (threads' schedstat, live threads) ;"
                            + " %.3f ms (/proc/PID/stat utime+stime, 10 ms ticks, incl. exited threads)%n", seconds,
                    (sched1 - sched0) / 1e6 / seconds, (cpuTicks1 - cpuTicks0) * 10.0 / seconds);
            StringBuilder perThread = new StringBuilder();
            java.util.Map<String, Long> atStart = threads0;
            threads1.entrySet().stream().map(t -> java.util.Map.entry(t.getKey(), t.getValue() - atStart.getOrDefault(t.getKey(), 0L)))
                    .filter(d -> d.getValue() / 1e6 / seconds >= 0.01)
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(d -> perThread.append(String.format(Locale.ROOT, "%n    %7.3f ms  %s", d.getValue() / 1e6 / seconds, d.getKey())));
            System.out.println("CPU per telegram by thread (ms, threads alive at both ends):" + perThread);
            List<Double> rssMib = rssKib.stream().map(k -> k / 1024.0).toList();
            System.out.printf(Locale.ROOT, "RSS VmRSS over the measured window (MiB): %s; at the end %.1f%n",
                    spread(rssMib, "%.1f"), rssMib.get(rssMib.size() - 1));
        }
    }

    // ------------------------------------------------------------------------------------------------ one-shot

    private void oneshot(Broker broker) throws Exception {
        Path one = work.resolve("one.telegram");
        writeCapture(one, 1);
        List<String> dry = List.of("-s", "-i", one.toString(), "-n");
        List<String> mqtt = List.of("-s", "-i", one.toString(), "--set", "mqtt.url=" + broker.url(), "--set", "guid=" + GUID);
        Path noCds = NO_CDS;
        for (var c : List.of(new Object[] {"dry run (-s -i ONE -n)", dry}, new Object[] {"MQTT (-s -i ONE, QoS 1)", mqtt})) {
            String name = (String) c[0];
            @SuppressWarnings("unchecked")
            List<String> args = (List<String>) c[1];
            List<Double> first = new ArrayList<>();
            for (int r = 0; r < Math.min(3, oneshotRuns); r++) {
                Path cache = work.resolve("cache-first-" + System.nanoTime());
                first.add(timeRun(cache, args));
            }
            Path cache = work.resolve("cache-oneshot-" + System.nanoTime());
            timeRun(cache, args); // writes the archive
            List<Double> withCds = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            for (int r = 0; r < oneshotRuns; r++) { // interleaved, so load changes hit both alike
                withCds.add(timeRun(cache, args));
                without.add(timeRun(noCds, args));
            }
            System.out.printf(Locale.ROOT, "ONESHOT %s launch->exit (s): AppCDS %s | no AppCDS %s | first run writing the archive %s%n",
                    name, spread(withCds, "%.3f"), spread(without, "%.3f"), spread(first, "%.3f"));
        }
    }

    private double timeRun(Path cache, List<String> args) throws Exception {
        long t0 = System.nanoTime();
        Process p = launcher(cache, args, work.resolve("oneshot"));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("one-shot run did not exit within 60 s");
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("one-shot run exited " + p.exitValue() + ": see " + work.resolve("oneshot"));
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Path jar() {
        return Path.of(System.getProperty("p1.jar", root.resolve("target/p1-power-meter.jar").toString()));
    }

    /** A first run (one-shot dry run) so the launcher has written its AppCDS archive into {@code cache}. */
    private void warmArchive(Path cache, Broker broker) throws Exception {
        Path one = work.resolve("archive.telegram");
        writeCapture(one, 1);
        timeRun(cache, List.of("-s", "-i", one.toString(), "--set", "mqtt.url=" + broker.url(), "--set", "guid=" + GUID));
    }

    private Process launcher(Path cache, List<String> args, Path dir) throws IOException {
        return builder(cache, args, dir).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    }

    private Process launcherWithStdin(Path cache, List<String> args, Path dir) throws IOException {
        return builder(cache, args, dir).start();
    }

    private ProcessBuilder builder(Path cache, List<String> args, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(root.resolve("bin/p1-power-meter").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()) // no config.ini/application.properties there
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.log").toFile()));
        pb.environment().put("P1_JAR", jar().toString());
        pb.environment().put("P1_CACHE_DIR", cache.toString());
        if (cache.equals(NO_CDS)) {
            pb.environment().put("P1_APPCDS", "off");
        }
        pb.environment().remove("JAVA_OPTS");
        return pb;
    }

    /** N valid, varying telegrams (CRC recomputed) made from the bundled Swedish one. */
    static void writeCapture(Path file, int count) throws IOException {
        SimulatedMeter meter = new SimulatedMeter(0, Clock.systemUTC(), ZoneId.of("Europe/Stockholm"));
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < count; i++) {
                out.write(meter.nextTelegram());
            }
        }
    }

    /** Lines with ERROR in a run's stderr.log (e.g. a publish that failed, so an event a subscriber never sees). */
    static long errorLines(Path runDir) throws IOException {
        Path log = runDir.resolve("stderr.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(" ERROR ")).count();
        }
    }

    /** utime + stime of the whole process (clock ticks, 100 Hz), or -1 once it is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Nanoseconds on CPU of the process's live threads (first field of each /proc/PID/task/TID/schedstat). */
    static long schedNanos(long pid) throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    sum += Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[0]);
                } catch (IOException gone) {
                    // thread ended between list and read
                }
            }
        }
        return sum;
    }

    /** On-CPU nanoseconds of each live thread, keyed "tid name", biggest first when iterated. */
    static java.util.Map<String, Long> threadNanos(long pid) throws IOException {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    long ns = Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[0]);
                    m.put(t.getFileName() + " " + Files.readString(t.resolve("comm")).trim(), ns);
                } catch (IOException gone) {
                    // thread ended
                }
            }
        }
        java.util.Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        m.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static long vmRssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static String spread(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "n/a";
        }
        List<Double> s = values.stream().sorted(Comparator.naturalOrder()).toList();
        double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        return String.format(Locale.ROOT, "median " + format + " (min " + format + ", max " + format + ", n=%d)", median,
                s.get(0), s.get(s.size() - 1), s.size());
    }

    static String percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return "n/a";
        }
        double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.2f, p90 %.2f, p99 %.2f, max %.2f, min %.2f (n=%d)", at(s, 0.50), at(s, 0.90),
                at(s, 0.99), s[s.length - 1], s[0], s.length);
    }

    private static double at(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    /** A Mosquitto on a free 127.0.0.1 port, sized so neither side's queues drop events during a burst. */
    static final class Broker implements AutoCloseable {
        private final Process process;
        private final int port;
        private final Path config;

        private Broker(Process process, int port, Path config) {
            this.process = process;
            this.port = port;
            this.config = config;
        }

        static Broker start(Path dir) throws Exception {
            Files.createDirectories(dir);
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            String conf = "listener " + port + " 127.0.0.1\n"
                    + "allow_anonymous true\n"
                    + "persistence false\n"
                    + "max_inflight_messages 1000\n" // QoS 1 to the subscriber: 1000 unacknowledged (default 20)
                    + "max_queued_messages 1000000\n" // queued behind those (default 1000: a burst would be dropped)
                    + "log_type error\n"
                    + ("root".equals(System.getProperty("user.name")) ? "user root\n" : "");
            Path config = dir.resolve("mosquitto.conf");
            Files.writeString(config, conf);
            Process p = new ProcessBuilder("mosquitto", "-c", config.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
                }
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return new Broker(p, port, config);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("mosquitto did not listen on port " + port);
        }

        String url() {
            return "tcp://127.0.0.1:" + port;
        }

        int port() {
            return port;
        }

        /** The mosquitto process id (for its CPU in /proc). */
        long pid() {
            return process.pid();
        }

        Path config() {
            return config;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
