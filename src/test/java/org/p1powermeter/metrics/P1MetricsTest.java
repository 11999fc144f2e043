package org.p1powermeter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.SkipReason;
import org.p1powermeter.p1.DropReason;
import org.p1powermeter.spool.SpoolCounters;
import org.p1powermeter.spool.publish.LinkState;

class P1MetricsTest {

    @Test
    void countersAddUpAndTheSummaryNamesWhatIsNotZero() {
        P1Metrics m = new P1Metrics();
        m.increment(P1Metrics.Counter.TELEGRAMS_OK);
        m.increment(P1Metrics.Counter.TELEGRAMS_OK);
        m.dropped(DropReason.CRC_MISMATCH, 900);
        m.dropped(DropReason.CRC_MISMATCH, 100);
        m.dropped(DropReason.NOISE, 3);
        m.countSkipped(SkipReason.UNIT_MISMATCH);
        m.valueOutOfRange();
        m.sourceState("RECEIVING", true, "telegrams arrive");

        assertEquals(2, m.getTelegramsOk());
        assertEquals(2, m.dropped(DropReason.CRC_MISMATCH));
        assertEquals(1000, m.droppedBytes(DropReason.CRC_MISMATCH));
        assertEquals(2 + 1 + 1, m.troubleCount(), "noise is not trouble");
        assertEquals("source RECEIVING (healthy), telegrams ok=2, dropped NOISE=1 (3 bytes), dropped CRC_MISMATCH=2"
                + " (1000 bytes), skipped UNIT_MISMATCH=1, skipped VALUE_OUT_OF_RANGE=1", m.summary(),
                "no MQTT sink attached (a dry run): no event counts");
    }

    @Test
    void theStateKeepsItsStartTimeUntilItChanges() throws Exception {
        P1Metrics m = new P1Metrics();
        m.sourceState("ABSENT", false, "try 1");
        String since = m.getPortStateSince();
        Thread.sleep(5);
        m.sourceState("ABSENT", false, "try 2");
        assertEquals(since, m.getPortStateSince());
        assertEquals("try 2", m.getPortStateDetail());
        assertFalse(m.isHealthy());
        m.sourceState("RECEIVING", true, "ok");
        assertTrue(m.isHealthy());
    }

    @Test
    void theMXBeanShowsHealthAndCountersAsOpenTypes() throws Exception {
        P1Metrics m = new P1Metrics();
        m.sourceState("ABSENT", false, "cannot open (error 2); retrying");
        m.dropped(DropReason.TRUNCATED, 40);
        m.increment(P1Metrics.Counter.RECONNECTS);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = m.registerMBean();
        try {
            assertEquals(new ObjectName("org.p1powermeter:type=P1Metrics"), name);
            assertEquals(false, server.getAttribute(name, "Healthy"));
            assertEquals("ABSENT", server.getAttribute(name, "PortState"));
            assertEquals(1L, server.getAttribute(name, "Reconnects"));
            TabularData dropped = (TabularData) server.getAttribute(name, "Dropped");
            CompositeData row = dropped.get(new Object[] {"TRUNCATED"});
            assertEquals(1L, row.get("value"));
            assertTrue(((String) server.getAttribute(name, "Summary")).contains("TRUNCATED=1"));
            P1Metrics second = new P1Metrics();
            assertEquals(name, second.registerMBean(), "a second registration replaces the first");
            assertEquals("STARTING", server.getAttribute(name, "PortState"));
        } finally {
            m.unregisterMBean();
        }
        assertFalse(server.isRegistered(name));
    }

    /** A spool's counters as the MQTT sink reports them, changed by the test. */
    static final class FakeOutbox implements OutboxStatus {
        volatile SpoolCounters counters = new SpoolCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        volatile LinkState link = LinkState.CONNECTED;

        @Override
        public SpoolCounters counters() {
            return counters;
        }

        @Override
        public LinkState link() {
            return link;
        }

        @Override
        public long maxBytes() {
            return 64L << 20;
        }
    }

    @Test
    void theSpoolsOwnCountsAreTheDeliveredAndDroppedEventsOfSummaryAndJmx() {
        P1Metrics m = new P1Metrics();
        FakeOutbox outbox = new FakeOutbox();
        m.attachOutbox(outbox);
        m.sourceState("RECEIVING", true, "telegrams arrive");
        outbox.counters = new SpoolCounters(3120, 3068, 0, 0, 0, 0, 0, 0, 52, 40_000, 0);
        assertEquals("source RECEIVING (healthy), telegrams ok=0; mqtt CONNECTED: events delivered=3068, dropped=0,"
                + " waiting=52", m.summary());
        assertEquals(0, m.troubleCount());

        outbox.counters = new SpoolCounters(3120, 3068, 0, 0, 26, 4, 0, 0, 22, 40_000, 0);
        outbox.link = LinkState.BROKER_DOWN;
        assertEquals(3068, m.getEventsDelivered());
        assertEquals(30, m.getEventsDropped());
        assertEquals(22, m.getEventsWaiting());
        assertEquals("BROKER_DOWN", m.getBrokerLink());
        assertEquals(30, m.troubleCount(), "dropped events are trouble");
        assertTrue(m.summary().endsWith("; mqtt BROKER_DOWN: events delivered=3068, dropped=30 (spool full 26, too old 4,"
                + " disk refused 0), waiting=22"), m.summary());
    }
}
