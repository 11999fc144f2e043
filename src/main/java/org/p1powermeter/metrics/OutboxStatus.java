package org.p1powermeter.metrics;

import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.publish.LinkState;

/**
 * What the MQTT sink (the spool and its publisher) reports, read at the moment a summary line, a metric or a health
 * check asks: the spool's own counters are the one source of truth of events delivered, dropped and waiting.
 */
public interface OutboxStatus {

    /** The spool's counters now. */
    SpoolCounters counters();

    /** The publisher's link to the broker now. */
    LinkState link();

    /** The spool's size limit in bytes. */
    long maxBytes();
}
