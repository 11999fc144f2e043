package org.p1powermeter.spool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The spool's storage engine measured against H2 MVStore (in the jar through Moquette) on the same work: telegrams
 * of 26 VSCP JSON events, one record per telegram (the block {@link RecordCodec} makes, so both store the same
 * bytes), written at once so a kill -9 loses at most the telegram being written (MVStore: a commit per telegram).
 * Not a unit test: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.p1powermeter.spool.SpoolStorageBench}
 * (see docs/spool-storage.md). Modes: {@code append ENGINE DIR N} (CPU per telegram, bytes, RSS),
 * {@code writer ENGINE DIR} (appends until killed, printing each telegram written), {@code check ENGINE DIR}
 * (what survived: count, order), {@code kill ENGINE DIR ROUNDS} (kill -9 the writer ROUNDS times, check after each).
 */
public final class SpoolStorageBench {

    private static final int EVENTS = 26;

    private SpoolStorageBench() {
    }

    /** One engine: append a telegram (written at once), reopen and list the telegram numbers in order. */
    interface Engine extends AutoCloseable {
        void append(long telegram, List<RecordCodec.Message> events) throws IOException;

        List<Long> telegrams() throws IOException;

        @Override
        void close() throws IOException;
    }

    static Engine open(String name, Path dir) throws IOException {
        return switch (name) {
            case "segments" -> new Segments(dir);
            case "mvstore" -> new MvStore(dir);
            default -> throw new IllegalArgumentException("engine segments or mvstore, not " + name);
        };
    }

    /** The spool as shipped: {@link DiskSpool}, one block per telegram. */
    static final class Segments implements Engine {
        private final DiskSpool spool;

        Segments(Path dir) throws IOException {
            spool = DiskSpool.open(dir, SpoolLimits.of(1L << 30, Duration.ofDays(7)), Clock.systemUTC());
        }

        @Override
        public void append(long telegram, List<RecordCodec.Message> events) throws IOException {
            for (RecordCodec.Message m : events) {
                spool.appendToBlock(m.topic(), m.payload(), m.qos(), m.retained());
            }
            spool.seal();
        }

        @Override
        public List<Long> telegrams() throws IOException {
            List<Long> out = new ArrayList<>();
            List<SpoolRecord> batch;
            while (!(batch = spool.read(10_000)).isEmpty()) {
                for (SpoolRecord r : batch) {
                    if ((r.sequence() - 1) % EVENTS == 0) {
                        out.add(Long.parseLong(new String(r.payload(), StandardCharsets.UTF_8).replaceAll(".*\"t\":(\\d+).*", "$1")));
                    }
                }
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            spool.close();
        }
    }

    /** H2 MVStore: a map telegram number -> the same block, committed per telegram. */
    static final class MvStore implements Engine {
        private final MVStore store;
        private final MVMap<Long, byte[]> map;

        MvStore(Path dir) throws IOException {
            Files.createDirectories(dir);
            store = new MVStore.Builder().fileName(dir.resolve("spool.mv.db").toString()).autoCommitDisabled().open();
            map = store.openMap("spool");
        }

        @Override
        public void append(long telegram, List<RecordCodec.Message> events) {
            map.put(telegram, RecordCodec.encode(telegram, 0, events).array());
            store.commit();
        }

        @Override
        public List<Long> telegrams() {
            return new ArrayList<>(map.keySet());
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** A telegram's 26 events: VSCP JSON as the bridge makes it, values changing from telegram to telegram. */
    static List<RecordCodec.Message> telegram(long n) {
        List<RecordCodec.Message> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            String value = String.format("%d.%03d", 6678 + n / 1000 + i, (n * 7 + i * 13) % 1000);
            String json = "{\"t\":" + n + ",\"vscpHead\":32864,\"vscpObId\":0,\"vscpDateTime\":\"2026-11-25T08:"
                    + String.format("%02d:%02d", (n / 60) % 60, n % 60) + "Z\",\"vscpTimeStamp\":" + (298729951 + n * 1000)
                    + ",\"vscpClass\":1040,\"vscpType\":" + (13 + i % 4) + ",\"vscpGuid\":\"FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:"
                    + String.format("%02X", i) + "\",\"vscpData\":[1,0,0,1,54,54,55,56,46,51,57,52,0],\"vscpNote\":\"Measurement "
                    + i + "\",\"measurement\":{\"value\":" + value + ",\"unit\":1,\"sensorindex\":" + i + ",\"zone\":0,\"subzone\":0}}";
            events.add(new RecordCodec.Message("vscp/FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:" + String.format("%02X", i)
                    + "/1040/" + (13 + i % 4), json.getBytes(StandardCharsets.UTF_8), 1, false));
        }
        return events;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String engine = args[1];
        Path dir = Path.of(args[2]);
        switch (mode) {
            case "append" -> append(engine, dir, Integer.parseInt(args[3]));
            case "writer" -> writer(engine, dir);
            case "check" -> System.out.println(check(engine, dir));
            case "kill" -> kill(engine, dir, Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void append(String engine, Path dir, int n) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        List<List<RecordCodec.Message>> input = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) { // 1,000 different telegrams, cycled (all of them would not fit a small heap)
            input.add(telegram(i));
        }
        try (Engine e = open(engine, dir)) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                e.append(i, input.get((i - 1) % input.size()));
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            System.gc();
            System.out.printf("%s: %d telegrams, appending thread CPU %.1f us/telegram (wall %.1f us), %s bytes on disk"
                    + " (%.0f per telegram), VmRSS %s%n", engine, n, cpu / 1e3 / n, wall / 1e3 / n, size(dir),
                    (double) size(dir) / n, rss());
        }
    }

    private static void writer(String engine, Path dir) throws Exception {
        try (Engine e = open(engine, dir)) {
            long next = e.telegrams().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            while (true) {
                e.append(next, telegram(next));
                System.out.println(next++);
            }
        }
    }

    private static String check(String engine, Path dir) throws Exception {
        try (Engine e = open(engine, dir)) {
            List<Long> t = e.telegrams();
            long outOfOrder = 0;
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i) != i + 1) {
                    outOfOrder++;
                }
            }
            return t.size() + " " + outOfOrder;
        }
    }

    private static void kill(String engine, Path dir, int rounds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long lostTotal = 0;
        for (int round = 1; round <= rounds; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SpoolStorageBench.class.getName(),
                    "writer", engine, dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long lastPrinted = 0;
            long until = System.nanoTime() + Duration.ofMillis(1500 + round * 137L % 1000).toNanos();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (System.nanoTime() < until && (line = out.readLine()) != null) {
                    lastPrinted = Long.parseLong(line.trim());
                }
                new ProcessBuilder("kill", "-9", String.valueOf(p.pid())).start().waitFor();
                p.waitFor();
            }
            String[] r = check(engine, dir).split(" ");
            long kept = Long.parseLong(r[0]);
            long lost = Math.max(0, lastPrinted - kept);
            lostTotal += lost;
            System.out.printf("%s round %d: last telegram reported written %d, on disk after restart %d, out of order %s,"
                    + " lost %d%n", engine, round, lastPrinted, kept, r[1], lost);
        }
        System.out.println(engine + ": " + rounds + " kill -9 rounds, telegrams lost after they were reported written: " + lostTotal);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring(6).trim();
            }
        }
        return "?";
    }

}
