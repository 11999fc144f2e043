package org.p1powermeter.camel.health;

import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.p1powermeter.metrics.OutboxStatus;
import org.p1powermeter.metrics.P1Metrics;

/** A readiness check of the MQTT sink ({@code p1spool:}): DOWN in a run without one, else {@link #check}. */
abstract class OutboxCheck extends ReadinessCheck {

    OutboxCheck(String id, P1Metrics metrics) {
        super(id, metrics);
    }

    @Override
    protected final void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<OutboxStatus> outbox = metrics.outbox();
        if (outbox.isEmpty()) {
            builder.message("no MQTT sink in this run").down();
            return;
        }
        check(builder, outbox.get());
    }

    /** Sets the result from the sink's state and counters. */
    protected abstract void check(HealthCheckResultBuilder builder, OutboxStatus outbox);
}
