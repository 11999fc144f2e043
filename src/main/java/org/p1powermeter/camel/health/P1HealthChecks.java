package org.p1powermeter.camel.health;

import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRepository;
import org.p1powermeter.metrics.P1Metrics;

/**
 * The bridge's health checks as one camel-health repository (id {@value #GROUP}): the meter source, and with an
 * MQTT sink the broker link and the spool. Bound as a bean, camel-main registers it in the context's
 * {@link org.apache.camel.health.HealthCheckRegistry}; another runtime registers it there itself
 * ({@code HealthCheckRegistry.get(context).register(repository)}), and then sees the checks in its own health
 * endpoint.
 */
public final class P1HealthChecks implements HealthCheckRepository {

    /** Group of the checks and id of the repository. */
    public static final String GROUP = "p1";

    private final List<HealthCheck> checks;
    private volatile boolean enabled = true;

    private P1HealthChecks(List<HealthCheck> checks) {
        this.checks = checks;
    }

    /** The source check only (a dry run, or a host that publishes with its own route). */
    public static P1HealthChecks sourceOnly(P1Metrics metrics) {
        return new P1HealthChecks(List.of(new MeterSourceHealthCheck(metrics)));
    }

    /** The source, broker link and spool checks; the last two read the sink {@link P1Metrics#attachOutbox attached}. */
    public static P1HealthChecks withMqtt(P1Metrics metrics) {
        return new P1HealthChecks(List.of(new MeterSourceHealthCheck(metrics), new BrokerLinkHealthCheck(metrics),
                new SpoolHealthCheck(metrics)));
    }

    @Override
    public String getId() {
        return GROUP;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Stream<HealthCheck> stream() {
        return enabled ? checks.stream() : Stream.empty();
    }
}
