package org.p1powermeter.camel;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.p1powermeter.camel.fleet.FleetConstants;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.SendGroup;
import org.p1powermeter.measure.SkipReason;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.rate.MeterPublish;
import org.p1powermeter.rate.RateWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate stage ({@link RateWindows}): body {@code List<Measurement>} of one telegram (header
 * {@link P1Constants#METER_ID}) in, body {@code List<MeterPublish>} out, what is to be published now (one telegram
 * with no windows; else the meter's first telegram and closed windows). Only measurements whose send group is switched
 * on are taken. {@link #tick} (the 1-second timer route) and {@link #flush} (at shutdown) close windows. A counter
 * {@link FleetConstants#METER_FIRST} (fleet mode, the first telegram after a partition move) starts the meter
 * afresh, so that telegram publishes at once. A counter
 * that went down is counted ({@link SkipReason#COUNTER_DECREASE}) and logged once per meter and measurement.
 */
public class RateWindowStage implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RateWindowStage.class);

    private final RateWindows windows;
    private final Set<SendGroup> enabled;
    private final P1Metrics metrics;
    private final Clock clock;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public RateWindowStage(RateWindows windows, Set<SendGroup> enabled, P1Metrics metrics, Clock clock) {
        this.windows = windows;
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(SendGroup.class) : EnumSet.copyOf(enabled);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Every telegram, at once, as before this stage: no windows, only the counter guard. */
    public static RateWindowStage everyTelegram(Set<SendGroup> enabled, P1Metrics metrics) {
        return new RateWindowStage(new RateWindows(java.time.Duration.ZERO, java.time.Duration.ZERO),
                enabled, metrics, Clock.systemUTC());
    }

    public RateWindows windows() {
        return windows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        List<Measurement> measurements = message.getMandatoryBody(List.class);
        String meterId = message.getHeader(P1Constants.METER_ID, "", String.class);
        List<Measurement> sent = new ArrayList<>(measurements.size());
        for (Measurement m : measurements) {
            if (enabled.contains(m.type().group())) {
                sent.add(m);
            }
        }
        boolean afresh = message.getHeader(FleetConstants.METER_FIRST, false, Boolean.class);
        message.setBody(windows.offer(meterId, sent, clock.instant(), this::refused, afresh));
    }

    /**
     * The timer and flush routes split their publishes one per exchange: this makes the split exchange's body a
     * one-publish list, as {@link #process} gives, and sets its {@link P1Constants#METER_ID} to the publish's meter,
     * so a bridge gives each meter's window that meter's own GUID.
     */
    public void oneMeter(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        MeterPublish publish = message.getMandatoryBody(MeterPublish.class);
        message.setHeader(P1Constants.METER_ID, publish.meterId());
        message.setBody(List.of(publish));
    }

    /** The timer route: the windows that ended. */
    public List<MeterPublish> tick() {
        return windows.due(clock.instant());
    }

    /** At shutdown: every open window, closed now. */
    public List<MeterPublish> flush() {
        return windows.flush(clock.instant());
    }

    private void refused(String meterId, Measurement m, BigDecimal last) {
        metrics.countSkipped(SkipReason.COUNTER_DECREASE);
        if (logged.add(meterId + " " + m.name())) {
            LOG.warn("Meter {}: {} ({}) went down from {} to {}; refused (counters never go down, this is logged once"
                    + " per meter and measurement, and counted as skipped {})", meterId, m.name(), m.obisText(), last,
                    m.meterValue(), SkipReason.COUNTER_DECREASE);
        }
    }
}
