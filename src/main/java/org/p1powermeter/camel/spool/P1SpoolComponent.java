package org.p1powermeter.camel.spool;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;
import org.p1powermeter.spool.DiskSpool;

/**
 * {@code p1spool:topic}: appends each message to a {@link DiskSpool} (an outbox on disk) and returns at once; a
 * publisher drains the spool into the broker. Options set here are the defaults of every endpoint.
 */
@org.apache.camel.spi.annotations.Component("p1spool")
public class P1SpoolComponent extends DefaultComponent {

    @Metadata(description = "The spool to append to; by default the one DiskSpool bean in the registry")
    private DiskSpool spool;
    @Metadata(defaultValue = "1", description = "MQTT QoS of the spooled messages (header CamelPahoQos overrides)")
    private int qos = 1;
    @Metadata(defaultValue = "false", description = "Retained flag of the spooled messages (header CamelPahoRetained overrides)")
    private boolean retained;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        P1SpoolEndpoint endpoint = new P1SpoolEndpoint(uri, this, remaining);
        endpoint.setSpool(spool);
        endpoint.setQos(qos);
        endpoint.setRetained(retained);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public DiskSpool getSpool() {
        return spool;
    }

    public void setSpool(DiskSpool spool) {
        this.spool = spool;
    }

    public int getQos() {
        return qos;
    }

    public void setQos(int qos) {
        this.qos = qos;
    }

    public boolean isRetained() {
        return retained;
    }

    public void setRetained(boolean retained) {
        this.retained = retained;
    }
}
