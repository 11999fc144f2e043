package org.p1powermeter.camel.spool;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.DefaultProducer;
import org.p1powermeter.spool.DiskSpool;

/**
 * Appends the message body (bytes) to the spool with its topic, QoS and retained flag, and sets the header
 * {@link #SPOOL_SEQUENCE}. Never waits for the broker.
 */
public class P1SpoolProducer extends DefaultProducer {

    /** Header set on the exchange: the message's sequence in the spool. */
    public static final String SPOOL_SEQUENCE = "CamelP1SpoolSequence";

    private final P1SpoolEndpoint endpoint;
    private DiskSpool spool;

    public P1SpoolProducer(P1SpoolEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        spool = endpoint.getSpool() != null ? endpoint.getSpool()
                : CamelContextHelper.findSingleByType(getEndpoint().getCamelContext(), DiskSpool.class);
        if (spool == null) {
            throw new IllegalStateException(endpoint.getEndpointUri() + ": no spool (bind one DiskSpool bean or set spool=#name)");
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String topic = message.getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, endpoint.getTopic(), String.class);
        int qos = message.getHeader(PahoConstants.CAMEL_PAHO_MSG_QOS, endpoint.getQos(), Integer.class);
        boolean retained = message.getHeader(PahoConstants.CAMEL_PAHO_MSG_RETAINED, endpoint.isRetained(), Boolean.class);
        byte[] payload = message.getMandatoryBody(byte[].class);
        message.setHeader(SPOOL_SEQUENCE, spool.append(topic, payload, qos, retained));
    }
}
