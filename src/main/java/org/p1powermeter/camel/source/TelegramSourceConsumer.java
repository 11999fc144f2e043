package org.p1powermeter.camel.source;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.p1powermeter.camel.P1Constants;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.RateLimitedLog;
import org.p1powermeter.p1.DropReason;
import org.p1powermeter.p1.FrameListener;
import org.p1powermeter.p1.FramerOptions;
import org.p1powermeter.p1.FramerStats;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramFramer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the P1 consumers: owns a {@link TelegramFramer}, is fed bytes by its subclass's reading thread and
 * emits one exchange per telegram (body {@link RawTelegram}). The exchange is handed to the route
 * asynchronously, so the reading thread never waits for MQTT.
 *
 * <p>Counts into the {@link P1Metrics} bean of the registry (the one the parse stage counts into; a private one
 * when none is bound): telegrams framed, telegrams whose route failed, framer drops per reason. Drops are logged at
 * most once a minute per reason.
 */
public abstract class TelegramSourceConsumer extends DefaultConsumer implements FrameListener {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramSourceConsumer.class);

    private final TelegramFramer framer;
    private final String sourceName;
    private final long maxTelegrams;
    private final AtomicLong sequence = new AtomicLong();
    private volatile long lastTelegramNanos = System.nanoTime();
    private final RateLimitedLog dropLog = RateLimitedLog.warnings(LOG);
    private volatile P1Metrics metrics = new P1Metrics();

    protected TelegramSourceConsumer(TelegramSourceEndpoint endpoint, Processor processor, String sourceName) {
        super(endpoint, processor);
        this.framer = new TelegramFramer(new FramerOptions(endpoint.getMaxTelegramBytes(), endpoint.getCrcPolicy()), this);
        this.sourceName = sourceName;
        this.maxTelegrams = endpoint.getMaxTelegrams();
    }

    @Override
    protected void doStart() throws Exception {
        P1Metrics bound = getEndpoint().getCamelContext().getRegistry().findSingleByType(P1Metrics.class);
        if (bound != null) {
            metrics = bound;
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        dropLog.flush();
        super.doStop();
    }

    /** The counters this source reports into. */
    public P1Metrics metrics() {
        return metrics;
    }

    /** Feeds bytes read from the source into the framer (called on the reading thread only). */
    protected final void feed(byte[] buf, int len) {
        framer.feed(buf, 0, len);
    }

    /** Tells the framer that the input ended (partial telegrams are counted as truncated). */
    protected final void endOfInput() {
        framer.endOfInput();
    }

    /** Forgets a partial telegram, e.g. after the port was reopened. */
    protected final void resetFramer() {
        framer.reset();
    }

    public FramerStats framerStats() {
        return framer.stats();
    }

    public long telegramCount() {
        return sequence.get();
    }

    protected long nanosSinceLastTelegram() {
        return System.nanoTime() - lastTelegramNanos;
    }

    protected void markAlive() {
        lastTelegramNanos = System.nanoTime();
    }

    @Override
    public void onTelegram(RawTelegram telegram) {
        lastTelegramNanos = System.nanoTime();
        metrics.increment(P1Metrics.Counter.TELEGRAMS_OK);
        if (maxTelegrams > 0 && sequence.get() >= maxTelegrams) {
            LOG.debug("{}: telegram ignored, the limit of {} was reached", sourceName, maxTelegrams);
            return;
        }
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(telegram);
        exchange.getMessage().setHeader(P1Constants.TELEGRAM_SEQUENCE, sequence.incrementAndGet());
        exchange.getMessage().setHeader(P1Constants.SOURCE, sourceName);
        long seq = exchange.getMessage().getHeader(P1Constants.TELEGRAM_SEQUENCE, Long.class);
        getAsyncProcessor().process(exchange, doneSync -> {
            Exception failure = exchange.getException();
            if (failure != null) {
                metrics.increment(P1Metrics.Counter.TELEGRAMS_FAILED);
                if (isRunAllowed()) {
                    getExceptionHandler().handleException("Error processing telegram " + seq, exchange, failure);
                } else {
                    LOG.debug("Telegram {} was cut short by the shutdown: {}", seq, failure.toString());
                }
            }
            for (SourceListener l : listeners()) {
                l.telegramDone(sourceName, seq, failure);
            }
            releaseExchange(exchange, false);
        });
    }

    /** The {@link SourceListener} beans in the registry. */
    protected final java.util.Set<SourceListener> listeners() {
        return getEndpoint().getCamelContext().getRegistry().findByType(SourceListener.class);
    }

    @Override
    public void onDrop(DropReason reason, int byteCount) {
        metrics.dropped(reason, byteCount);
        for (SourceListener l : listeners()) {
            l.telegramDropped(sourceName, reason, byteCount);
        }
        if (reason == DropReason.NOISE) {
            LOG.debug("{}: {} bytes of noise outside telegrams", sourceName, byteCount);
        } else {
            dropLog.log(reason.name(), sourceName + ": dropped " + byteCount + " bytes: " + reason
                    + " (" + metrics.dropped(reason) + " so far)");
        }
    }
}
