package org.p1powermeter.camel.health;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.p1powermeter.metrics.OutboxStatus;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.publish.LinkState;

/**
 * Readiness of the link to the MQTT broker: UP while the spool's publisher is connected, DOWN while it connects,
 * cannot reach the broker or is refused its login (events then wait in the spool; the detail says how many).
 */
public class BrokerLinkHealthCheck extends OutboxCheck {

    public static final String ID = "p1-broker-link";

    public BrokerLinkHealthCheck(P1Metrics metrics) {
        super(ID, metrics);
    }

    @Override
    protected void check(HealthCheckResultBuilder builder, OutboxStatus outbox) {
        LinkState link = outbox.link();
        SpoolCounters counters = outbox.counters();
        builder.detail("link", link.name());
        builder.detail("delivered", counters.delivered());
        builder.detail("waiting", counters.depth());
        if (link == LinkState.CONNECTED) {
            builder.message("connected").up();
        } else {
            builder.message(link + ": " + counters.depth() + " events wait in the spool").down();
        }
    }
}
