package org.p1powermeter.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.p1powermeter.measure.Measurement;

/**
 * The first step after the split: names the measurement an exchange carries in headers
 * ({@link P1Constants#MEASUREMENT_NAME}, {@link P1Constants#OBIS}, {@link P1Constants#SEND_GROUP}; the meter id
 * comes with the telegram), so filters and sink routes can read them before and after marshalling. Stateless.
 */
public class MeasurementHeaders implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.getBody() instanceof Measurement m) {
            message.setHeader(P1Constants.MEASUREMENT_NAME, m.name());
            message.setHeader(P1Constants.OBIS, m.obisText());
            message.setHeader(P1Constants.SEND_GROUP, m.type().group().id());
        }
    }
}
