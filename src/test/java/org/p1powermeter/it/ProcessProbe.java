package org.p1powermeter.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads what a running JVM uses: CPU time from /proc/PID/stat, thread names from {@code jcmd PID Thread.print}. */
final class ProcessProbe {

    /** Linux USER_HZ: /proc times are in ticks of 1/100 s on every Linux architecture Java runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessProbe() {
    }

    /** User + system CPU time of the process so far, in milliseconds. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 (utime) and 15 (stime)
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** The names of the JVM's live threads. */
    static List<String> threadNames(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("jcmd failed: " + out);
        }
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("\"")) {
                names.add(line.substring(1, line.indexOf('"', 1)));
            }
        }
        return names;
    }
}
