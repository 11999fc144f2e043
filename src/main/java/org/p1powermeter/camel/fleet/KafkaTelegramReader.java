package org.p1powermeter.camel.fleet;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceSupport;
import org.p1powermeter.camel.P1Constants;
import org.p1powermeter.fleet.MeterLedger;
import org.p1powermeter.metrics.FleetStatus;
import org.p1powermeter.metrics.P1Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's first stage ({@code [GENERAL] mode = bridge}), between the Kafka consumer and the parse stage: the
 * record key becomes the meter id ({@link P1Constants#METER_ID}; the parse stage keeps it unless the telegram names
 * its meter), the record's source header becomes {@link P1Constants#SOURCE}, and the {@link MeterLedger} decides
 * whether this is the meter's first telegram here ({@link FleetConstants#METER_FIRST}) or a duplicate this instance
 * already delivered (then the exchange stops here, counted). The body, the telegram bytes, goes on unchanged.
 *
 * <p>The ledger marks the record processed only when the whole exchange completed, that is when every event of the
 * telegram is in the sink (the spool). Camel's Kafka consumer commits its offset after that, too.
 */
public class KafkaTelegramReader extends ServiceSupport implements Processor, CamelContextAware, FleetStatus {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTelegramReader.class);
    private static final long SUMMARY_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** How often the lag is read from the Kafka client's metrics (they are gone once the consumer closed). */
    private static final long LAG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final MeterLedger ledger;
    private final String topic;
    private volatile long lastSummaryNanos = System.nanoTime();
    private volatile long lastLagNanos = System.nanoTime() - LAG_INTERVAL_NANOS;
    private volatile String lastLag = "lag unknown";
    private volatile Map<Integer, Long> lastLagByPartition = Map.of();
    private CamelContext camelContext;

    /** @param topic the topic read, for the lag in the summary line */
    public KafkaTelegramReader(MeterLedger ledger, String topic) {
        this.ledger = ledger;
        this.topic = topic;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        int partition = message.getHeader(KafkaConstants.PARTITION, Integer.class);
        long offset = message.getHeader(KafkaConstants.OFFSET, Long.class);
        String meterId = message.getHeader(KafkaConstants.KEY, String.class);
        if (meterId == null) {
            meterId = "partition-" + partition;
        }
        MeterLedger.Admission admission = ledger.admit(partition, offset, meterId);
        if (admission == MeterLedger.Admission.DUPLICATE) {
            LOG.debug("Skipped partition {} offset {} (meter {}): processed here before", partition, offset, meterId);
            exchange.setRouteStop(true);
            return;
        }
        message.setHeader(P1Constants.METER_ID, meterId);
        message.setHeader(P1Constants.SOURCE, text(message.getHeader(FleetConstants.RECORD_SOURCE)));
        message.setHeader(FleetConstants.METER_FIRST, admission == MeterLedger.Admission.FIRST);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                ledger.processed(partition, offset);
            }
        });
        long now = System.nanoTime();
        if (now - lastLagNanos > LAG_INTERVAL_NANOS) {
            Map<Integer, Long> lag = KafkaLag.of(topic);
            if (!lag.isEmpty()) { // the client has the records-lag metric only after its first fetch: read again next record
                lastLagNanos = now;
                remember(lag);
            }
        }
        if (now - lastSummaryNanos > SUMMARY_INTERVAL_NANOS) {
            lastSummaryNanos = now;
            LOG.info("Bridge: {}; {}", ledger.summary(), lastLag);
        }
    }

    public MeterLedger ledger() {
        return ledger;
    }

    /** The lag as last read: while records flowed (every 2 s) or by a scrape of the metrics. */
    public String lastLag() {
        return lastLag;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** The metrics (/observe/metrics) read this instance's ledger and lag: it attaches itself to the bound P1Metrics. */
    @Override
    protected void doStart() {
        P1Metrics metrics = camelContext == null ? null
                : camelContext.getRegistry().findSingleByType(P1Metrics.class);
        if (metrics != null) {
            metrics.attachFleet(this);
        }
    }

    @Override
    public int meters() {
        return ledger.meters();
    }

    @Override
    public int partitions() {
        return ledger.partitions();
    }

    @Override
    public long partitionArrivals() {
        return ledger.moves();
    }

    @Override
    public long duplicatesSkipped() {
        return ledger.duplicates();
    }

    /** The lag now from the Kafka client's metrics (remembered), or as last read once they are gone. */
    @Override
    public Map<Integer, Long> lag() {
        Map<Integer, Long> now = KafkaLag.of(topic);
        if (now.isEmpty()) {
            return lastLagByPartition;
        }
        remember(now);
        return now;
    }

    /** The lag last read, for the summary line and for the metrics once the consumer has closed. */
    private void remember(Map<Integer, Long> lag) {
        lastLagByPartition = Map.copyOf(lag);
        lastLag = KafkaLag.describe(lastLagByPartition);
    }

    @Override
    protected void doStop() {
        LOG.info("Bridge: {}; last {}", ledger.summary(), lastLag);
    }

    private static String text(Object header) {
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : header == null ? "kafka" : header.toString();
    }
}
