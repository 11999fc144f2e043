package org.p1powermeter.camel.spool;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;
import org.p1powermeter.spool.SpoolCounters;

/**
 * {@code p1spool:name?brokerUrl=…&spoolDir=…}: a durable MQTT sink, each endpoint with its own spool on disk and its
 * own publisher (see {@link P1SpoolEndpoint}). The component's {@link P1SpoolConfiguration} holds the defaults of its
 * endpoints (e.g. {@code camel.component.p1spool.configuration.password}); URI options override them.
 * {@link #counters()} is where a host reads delivered, dropped (per reason) and waiting events of all its endpoints.
 */
@org.apache.camel.spi.annotations.Component("p1spool")
public class P1SpoolComponent extends DefaultComponent {

    @Metadata(description = "Defaults of the endpoints' options")
    private P1SpoolConfiguration configuration = new P1SpoolConfiguration();
    private final List<P1SpoolEndpoint> endpoints = new CopyOnWriteArrayList<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isEmpty()) {
            throw new IllegalArgumentException("p1spool needs a name: p1spool:NAME?brokerUrl=...");
        }
        P1SpoolEndpoint endpoint = new P1SpoolEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint.getConfiguration(), parameters); // the options of P1SpoolConfiguration
        setProperties(endpoint, parameters); // topic and Camel's own (lazyStartProducer)
        endpoints.add(endpoint);
        return endpoint;
    }

    /** The counters of every endpoint of this component, summed (as they closed, for stopped ones). */
    public SpoolCounters counters() {
        SpoolCounters sum = SpoolCounters.NONE;
        for (P1SpoolEndpoint e : endpoints) {
            sum = sum.plus(e.counters());
        }
        return sum;
    }

    /** The endpoints created so far. */
    public List<P1SpoolEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    public P1SpoolConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(P1SpoolConfiguration configuration) {
        this.configuration = configuration;
    }
}
