package org.p1powermeter.camel.source;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code p1capture:} component: reads telegrams from a capture file ({@code p1capture:/path/meter.log}),
 * from standard input ({@code p1capture:-}) or from an {@code InputStream} bean ({@code p1capture:demo?input=#bean}).
 */
@org.apache.camel.spi.annotations.Component("p1capture")
public class P1CaptureComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("p1capture needs a file path or - for standard input");
        }
        P1CaptureEndpoint endpoint = new P1CaptureEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
