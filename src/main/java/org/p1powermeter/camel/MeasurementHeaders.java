package org.p1powermeter.camel;

import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.TextObject;

/**
 * The first step after the split: names the measurement an exchange carries in headers
 * ({@link P1Constants#MEASUREMENT_NAME}, {@link P1Constants#OBIS}, {@link P1Constants#SEND_GROUP},
 * {@link P1Constants#VALUE_KIND}; for M-Bus its channel, device type and equipment id, taken from the telegram's
 * {@link P1Constants#TEXTS}; the meter id comes with the telegram), so filters and sink routes can read them before
 * and after marshalling. Stateless.
 */
public class MeasurementHeaders implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.getBody() instanceof Measurement m) {
            message.setHeader(P1Constants.MEASUREMENT_NAME, m.name());
            message.setHeader(P1Constants.OBIS, m.obisText());
            message.setHeader(P1Constants.SEND_GROUP, m.type().group().id());
            message.setHeader(P1Constants.VALUE_KIND, m.type().kind().name().toLowerCase(Locale.ROOT));
            if (m.channel() != 0) {
                mbusHeaders(message, m.channel());
            }
        }
    }

    private static void mbusHeaders(Message message, int channel) {
        message.setHeader(P1Constants.MBUS_CHANNEL, channel);
        if (message.getHeader(P1Constants.TEXTS) instanceof Map<?, ?> texts) {
            Object type = texts.get(TextObject.MBUS_DEVICE_TYPE.key(channel));
            if (type != null) {
                try {
                    message.setHeader(P1Constants.MBUS_DEVICE_TYPE, Integer.parseInt(type.toString().trim()));
                } catch (NumberFormatException e) {
                    // the extractor already skipped a measurement of a channel without a readable type
                }
            }
            Object id = texts.get(TextObject.MBUS_EQUIPMENT_ID.key(channel));
            if (id == null) {
                id = texts.get(TextObject.MBUS_EQUIPMENT_ID_BE.key(channel));
            }
            if (id != null) {
                message.setHeader(P1Constants.MBUS_EQUIPMENT_ID, id);
            }
        }
    }
}
