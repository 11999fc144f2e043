package org.p1powermeter.camel.spool;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.support.DefaultProducer;
import org.p1powermeter.spool.DiskSpool;

/**
 * Appends the message body (bytes) to the endpoint's spool with its topic, QoS and retained flag (headers
 * CamelPahoOverrideTopic, CamelPahoQos, CamelPahoRetained override the endpoint's), and sets the header
 * {@link #SPOOL_SEQUENCE}. Never waits for the broker. The events of one telegram go into one block: the block is
 * sealed (compressed and written) after the split's last element ({@code CamelSplitIndex} = {@code CamelSplitSize}
 * - 1), before an element of the next split, and right away for a message that is not part of a split; the spool's
 * flusher seals a block left open (the last events filtered out) after a moment.
 */
public class P1SpoolProducer extends DefaultProducer {

    /** Header set on the exchange: the message's sequence in the spool (-1: dropped, the disk refuses writes). */
    public static final String SPOOL_SEQUENCE = "CamelP1SpoolSequence";

    private final P1SpoolEndpoint endpoint;
    private DiskSpool spool;
    private int lastSplitIndex = -1;

    public P1SpoolProducer(P1SpoolEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        spool = endpoint.openSpool();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        P1SpoolConfiguration c = endpoint.getConfiguration();
        String topic = message.getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, endpoint.getTopic(), String.class);
        int qos = message.getHeader(PahoConstants.CAMEL_PAHO_MSG_QOS, c.getQos(), Integer.class);
        boolean retained = message.getHeader(PahoConstants.CAMEL_PAHO_MSG_RETAINED, c.isRetained(), Boolean.class);
        byte[] payload = message.getMandatoryBody(byte[].class);
        Integer index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        Integer size = exchange.getProperty(Exchange.SPLIT_SIZE, Integer.class);
        synchronized (this) {
            if (index == null || index <= lastSplitIndex) {
                spool.seal(); // a new telegram (or no split): the previous block is complete
            }
            message.setHeader(SPOOL_SEQUENCE, spool.appendToBlock(topic, payload, qos, retained));
            lastSplitIndex = index == null ? -1 : index;
            if (index == null || size != null && index >= size - 1) {
                spool.seal();
                lastSplitIndex = -1;
            }
        }
    }
}
