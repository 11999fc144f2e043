package org.p1powermeter.metrics;

import java.util.Map;

/**
 * What a fleet bridge instance ({@code [GENERAL] mode = bridge}) reports, read at the moment the metrics ask: the
 * same values as its {@code Bridge: …} summary line (the meter ledger and the Kafka consumer's lag).
 */
public interface FleetStatus {

    /** Meters this instance has seen since it started. */
    int meters();

    /** Partitions this instance has read from. */
    int partitions();

    /** Times a partition arrived at this instance (at start, and each move here). */
    long partitionArrivals();

    /** Records skipped because this instance had processed them before (at-least-once redelivery). */
    long duplicatesSkipped();

    /** Consumer lag in records per partition this instance reads (empty before the first fetch). */
    Map<Integer, Long> lag();
}
