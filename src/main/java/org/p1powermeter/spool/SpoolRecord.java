package org.p1powermeter.spool;

/**
 * One spooled MQTT message: its place in the spool ({@code sequence}, 1, 2, … over the spool's whole life, also
 * across restarts), when it was appended, and what to publish.
 */
public record SpoolRecord(long sequence, long appendedAtMillis, String topic, byte[] payload, int qos,
        boolean retained) {
}
