package org.p1powermeter.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.p1powermeter.measure.Extraction;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.measure.MeterId;
import org.p1powermeter.measure.SkipReason;
import org.p1powermeter.measure.Skipped;
import org.p1powermeter.measure.TextObject;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.RateLimitedLog;
import org.p1powermeter.metrics.ValueRange;
import org.p1powermeter.p1.DropReason;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.p1.ParseIssue;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.Telegram;
import org.p1powermeter.p1.TelegramParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parse stage: body {@link RawTelegram} (or the framed telegram's bytes, as {@code bridge} mode reads them from
 * Kafka) in, body {@code List<Measurement>} out (the named measurements of the
 * telegram, in table order), with the meter id and telegram time as headers.
 *
 * <p>What is left out never takes the rest of the telegram with it: a line the parser skips ({@link ParseIssue}),
 * a table line the extractor skips ({@link Skipped}) and a value no VSCP event can carry ({@link ValueRange}) are
 * each counted in {@link P1Metrics} and logged at most once a minute per reason; the other measurements go on.
 */
public class P1TelegramProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(P1TelegramProcessor.class);

    private final TelegramParser parser;
    private final MeasurementExtractor extractor;
    private final P1Metrics metrics;
    private final RateLimitedLog warnings;

    /**
     * The measurements of one telegram that can be published, the telegram they came from and its text objects
     * ({@link TextObject#read}).
     */
    public record Result(Telegram telegram, List<Measurement> measurements, Map<String, String> texts) {

        public Result(Telegram telegram, List<Measurement> measurements) {
            this(telegram, measurements, Map.of());
        }
    }

    /** A processor with its own {@link P1Metrics}. */
    public P1TelegramProcessor(TelegramParser parser, MeasurementExtractor extractor) {
        this(parser, extractor, new P1Metrics());
    }

    public P1TelegramProcessor(TelegramParser parser, MeasurementExtractor extractor, P1Metrics metrics) {
        this(parser, extractor, metrics, RateLimitedLog.warnings(LOG));
    }

    /** @param warnings where skipped lines and values are reported (rate limited) */
    public P1TelegramProcessor(TelegramParser parser, MeasurementExtractor extractor, P1Metrics metrics,
            RateLimitedLog warnings) {
        this.parser = parser;
        this.extractor = extractor;
        this.metrics = metrics;
        this.warnings = warnings;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        RawTelegram raw = body instanceof byte[] bytes ? RawTelegram.of(bytes) : message.getMandatoryBody(RawTelegram.class);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Telegram {}:\n{}", message.getHeader(P1Constants.TELEGRAM_SEQUENCE), raw.text());
        }
        Result result = measure(raw);
        message.setHeader(P1Constants.METER_ID, meterId(result, message.getHeader(P1Constants.METER_ID, String.class)));
        message.setHeader(P1Constants.TELEGRAM, result.telegram());
        message.setHeader(P1Constants.TEXTS, result.texts());
        String text = result.texts().get(TextObject.TEXT_MESSAGE.key(0));
        if (text != null) {
            message.setHeader(P1Constants.TEXT_MESSAGE, text);
        }
        if (result.telegram().timestamp() != null) {
            message.setHeader(P1Constants.TELEGRAM_TIME, result.telegram().timestamp());
        }
        message.setBody(result.measurements());
    }

    /** Parses and extracts one telegram; counts and reports what was left out. Thread-safe. */
    public Result measure(RawTelegram raw) {
        Telegram telegram = parser.parse(raw);
        for (ParseIssue issue : telegram.issues()) {
            metrics.increment(P1Metrics.Counter.PARSE_ISSUES);
            warnings.log("parse issue", "Skipped telegram line " + issue.lineNumber() + " '" + issue.line() + "': "
                    + issue.reason());
        }
        if (!telegram.isTrustworthy()) {
            metrics.dropped(DropReason.UNVERIFIED_MALFORMED, raw.length());
            warnings.log(DropReason.UNVERIFIED_MALFORMED.name(), "Dropped a telegram of " + raw.length()
                    + " bytes: " + DropReason.UNVERIFIED_MALFORMED + " (no verified CRC and "
                    + (telegram.issues().isEmpty() ? "no header line" : telegram.issues().size() + " broken line(s)")
                    + "; it may be a cut telegram run into the next one)");
            return new Result(telegram, List.of());
        }
        if (telegram.isClockUnset()) {
            warnings.log("meter clock unset", "The meter's clock is not set (0-0:1.0.0 " + telegram.timestamp()
                    + "): its events carry that time, as the meter says; [VSCP] event_time = receipt dates them on arrival");
        }
        Extraction extraction = extractor.extract(telegram);
        for (ObisId unknown : extraction.unknown()) {
            String code = unknown.toString();
            if (metrics.unknownObis(code)) {
                LOG.info("OBIS {} ('{}') is not in the measurement table: counted (JMX UnknownObis), not published",
                        code, telegram.get(unknown));
            }
        }
        for (Skipped skip : extraction.skipped()) {
            metrics.countSkipped(skip.reason());
            if (skip.reason() == SkipReason.EMPTY_VALUE || skip.reason() == SkipReason.DEAD_MBUS_CHANNEL
                    || skip.reason() == SkipReason.UNREADABLE_LAYOUT) {
                LOG.debug("Skipped {}", skip); // normal for many meters: no warning
            } else {
                warnings.log("skipped " + skip.reason(), "Skipped measurement " + skip);
            }
        }
        List<Measurement> measurements = extraction.measurements();
        List<Measurement> kept = null;
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            boolean fits = ValueRange.fits(m.meterValue()) && ValueRange.fits(m.vscpValue());
            if (!fits && kept == null) {
                kept = new ArrayList<>(measurements.subList(0, i));
            }
            if (!fits) {
                metrics.valueOutOfRange();
                warnings.log(P1Metrics.VALUE_OUT_OF_RANGE, "Skipped measurement " + m.obis() + " (" + m.name() + "): "
                        + P1Metrics.VALUE_OUT_OF_RANGE + ", a value of " + ValueRange.plainLength(m.vscpValue())
                        + " characters does not fit a VSCP event");
            } else if (kept != null) {
                kept.add(m);
            }
        }
        return new Result(telegram, kept == null ? measurements : List.copyOf(kept), TextObject.read(telegram));
    }

    public P1Metrics metrics() {
        return metrics;
    }

    /** Lines the parser skipped so far. */
    public long skippedLines() {
        return metrics.get(P1Metrics.Counter.PARSE_ISSUES);
    }

    /**
     * The meter's id ({@link MeterId}: equipment id, logical device name, serial), else the id the source gave (a
     * dongle's, or the Kafka key in bridge mode), else the telegram header.
     */
    private static String meterId(Result result, String given) {
        return MeterId.of(result.texts()).orElse(given != null && !given.isEmpty() ? given : result.telegram().header());
    }
}
