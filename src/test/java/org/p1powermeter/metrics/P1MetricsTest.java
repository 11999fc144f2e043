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
        m.add(P1Metrics.Counter.EVENTS_PUBLISHED, 26);
        m.sourceState("RECEIVING", true, "telegrams arrive");

        assertEquals(2, m.getTelegramsOk());
        assertEquals(2, m.dropped(DropReason.CRC_MISMATCH));
        assertEquals(1000, m.droppedBytes(DropReason.CRC_MISMATCH));
        assertEquals(26, m.getEventsPublished());
        assertEquals(2 + 1 + 1, m.troubleCount(), "noise is not trouble");
        assertEquals("source RECEIVING (healthy), telegrams ok=2, dropped NOISE=1 (3 bytes), dropped CRC_MISMATCH=2"
                + " (1000 bytes), skipped UNIT_MISMATCH=1, skipped VALUE_OUT_OF_RANGE=1, events published=26", m.summary());
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

    @Test
    void theSinksOwnCountsShowAsPublishedAndFailedEvents() {
        P1Metrics m = new P1Metrics();
        long[] delivered = {0};
        m.deliveryCounts(() -> delivered[0], () -> 3);
        delivered[0] = 52;
        m.increment(P1Metrics.Counter.EVENTS_PUBLISHED);
        assertEquals(53, m.getEventsPublished());
        assertEquals(3, m.getEventsFailed());
    }
}
