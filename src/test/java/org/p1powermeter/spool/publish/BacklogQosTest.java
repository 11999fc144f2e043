package org.p1powermeter.spool.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The backlog (appended before the connection) goes at QoS 1 or more; live records keep their QoS. */
class BacklogQosTest {

    @ParameterizedTest(name = "record {0} at QoS {1}, backlog up to {2}: QoS {3}")
    @CsvSource({
        "1, 0, 10, 1", "10, 0, 10, 1", "11, 0, 10, 0", "500, 0, 10, 0",
        "1, 1, 10, 1", "11, 1, 10, 1",
        "1, 2, 10, 2", "11, 2, 10, 2",
        "1, 0, 0, 0", "1, 0, -1, 0",
    })
    void theBacklogIsAtLeastQosOne(long sequence, int recordQos, long backlogEnd, int expected) {
        assertEquals(expected, BacklogQos.qosFor(sequence, recordQos, backlogEnd));
    }

    @Test
    void eachConnectionMovesTheEndOfTheBacklog() {
        BacklogQos qos = new BacklogQos();
        qos.connected(100); // 100 records waited for the broker
        assertEquals(1, qos.qosFor(100, 0));
        assertEquals(0, qos.qosFor(101, 0), "appended while connected: the configured QoS 0");
        qos.connected(250); // the connection was lost at 250 and came back; 101..250 are resent
        assertEquals(1, qos.qosFor(101, 0), "resent after a reconnect: backlog now");
        assertEquals(1, qos.qosFor(250, 0));
        assertEquals(0, qos.qosFor(251, 0));
    }
}
