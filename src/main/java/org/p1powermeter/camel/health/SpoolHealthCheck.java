package org.p1powermeter.camel.health;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.p1powermeter.metrics.OutboxStatus;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.spool.SpoolCounters;

/**
 * Readiness of the spool on disk: UP while it holds less than {@value #NEARLY_FULL_PERCENT} % of its size limit and
 * the disk takes its writes; DOWN from there on (when it is full a live meter's oldest telegrams are dropped) or while
 * it holds events in memory that the disk refused. The details carry what it holds
 * and what it dropped so far.
 */
public class SpoolHealthCheck extends OutboxCheck {

    public static final String ID = "p1-spool";
    static final int NEARLY_FULL_PERCENT = 90;

    public SpoolHealthCheck(P1Metrics metrics) {
        super(ID, metrics);
    }

    @Override
    protected void check(HealthCheckResultBuilder builder, OutboxStatus outbox) {
        SpoolCounters c = outbox.counters();
        long limit = outbox.maxBytes();
        builder.detail("waiting", c.depth());
        builder.detail("bytes", c.bytes());
        builder.detail("limitBytes", limit);
        builder.detail("droppedFull", c.droppedFull());
        builder.detail("droppedTooOld", c.droppedExpired());
        builder.detail("droppedDiskRefused", c.droppedUnwritable());
        builder.detail("heldBytes", c.heldBytes());
        long percent = limit == 0 ? 0 : c.bytes() * 100 / limit;
        String held = c.depth() + " events waiting, " + c.bytes() + " of " + limit + " bytes (" + percent + " %)";
        if (c.heldBytes() > 0) {
            builder.message("the disk refuses writes: " + c.heldBytes() + " bytes held in memory; " + held).down();
        } else if (percent >= NEARLY_FULL_PERCENT) {
            builder.message("nearly full: " + held + "; when full the oldest events are dropped").down();
        } else {
            builder.message(held).up();
        }
    }
}
