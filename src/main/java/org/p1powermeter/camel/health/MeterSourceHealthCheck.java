package org.p1powermeter.camel.health;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.p1powermeter.metrics.P1Metrics;

/**
 * Readiness of the meter source: UP while telegrams arrive (serial port RECEIVING, capture being read), DOWN while
 * the port is absent, lost, silent or still waiting for its first telegram, with the source's own reason. Not a
 * liveness check: a silent meter is not cured by restarting the bridge.
 */
public class MeterSourceHealthCheck extends ReadinessCheck {

    public static final String ID = "p1-meter-source";

    public MeterSourceHealthCheck(P1Metrics metrics) {
        super(ID, metrics);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        P1Metrics.SourceHealth health = metrics.sourceHealth();
        builder.message(health.state() + ": " + health.detail());
        builder.detail("state", health.state());
        builder.detail("since", health.since().toString());
        builder.detail("telegrams", metrics.getTelegramsOk());
        builder.detail("reconnects", metrics.getReconnects());
        if (health.healthy()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
