package org.p1powermeter.camel.health;

import org.apache.camel.impl.health.AbstractHealthCheck;
import org.p1powermeter.metrics.P1Metrics;

/**
 * A check of the bridge's group {@link P1HealthChecks#GROUP} that reads the bridge's counters: readiness only, since
 * what it sees (a silent meter, an absent broker, a full spool) is not cured by restarting the bridge.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    protected final P1Metrics metrics;

    ReadinessCheck(String id, P1Metrics metrics) {
        super(P1HealthChecks.GROUP, id);
        this.metrics = metrics;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
