package org.p1powermeter.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.PahoConstants;
import org.p1powermeter.ha.HaMessage;

/**
 * Turns an {@link HaMessage} into what a sink takes, as the VSCP stage does for an event: body the payload bytes,
 * headers {@code CamelPahoOverrideTopic}, {@code CamelPahoRetained} and the note (the topic). Stateless.
 */
public class HaMessageHeaders implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.getBody() instanceof HaMessage ha) {
            message.setHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, ha.topic());
            message.setHeader(PahoConstants.CAMEL_PAHO_MSG_RETAINED, ha.retained());
            message.setHeader(P1Constants.NOTE, ha.topic());
            message.setBody(ha.payload());
        }
    }
}
