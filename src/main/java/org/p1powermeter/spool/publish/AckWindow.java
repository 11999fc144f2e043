package org.p1powermeter.spool.publish;

import java.util.ArrayDeque;

/**
 * The publishes in flight on one connection, in the order they were sent, at most {@code capacity}. Their
 * completions may arrive in any order; {@link #complete} returns the highest sequence up to which every publish
 * completed, the position the spool may acknowledge. {@link #reset} forgets everything after a lost connection
 * (completions of the old connection are then ignored by their generation).
 */
final class AckWindow {

    private final int capacity;
    private final ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // {sequence, done 0/1}
    private final java.util.HashMap<Long, long[]> bySequence = new java.util.HashMap<>();
    private int generation;

    AckWindow(int capacity) {
        this.capacity = capacity;
    }

    synchronized int generation() {
        return generation;
    }

    synchronized int room() {
        return capacity - inFlight.size();
    }

    /** Waits up to {@code millis} for room; true when there is some. */
    synchronized boolean awaitRoom(long millis) throws InterruptedException {
        if (inFlight.size() >= capacity) {
            wait(millis);
        }
        return inFlight.size() < capacity;
    }

    synchronized void sent(long sequence) {
        long[] entry = {sequence, 0};
        inFlight.addLast(entry);
        bySequence.put(sequence, entry);
    }

    /** A publish of {@code generation} completed; returns the new contiguous position, or -1 when it did not move. */
    synchronized long complete(int generation, long sequence) {
        if (generation != this.generation) {
            return -1;
        }
        long[] entry = bySequence.remove(sequence);
        if (entry == null) {
            return -1;
        }
        entry[1] = 1;
        long position = -1;
        while (!inFlight.isEmpty() && inFlight.peekFirst()[1] == 1) {
            position = inFlight.pollFirst()[0];
        }
        if (position >= 0) {
            notifyAll();
        }
        return position;
    }

    /** Wakes a thread in {@link #awaitRoom}. */
    synchronized void wakeUp() {
        notifyAll();
    }

    synchronized void reset() {
        generation++;
        inFlight.clear();
        bySequence.clear();
        notifyAll();
    }
}
