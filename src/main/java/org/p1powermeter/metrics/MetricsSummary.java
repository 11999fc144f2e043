package org.p1powermeter.metrics;

import org.p1powermeter.p1.DropReason;
import org.p1powermeter.spool.SpoolCounters;

/** The one-line text of {@link P1Metrics} for the log, and the count of what went wrong. */
final class MetricsSummary {

    private MetricsSummary() {
    }

    /** Sum of every counter that means something went wrong (drops other than noise, issues, skips, failures). */
    static long troubleCount(P1Metrics m) {
        long sum = m.get(P1Metrics.Counter.TELEGRAMS_FAILED) + m.get(P1Metrics.Counter.PARSE_ISSUES)
                + m.get(P1Metrics.Counter.RECONNECTS) + m.getEventsDropped();
        for (DropReason r : DropReason.values()) {
            sum += r == DropReason.NOISE ? 0 : m.dropped(r);
        }
        for (long n : m.getSkipped().values()) {
            sum += n;
        }
        for (long n : m.getDecryptFailures().values()) {
            sum += n;
        }
        return sum;
    }

    /**
     * e.g. {@code source RECEIVING (healthy), telegrams ok=120, dropped CRC_MISMATCH=2 (1804 bytes), skipped
     * EMPTY_VALUE=3; mqtt CONNECTED: events delivered=3068, dropped=0, waiting=0}.
     */
    static String of(P1Metrics m) {
        P1Metrics.SourceHealth h = m.sourceHealth();
        StringBuilder s = new StringBuilder("source ").append(h.state()).append(h.healthy() ? " (healthy)" : " (unhealthy)");
        s.append(", telegrams ok=").append(m.get(P1Metrics.Counter.TELEGRAMS_OK));
        appendIfSet(s, "failed", m.get(P1Metrics.Counter.TELEGRAMS_FAILED));
        appendIfSet(s, "reconnects", m.get(P1Metrics.Counter.RECONNECTS));
        for (DropReason r : DropReason.values()) {
            long n = m.dropped(r);
            if (n != 0) {
                s.append(", dropped ").append(r).append('=').append(n)
                        .append(" (").append(m.droppedBytes(r)).append(" bytes)");
            }
        }
        m.getDecryptFailures().forEach((reason, n) -> appendIfSet(s, "decrypt failed " + reason, n));
        appendIfSet(s, "parse issues", m.get(P1Metrics.Counter.PARSE_ISSUES));
        m.getSkipped().forEach((reason, n) -> appendIfSet(s, "skipped " + reason, n));
        m.outbox().ifPresent(outbox -> {
            SpoolCounters c = outbox.counters();
            s.append("; mqtt ").append(outbox.link()).append(": events delivered=").append(c.delivered())
                    .append(", dropped=").append(P1Metrics.droppedEvents(c));
            if (P1Metrics.droppedEvents(c) != 0) {
                s.append(" (spool full ").append(c.droppedFull()).append(", too old ").append(c.droppedExpired())
                        .append(", disk refused ").append(c.droppedUnwritable()).append(')');
            }
            s.append(", waiting=").append(c.depth());
        });
        return s.toString();
    }

    private static void appendIfSet(StringBuilder s, String name, long n) {
        if (n != 0) {
            s.append(", ").append(name).append('=').append(n);
        }
    }
}
