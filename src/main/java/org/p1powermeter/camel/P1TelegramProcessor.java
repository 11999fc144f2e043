package org.p1powermeter.camel;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.p1.CosemObject;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.p1.ParseIssue;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.Telegram;
import org.p1powermeter.p1.TelegramParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parse stage: body {@link RawTelegram} in, body {@code List<Measurement>} out (the named measurements of the
 * telegram, in table order), with the meter id and telegram time as headers. Skipped lines are logged and counted.
 */
public class P1TelegramProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(P1TelegramProcessor.class);
    private static final ObisId EQUIPMENT_ID = new ObisId(0, 0, 96, 1, 1);

    private final TelegramParser parser;
    private final MeasurementExtractor extractor;
    private final AtomicLong skippedLines = new AtomicLong();

    public P1TelegramProcessor(TelegramParser parser, MeasurementExtractor extractor) {
        this.parser = parser;
        this.extractor = extractor;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        RawTelegram raw = message.getMandatoryBody(RawTelegram.class);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Telegram {}:\n{}", message.getHeader(P1Constants.TELEGRAM_SEQUENCE), raw.text());
        }
        Telegram telegram = parser.parse(raw);
        for (ParseIssue issue : telegram.issues()) {
            skippedLines.incrementAndGet();
            LOG.warn("Skipped telegram line {} '{}': {}", issue.lineNumber(), issue.line(), issue.reason());
        }
        message.setHeader(P1Constants.METER_ID, meterId(telegram));
        if (telegram.timestamp() != null) {
            message.setHeader(P1Constants.TELEGRAM_TIME, telegram.timestamp());
        }
        message.setBody(extractor.extract(telegram).measurements());
    }

    public long skippedLines() {
        return skippedLines.get();
    }

    private static String meterId(Telegram telegram) {
        CosemObject id = telegram.get(EQUIPMENT_ID);
        if (id != null && !id.value().isEmpty()) {
            return id.value().hexDecoded();
        }
        return telegram.header();
    }
}
