package org.p1powermeter.spool.publish;

/**
 * The QoS a spooled record is published with. The backlog (records appended before the current connection was
 * established: while the broker was down, or by an earlier run) goes out at least at QoS 1, so the broker
 * acknowledges every one before the spool lets it go; records appended while connected keep the configured
 * [MQTT] qos (at QoS 0 a live event is fire-and-forget, as configured). After a lost connection the records resent
 * from the first unacknowledged one were appended before the new connection, so they are backlog too.
 */
final class BacklogQos {

    /** The last sequence appended when the current connection was established (-1: not connected yet). */
    private long backlogEnd = -1;

    /** The connection is up; {@code lastSequence} is the spool's last sequence at this moment. */
    void connected(long lastSequence) {
        backlogEnd = lastSequence;
    }

    /** The QoS to publish the record {@code sequence}, appended with {@code recordQos}, at. */
    int qosFor(long sequence, int recordQos) {
        return qosFor(sequence, recordQos, backlogEnd);
    }

    /** At least QoS 1 for a record of the backlog (sequence up to {@code backlogEnd}), else the record's own QoS. */
    static int qosFor(long sequence, int recordQos, long backlogEnd) {
        return sequence <= backlogEnd ? Math.max(recordQos, 1) : recordQos;
    }
}
