package org.p1powermeter.camel.fleet;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.p1powermeter.camel.P1Constants;
import org.p1powermeter.measure.MeterId;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramParser;

/**
 * The ingest stage ({@code [GENERAL] mode = ingest}): turns a framed, CRC-checked telegram (body
 * {@link RawTelegram}) into a Kafka record. Key = the meter id ({@link MeterId}: the equipment id, or another id the meter sends), or the
 * source's id when the telegram has none (a dongle's {@code host:port}, a serial port); value = the telegram bytes
 * as framed; record headers {@link FleetConstants#RECORD_SOURCE} and {@link FleetConstants#RECORD_RECEIVED_AT}.
 * Telegrams the framer dropped (bad CRC, truncated) never get here.
 */
public class TelegramRecordProcessor implements Processor {

    private final TelegramParser parser;
    private final Clock clock;

    public TelegramRecordProcessor(TelegramParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        RawTelegram raw = message.getMandatoryBody(RawTelegram.class);
        String source = message.getHeader(P1Constants.SOURCE, "unknown", String.class);
        String meterId = MeterId.of(parser.parse(raw)).orElse(source);
        message.setHeader(KafkaConstants.KEY, meterId);
        message.setHeader(P1Constants.METER_ID, meterId);
        message.setHeader(FleetConstants.RECORD_SOURCE, source);
        message.setHeader(FleetConstants.RECORD_RECEIVED_AT, clock.instant().toString());
        message.setBody(raw.bytes());
    }
}
