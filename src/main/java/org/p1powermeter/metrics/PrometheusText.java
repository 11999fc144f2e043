package org.p1powermeter.metrics;

import java.util.Locale;
import java.util.Map;
import org.p1powermeter.p1.DropReason;
import org.p1powermeter.spool.SpoolCounters;

/**
 * {@link P1Metrics} in the Prometheus text exposition format (version 0.0.4), every name starting with {@code p1_}:
 * the counters the log summary shows, read from the same places (the source's and parse stage's counters here, the
 * spool's own counters through {@link OutboxStatus}, a fleet bridge's ledger and lag through {@link FleetStatus}).
 */
public final class PrometheusText {

    /** The Content-Type of the text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder(4096);

    private PrometheusText() {
    }

    /** The exposition of {@code m} now. */
    public static String of(P1Metrics m) {
        PrometheusText p = new PrometheusText();
        P1Metrics.SourceHealth health = m.sourceHealth();
        p.gauge("p1_source_up", "1 while the source delivers telegrams (serial port open and not silent)",
                health.healthy() ? 1 : 0);
        p.head("p1_source_state", "gauge", "The source's state: the series with value 1 (STARTING, OPEN, RECEIVING,"
                + " ABSENT, LOST, SILENT, CLOSED)");
        p.sample("p1_source_state", "state", health.state(), 1);
        p.counter("p1_source_reconnects_total", "Times the serial port was opened again after it was lost, silent or absent",
                m.getReconnects());
        p.counter("p1_telegrams_total", "Telegrams framed (CRC checked) from the source", m.getTelegramsOk());
        p.counter("p1_telegrams_failed_total", "Telegrams whose route ended with an error (the others are unaffected)",
                m.getTelegramsFailed());
        p.head("p1_framer_drops_total", "counter", "Stretches of input the framer dropped, per reason");
        for (DropReason r : DropReason.values()) {
            p.sample("p1_framer_drops_total", "reason", label(r.name()), m.dropped(r));
        }
        p.head("p1_framer_dropped_bytes_total", "counter", "Bytes the framer dropped, per reason");
        for (DropReason r : DropReason.values()) {
            p.sample("p1_framer_dropped_bytes_total", "reason", label(r.name()), m.droppedBytes(r));
        }
        p.counter("p1_parse_issues_total", "Lines of valid telegrams the parser skipped (the rest was kept)",
                m.getParseIssues());
        p.head("p1_measurements_skipped_total", "counter", "Table lines not turned into measurements, per reason");
        for (Map.Entry<String, Long> skipped : m.getSkipped().entrySet()) {
            p.sample("p1_measurements_skipped_total", "reason", label(skipped.getKey()), skipped.getValue());
        }
        p.head("p1_unknown_obis_lines_total", "counter", "Telegram lines whose OBIS id the bridge does not know, per id"
                + " (at most 256 ids, the rest as other)");
        for (Map.Entry<String, Long> unknown : m.getUnknownObis().entrySet()) {
            p.sample("p1_unknown_obis_lines_total", "obis", unknown.getKey(), unknown.getValue());
        }
        m.outbox().ifPresent(outbox -> p.outbox(outbox));
        m.fleet().ifPresent(fleet -> p.fleet(fleet));
        return p.text.toString();
    }

    private void outbox(OutboxStatus outbox) {
        SpoolCounters c = outbox.counters();
        String link = outbox.link().name();
        gauge("p1_broker_up", "1 while the publisher is connected to the MQTT broker", "CONNECTED".equals(link) ? 1 : 0);
        head("p1_broker_link_state", "gauge", "The link to the broker: the series with value 1 (CONNECTING, CONNECTED,"
                + " BROKER_DOWN, AUTH_FAILED, STOPPED)");
        sample("p1_broker_link_state", "state", link, 1);
        counter("p1_events_spooled_total", "Events appended to the spool", c.appended());
        counter("p1_events_delivered_total", "Events the broker acknowledged", c.delivered());
        counter("p1_events_resent_total", "Events published again after a reconnect (at-least-once duplicates)", c.resent());
        counter("p1_events_recovered_total", "Undelivered events found in the spool at start (left by the last run)",
                c.recovered());
        head("p1_events_dropped_total", "counter", "Undelivered events the spool dropped, per reason");
        sample("p1_events_dropped_total", "reason", "spool_full", c.droppedFull());
        sample("p1_events_dropped_total", "reason", "too_old", c.droppedExpired());
        sample("p1_events_dropped_total", "reason", "disk_refused", c.droppedUnwritable());
        gauge("p1_spool_waiting_events", "Events in the spool waiting for the broker", c.depth());
        gauge("p1_spool_size_bytes", "Bytes the spool holds on disk", c.bytes());
        gauge("p1_spool_held_bytes", "Bytes held in memory because the disk refused them", c.heldBytes());
        gauge("p1_spool_limit_bytes", "The spool's size limit ([SPOOL] spool_max_mb)", outbox.maxBytes());
        counter("p1_spool_corrupt_bytes_total", "Bytes of damaged records skipped when the spool was opened",
                c.corruptBytes());
    }

    private void fleet(FleetStatus fleet) {
        gauge("p1_fleet_meters", "Meters this bridge instance has seen since it started", fleet.meters());
        gauge("p1_fleet_partitions", "Partitions this bridge instance has read from", fleet.partitions());
        counter("p1_fleet_partition_assignments_total", "Times a partition arrived at this instance (at start and at"
                + " each move here)", fleet.partitionArrivals());
        counter("p1_fleet_duplicates_skipped_total", "Records skipped because this instance processed them before",
                fleet.duplicatesSkipped());
        head("p1_kafka_consumer_lag", "gauge", "Records between this instance's consumer and the end of each partition"
                + " it reads (the Kafka client's records-lag)");
        for (Map.Entry<Integer, Long> lag : fleet.lag().entrySet()) {
            sample("p1_kafka_consumer_lag", "partition", String.valueOf(lag.getKey()), lag.getValue());
        }
    }

    private static String label(String reason) {
        return reason.toLowerCase(Locale.ROOT);
    }

    private void counter(String name, String help, long value) {
        head(name, "counter", help);
        text.append(name).append(' ').append(value).append('\n');
    }

    private void gauge(String name, String help, long value) {
        head(name, "gauge", help);
        text.append(name).append(' ').append(value).append('\n');
    }

    private void head(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String label, String value, long sample) {
        text.append(name).append('{').append(label).append("=\"").append(escape(value)).append("\"} ").append(sample)
                .append('\n');
    }

    /** A label value as the text format wants it: backslash, quote and newline escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
