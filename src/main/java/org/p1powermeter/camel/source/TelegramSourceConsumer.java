package org.p1powermeter.camel.source;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.p1powermeter.camel.P1Constants;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.RateLimitedLog;
import org.p1powermeter.p1.DecryptFailure;
import org.p1powermeter.p1.DecryptListener;
import org.p1powermeter.p1.DecryptionKeys;
import org.p1powermeter.p1.DropReason;
import org.p1powermeter.p1.EncryptedFrameReader;
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
 *
 * <p>With decryption keys ({@link TelegramSourceEndpoint#decryptionKeys()}) the bytes go through an
 * {@link EncryptedFrameReader} first: each authentic frame's text is fed to the framer followed by end of input (one
 * frame, at most its whole telegrams), and each frame that gives none is counted per {@link DecryptFailure}.
 */
public abstract class TelegramSourceConsumer extends DefaultConsumer implements FrameListener, DecryptListener {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramSourceConsumer.class);

    private final TelegramFramer framer;
    /** Null unless the port is encrypted: then bytes go through it and each plain telegram to the framer. */
    private final EncryptedFrameReader decrypter;
    private final String sourceName;
    private final long maxTelegrams;
    private final AtomicLong sequence = new AtomicLong();
    private volatile long lastTelegramNanos = System.nanoTime();
    private final RateLimitedLog dropLog = RateLimitedLog.warnings(LOG);
    private volatile P1Metrics metrics = new P1Metrics();

    protected TelegramSourceConsumer(TelegramSourceEndpoint endpoint, Processor processor, String sourceName) {
        super(endpoint, processor);
        this.framer = new TelegramFramer(new FramerOptions(endpoint.getMaxTelegramBytes(), endpoint.getCrcPolicy()), this);
        DecryptionKeys keys = endpoint.decryptionKeys();
        this.decrypter = keys == null ? null : new EncryptedFrameReader(keys, endpoint.getMaxTelegramBytes(), this);
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
        if (decrypter != null) {
            decrypter.feed(buf, 0, len);
        } else {
            framer.feed(buf, 0, len);
        }
    }

    /** Tells the framer that the input ended (partial telegrams and frames are counted as truncated). */
    protected final void endOfInput() {
        if (decrypter != null) {
            decrypter.endOfInput();
        }
        framer.endOfInput();
    }

    /** Forgets a partial telegram, e.g. after the port was reopened. */
    protected final void resetFramer() {
        if (decrypter != null) {
            decrypter.reset();
        }
        framer.reset();
    }

    /** One decrypted frame is one telegram: a frame that holds less than a whole telegram gives none. */
    @Override
    public void onPlaintext(byte[] telegram) {
        framer.feed(telegram, 0, telegram.length);
        framer.endOfInput();
    }

    @Override
    public void onDecryptFailure(DecryptFailure reason, int byteCount, String detail) {
        metrics.decryptFailed(reason);
        dropLog.log("DECRYPT_" + reason.name(), sourceName + ": encrypted frame dropped, " + reason + " (" + detail
                + "): " + reason.hint() + " (" + metrics.decryptFailures(reason) + " so far)");
    }

    @Override
    public void onNoise(int byteCount) {
        onDrop(DropReason.NOISE, byteCount);
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
        addHeaders(exchange.getMessage());
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

    /** Headers a source adds to each telegram's exchange (called on the feeding thread); none by default. */
    protected void addHeaders(org.apache.camel.Message message) {
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
