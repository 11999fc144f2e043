package org.p1powermeter.camel.fleet;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.p1powermeter.camel.source.SourceListener;
import org.p1powermeter.p1.DropReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, per source, what an ingest instance did with the telegrams: written to Kafka, failed (Kafka refused or
 * timed out; logged by the source), and the bad telegrams the framer dropped per reason (they never reach Kafka).
 * Noise between telegrams is not a telegram and is not counted. {@link #summary()} is logged at shutdown.
 */
public class IngestCounters implements SourceListener {

    private static final Logger LOG = LoggerFactory.getLogger(IngestCounters.class);

    /** One source's counts. */
    public static final class SourceCounts {
        private final AtomicLong written = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final Map<DropReason, AtomicLong> dropped = new ConcurrentHashMap<>();

        public long written() {
            return written.get();
        }

        public long failed() {
            return failed.get();
        }

        /** Bad telegrams dropped for this reason. */
        public long dropped(DropReason reason) {
            AtomicLong n = dropped.get(reason);
            return n == null ? 0 : n.get();
        }

        /** Bad telegrams dropped, every reason. */
        public long dropped() {
            return dropped.values().stream().mapToLong(AtomicLong::get).sum();
        }

        @Override
        public String toString() {
            Map<DropReason, Long> reasons = new TreeMap<>();
            dropped.forEach((reason, n) -> reasons.put(reason, n.get()));
            return written() + " telegrams to Kafka, " + failed() + " failed, " + dropped() + " bad telegrams dropped"
                    + (reasons.isEmpty() ? "" : " " + reasons);
        }
    }

    private final Map<String, SourceCounts> sources = new ConcurrentHashMap<>();

    /** The counts of one source (zero counts for a source not seen). */
    public SourceCounts of(String source) {
        return sources.computeIfAbsent(source, s -> new SourceCounts());
    }

    @Override
    public void telegramDone(String source, long sequence, Throwable failure) {
        (failure == null ? of(source).written : of(source).failed).incrementAndGet();
    }

    @Override
    public void telegramDropped(String source, DropReason reason, int byteCount) {
        if (reason != DropReason.NOISE) {
            of(source).dropped.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        }
    }

    /** One line per source: {@code ingest source /dev/ttyUSB0: 100 telegrams to Kafka, 0 failed, 1 bad …}. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(sources).forEach((source, counts) -> text.append(text.length() == 0 ? "" : "\n")
                .append("ingest source ").append(source).append(": ").append(counts));
        return text.toString();
    }

    /**
     * Logs one line per source (the app calls it at shutdown): a warning for a source that dropped bad telegrams or
     * failed to write some, else at INFO (shown with {@code -v}), so a healthy ingest stays quiet.
     */
    public void logSummary() {
        new TreeMap<>(sources).forEach((source, counts) -> {
            String line = "ingest source " + source + ": " + counts;
            if (counts.dropped() + counts.failed() > 0) {
                LOG.warn("{}", line);
            } else {
                LOG.info("{}", line);
            }
        });
    }
}
