package org.p1powermeter.fleet;

import java.util.HashMap;
import java.util.Map;

/**
 * What one bridge instance of a fleet knows about the partitions and meters it handles, from the records it reads
 * (Camel's Kafka consumer has no rebalance listener for users, so partition moves are seen in the offsets):
 *
 * <ul>
 * <li>A record whose offset is below the next one this instance expects on its partition was processed here
 * before (its events are in the spool): a <b>duplicate</b> of at-least-once delivery, e.g. after an offset commit
 * was lost in a rebalance. It is counted and not published again.</li>
 * <li>A record whose offset is above the expected one means other instances handled the partition in between (it
 * moved away and came back), or it is the partition's first record here: a <b>move</b>. The meters on it start
 * afresh: each one's next telegram is its <b>first</b> here, which is published at once (per-meter state such as a
 * rate window must not carry over what another instance saw).</li>
 * </ul>
 *
 * Offsets count as processed only through {@link #processed}, called when the telegram's events are in the sink.
 * Duplicates delivered to another instance (after this one died before its commit) cannot be known here; the
 * fleet test counts those at the subscriber. Thread-safe (one consumer thread calls it; readers see the counts).
 */
public final class MeterLedger {

    /** What a record is to this instance. */
    public enum Admission {
        /** The meter's first telegram here since the start or since its partition moved here. */
        FIRST,
        /** The next telegram of a meter this instance has been handling. */
        NEXT,
        /** A record this instance already processed: skip it. */
        DUPLICATE
    }

    private static final class PartitionState {
        long nextOffset;
        int epoch;
    }

    private final Map<Integer, PartitionState> partitions = new HashMap<>();
    /** Each meter's partition and that partition's epoch when the meter was last seen, packed in a long. */
    private final Map<String, Long> meters = new HashMap<>();
    private long duplicates;
    private long moves;

    /** Decides what the record at {@code offset} of {@code partition}, for {@code meterId}, is. */
    public synchronized Admission admit(int partition, long offset, String meterId) {
        PartitionState state = partitions.get(partition);
        if (state == null) {
            state = new PartitionState();
            state.nextOffset = offset;
            partitions.put(partition, state);
            moves++;
        } else if (offset < state.nextOffset) {
            duplicates++;
            return Admission.DUPLICATE;
        } else if (offset > state.nextOffset) {
            state.epoch++;
            state.nextOffset = offset;
            moves++;
        }
        long seen = (long) partition << 32 | (state.epoch & 0xFFFF_FFFFL);
        Long before = meters.put(meterId, seen);
        return before != null && before == seen ? Admission.NEXT : Admission.FIRST;
    }

    /** The record at {@code offset} of {@code partition} is done: its events are in the sink. */
    public synchronized void processed(int partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state != null && offset + 1 > state.nextOffset) {
            state.nextOffset = offset + 1;
        }
    }

    /** Records skipped because this instance had processed them before. */
    public synchronized long duplicates() {
        return duplicates;
    }

    /** Partitions that came to this instance (the first of each, and each return after others handled it). */
    public synchronized long moves() {
        return moves;
    }

    /** Distinct meters this instance has handled. */
    public synchronized int meters() {
        return meters.size();
    }

    /** Partitions this instance has read. */
    public synchronized int partitions() {
        return partitions.size();
    }

    /** One line for the log: meters, partitions, moves, duplicates. */
    public synchronized String summary() {
        return meters.size() + " meters on " + partitions.size() + " partitions, " + moves + " partition arrivals, "
                + duplicates + " duplicate records skipped";
    }
}
