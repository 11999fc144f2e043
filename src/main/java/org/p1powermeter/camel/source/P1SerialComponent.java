package org.p1powermeter.camel.source;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code p1serial:} component: reads a meter's P1 port with jSerialComm, e.g.
 * {@code p1serial:/dev/ttyUSB1?baudRate=115200&dataBits=8&parity=none}.
 */
@org.apache.camel.spi.annotations.Component("p1serial")
public class P1SerialComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("p1serial needs a port, e.g. p1serial:/dev/ttyUSB1");
        }
        P1SerialEndpoint endpoint = new P1SerialEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }
}
