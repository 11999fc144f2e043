package org.p1powermeter.app;

import java.util.List;
import org.p1powermeter.camel.spool.P1SpoolComponent;
import org.p1powermeter.camel.spool.P1SpoolEndpoint;
import org.p1powermeter.metrics.OutboxStatus;
import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.publish.LinkState;

/**
 * The {@code p1spool} component as {@link OutboxStatus}: its own counters (summed over its endpoints) and its
 * endpoint's link to the broker, read when asked, never copied; {@code maxBytes} is [SPOOL] spool_max_mb.
 */
final class SpoolStatus implements OutboxStatus {

    private final P1SpoolComponent component;
    private final long maxBytes;

    SpoolStatus(P1SpoolComponent component, long maxBytes) {
        this.component = component;
        this.maxBytes = maxBytes;
    }

    @Override
    public SpoolCounters counters() {
        return component.counters();
    }

    /** The link of the app's one endpoint (CONNECTING before it started, STOPPED after it closed). */
    @Override
    public LinkState link() {
        List<P1SpoolEndpoint> endpoints = component.endpoints();
        return endpoints.isEmpty() ? LinkState.CONNECTING : endpoints.get(0).linkState();
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }
}
