package org.p1powermeter.metrics;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.p1powermeter.measure.SkipReason;
import org.p1powermeter.p1.DecryptFailure;
import org.p1powermeter.p1.DropReason;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.spool.SpoolCounters;

/**
 * The bridge's counters, shared by the source (port state, reconnects, framer drops) and the parse stage (parse
 * issues, skipped measurements), and the view of the MQTT sink's own counters ({@link #attachOutbox}: events
 * delivered, dropped per reason, waiting; never copied, so there is one count of each). Thread-safe and lock-free;
 * every method is cheap enough for the hot path (one atomic add).
 *
 * <p>Read by the log summary ({@link #summary()}, {@link SummaryLog}), the Prometheus text
 * ({@link PrometheusText}), the health checks and the MXBean {@value #OBJECT_NAME} ({@link #registerMBean()}).
 */
public final class P1Metrics implements P1MetricsMXBean {

    public static final String OBJECT_NAME = "org.p1powermeter:type=P1Metrics";

    /** Counters that are not per reason. */
    public enum Counter {
        TELEGRAMS_OK,
        TELEGRAMS_FAILED,
        PARSE_ISSUES,
        RECONNECTS
    }

    /** Skip reason of a measurement whose value no VSCP encoding can carry (not a {@link SkipReason} of the core). */
    public static final String VALUE_OUT_OF_RANGE = "VALUE_OUT_OF_RANGE";

    private static final DropReason[] DROPS = DropReason.values();
    private static final SkipReason[] SKIPS = SkipReason.values();

    private final AtomicLongArray counters = new AtomicLongArray(Counter.values().length);
    private final AtomicLongArray dropped = new AtomicLongArray(DROPS.length);
    private final AtomicLongArray droppedBytes = new AtomicLongArray(DROPS.length);
    private final AtomicLongArray decryptFailures = new AtomicLongArray(DecryptFailure.values().length);
    private final AtomicLongArray skipped = new AtomicLongArray(SKIPS.length + 1);
    /** Counts per unknown OBIS id; bounded (garbage with a valid CRC could name many), the rest under "other". */
    private final ConcurrentHashMap<String, LongAdder> unknownObis = new ConcurrentHashMap<>();
    private static final int MAX_UNKNOWN_IDS = 256;
    private static final String OTHER_UNKNOWN = "other";
    private volatile OutboxStatus outbox;
    private volatile FleetStatus fleet;
    private volatile SourceHealth health = new SourceHealth("STARTING", false, "not started", Instant.now());

    /** The source's state, healthy or not, why, and since when. */
    public record SourceHealth(String state, boolean healthy, String detail, Instant since) {
    }

    public void increment(Counter counter) {
        counters.incrementAndGet(counter.ordinal());
    }

    public void add(Counter counter, long delta) {
        counters.addAndGet(counter.ordinal(), delta);
    }

    public long get(Counter counter) {
        return counters.get(counter.ordinal());
    }

    /** The framer dropped {@code bytes} bytes for {@code reason}. */
    public void dropped(DropReason reason, int bytes) {
        dropped.incrementAndGet(reason.ordinal());
        droppedBytes.addAndGet(reason.ordinal(), bytes);
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason.ordinal());
    }

    public long droppedBytes(DropReason reason) {
        return droppedBytes.get(reason.ordinal());
    }

    /** An encrypted frame gave no telegram, for {@code reason}. */
    public void decryptFailed(DecryptFailure reason) {
        decryptFailures.incrementAndGet(reason.ordinal());
    }

    public long decryptFailures(DecryptFailure reason) {
        return decryptFailures.get(reason.ordinal());
    }

    @Override
    public Map<String, Long> getDecryptFailures() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (DecryptFailure r : DecryptFailure.values()) {
            m.put(r.name(), decryptFailures.get(r.ordinal()));
        }
        return m;
    }

    public void countSkipped(SkipReason reason) {
        skipped.incrementAndGet(reason.ordinal());
    }

    public long skipped(SkipReason reason) {
        return skipped.get(reason.ordinal());
    }

    /** A measurement dropped because its value does not fit a VSCP event ({@link #VALUE_OUT_OF_RANGE}). */
    public void valueOutOfRange() {
        skipped.incrementAndGet(SKIPS.length);
    }

    public long valuesOutOfRange() {
        return skipped.get(SKIPS.length);
    }

    /** Sets the source's state; the time is kept only when the state changes. */
    public void sourceState(String state, boolean healthy, String detail) {
        SourceHealth current = health;
        Instant since = current.state().equals(state) ? current.since() : Instant.now();
        health = new SourceHealth(state, healthy, detail, since);
    }

    public SourceHealth sourceHealth() {
        return health;
    }

    /** Registers this object as {@value #OBJECT_NAME} in the platform MBean server, replacing an earlier one. */
    public ObjectName registerMBean() throws JMException {
        return registerMBean(ManagementFactory.getPlatformMBeanServer());
    }

    /** {@link #registerMBean()}, logging instead of failing: the bridge runs on without JMX. */
    public boolean tryRegisterMBean() {
        try {
            registerMBean();
            return true;
        } catch (JMException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(P1Metrics.class).warn("Cannot register the JMX bean {}: {}", OBJECT_NAME, e.toString());
            return false;
        }
    }

    public ObjectName registerMBean(MBeanServer server) throws JMException {
        ObjectName name = new ObjectName(OBJECT_NAME);
        try {
            server.registerMBean(this, name);
        } catch (InstanceAlreadyExistsException e) {
            server.unregisterMBean(name);
            server.registerMBean(this, name);
        }
        return name;
    }

    /** Removes {@value #OBJECT_NAME} from the platform MBean server if this object is the one registered. */
    public void unregisterMBean() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            // nothing registered under the name any more
        }
    }

    @Override
    public boolean isHealthy() {
        return health.healthy();
    }

    @Override
    public String getPortState() {
        return health.state();
    }

    @Override
    public String getPortStateDetail() {
        return health.detail();
    }

    @Override
    public String getPortStateSince() {
        return health.since().toString();
    }

    @Override
    public long getReconnects() {
        return get(Counter.RECONNECTS);
    }

    @Override
    public long getTelegramsOk() {
        return get(Counter.TELEGRAMS_OK);
    }

    @Override
    public long getTelegramsFailed() {
        return get(Counter.TELEGRAMS_FAILED);
    }

    @Override
    public Map<String, Long> getDropped() {
        return perDrop(dropped);
    }

    @Override
    public Map<String, Long> getDroppedBytes() {
        return perDrop(droppedBytes);
    }

    @Override
    public long getParseIssues() {
        return get(Counter.PARSE_ISSUES);
    }

    /**
     * Counts a line whose OBIS id is in neither table.
     *
     * @return true the first time this id is counted (the caller reports it once)
     */
    public boolean unknownObis(String obis) {
        LongAdder count = unknownObis.get(obis);
        boolean first = false;
        if (count == null) {
            if (unknownObis.size() >= MAX_UNKNOWN_IDS) {
                obis = OTHER_UNKNOWN;
            }
            LongAdder fresh = new LongAdder();
            count = unknownObis.putIfAbsent(obis, fresh);
            if (count == null) {
                count = fresh;
                first = true;
            }
        }
        count.increment();
        return first;
    }

    public long unknownObis(ObisId obis) {
        LongAdder count = unknownObis.get(obis.toString());
        return count == null ? 0 : count.sum();
    }

    @Override
    public Map<String, Long> getUnknownObis() {
        Map<String, Long> m = new TreeMap<>();
        unknownObis.forEach((id, count) -> m.put(id, count.sum()));
        return m;
    }

    @Override
    public Map<String, Long> getSkipped() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (SkipReason r : SKIPS) {
            m.put(r.name(), skipped.get(r.ordinal()));
        }
        m.put(VALUE_OUT_OF_RANGE, valuesOutOfRange());
        return m;
    }

    /**
     * The MQTT sink whose own counts (events the broker acknowledged, dropped because the spool was full or they
     * were too old, waiting) the summary, the metrics and the health checks read; null detaches it.
     */
    public void attachOutbox(OutboxStatus status) {
        this.outbox = status;
    }

    /** A fleet bridge's ledger and lag, which the metrics read; null detaches it. */
    public void attachFleet(FleetStatus status) {
        this.fleet = status;
    }

    /** The fleet bridge's status, when attached (bridge mode only). */
    public Optional<FleetStatus> fleet() {
        return Optional.ofNullable(fleet);
    }

    /** The MQTT sink, when one is attached (none in a dry run). */
    public Optional<OutboxStatus> outbox() {
        return Optional.ofNullable(outbox);
    }

    @Override
    public long getEventsDelivered() {
        OutboxStatus o = outbox;
        return o == null ? 0 : o.counters().delivered();
    }

    @Override
    public long getEventsDropped() {
        OutboxStatus o = outbox;
        return o == null ? 0 : droppedEvents(o.counters());
    }

    @Override
    public long getEventsWaiting() {
        OutboxStatus o = outbox;
        return o == null ? 0 : o.counters().depth();
    }

    @Override
    public String getBrokerLink() {
        OutboxStatus o = outbox;
        return o == null ? "NONE" : o.link().name();
    }

    /** Events the spool dropped, all reasons. */
    static long droppedEvents(SpoolCounters c) {
        return c.dropped();
    }

    @Override
    public String getSummary() {
        return summary();
    }

    /** Sum of every counter that means something went wrong (drops other than noise, issues, skips, failures). */
    public long troubleCount() {
        return MetricsSummary.troubleCount(this);
    }

    /** e.g. {@code source OPEN (healthy), telegrams ok=120, dropped CRC_MISMATCH=2 (1804 bytes), skipped EMPTY_VALUE=3}. */
    public String summary() {
        return MetricsSummary.of(this);
    }

    private static Map<String, Long> perDrop(AtomicLongArray values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (DropReason r : DROPS) {
            m.put(r.name(), values.get(r.ordinal()));
        }
        return m;
    }
}
