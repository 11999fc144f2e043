package org.p1powermeter.camel.source;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code p1tcp:} component: reads a meter's telegrams from a TCP server, as network P1 dongles offer them
 * (ser2net, ESP-Link, SlimmeLezer/ESPHome stream server, P1-Dongel-ESP32, Tasmota), e.g.
 * {@code p1tcp:192.168.1.40:6638?telegramTimeout=20}.
 */
@org.apache.camel.spi.annotations.Component("p1tcp")
public class P1TcpComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TcpAddress address = TcpAddress.parse(remaining == null ? "" : remaining);
        P1TcpEndpoint endpoint = new P1TcpEndpoint(uri, this, address);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }
}
