package org.p1powermeter.camel.spool;

import org.apache.camel.component.paho.PahoConfiguration;
import org.apache.camel.component.paho.PahoEndpoint;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The Paho connect options camel-paho would use for a {@link PahoConfiguration} (login, TLS socket factory or
 * SSL properties, hostname verification, keep-alive, timeouts, will, server URIs), so the spool's publisher
 * connects exactly as a {@code paho:} endpoint configured the same way would.
 */
public final class PahoConnectOptions extends PahoEndpoint {

    private PahoConnectOptions() {
        super(null, null, null, null); // never instantiated: only the protected static factory is used
    }

    public static MqttConnectOptions of(PahoConfiguration configuration) {
        return createMqttConnectOptions(configuration);
    }
}
