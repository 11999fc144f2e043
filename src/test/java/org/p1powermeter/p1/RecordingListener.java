package org.p1powermeter.p1;

import java.util.ArrayList;
import java.util.List;

/** Test listener: records telegrams and drops in the order the framer reports them. */
final class RecordingListener implements FrameListener {

    /** One {@link FrameListener#onDrop} call. */
    record Drop(DropReason reason, int byteCount) {
    }

    /** Telegrams ({@link RawTelegram}) and drops ({@link Drop}) in order. */
    final List<Object> events = new ArrayList<>();

    @Override
    public void onTelegram(RawTelegram telegram) {
        events.add(telegram);
    }

    @Override
    public void onDrop(DropReason reason, int byteCount) {
        events.add(new Drop(reason, byteCount));
    }

    List<RawTelegram> telegrams() {
        return events.stream().filter(RawTelegram.class::isInstance).map(RawTelegram.class::cast).toList();
    }

    List<Drop> drops() {
        return events.stream().filter(Drop.class::isInstance).map(Drop.class::cast).toList();
    }

    List<Drop> drops(DropReason reason) {
        return drops().stream().filter(d -> d.reason() == reason).toList();
    }

    long droppedBytes(DropReason reason) {
        return drops(reason).stream().mapToLong(Drop::byteCount).sum();
    }

    long droppedBytes() {
        return drops().stream().mapToLong(Drop::byteCount).sum();
    }

    long telegramBytes() {
        return telegrams().stream().mapToLong(RawTelegram::length).sum();
    }

    /** Events in a comparable form (telegram bytes as text, since arrays compare by identity). */
    List<String> describe() {
        return events.stream().map(e -> e instanceof RawTelegram t
                ? "T " + t.crcGiven() + " " + t.crcComputed() + " " + t.bangIndex() + " " + t.text()
                : e.toString()).toList();
    }

    void clear() {
        events.clear();
    }
}
