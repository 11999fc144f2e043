package org.p1powermeter.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a subscriber received, judged per topic by each event's vscpDateTime (one second per telegram): how many
 * distinct events, how many duplicates, which telegrams are missing and whether the first arrival of each event
 * came in order.
 */
final class DeliveryCheck {

    final int received;
    final int distinct;
    final int duplicates;
    final List<String> outOfOrder = new ArrayList<>();
    final Map<String, Set<Instant>> byTopic = new HashMap<>();

    DeliveryCheck(List<MqttRecorder.Received> messages) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Instant> lastFirstArrival = new HashMap<>();
        int dup = 0;
        for (MqttRecorder.Received r : messages) {
            Instant time;
            try {
                time = Instant.parse(json.readTree(r.payload()).get("vscpDateTime").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("not a VSCP event on " + r.topic(), e);
            }
            Set<Instant> seen = byTopic.computeIfAbsent(r.topic(), t -> new HashSet<>());
            if (!seen.add(time)) {
                dup++;
                continue;
            }
            Instant last = lastFirstArrival.put(r.topic(), time);
            if (last != null && !time.isAfter(last)) {
                outOfOrder.add(r.topic() + ": " + time + " after " + last);
            }
        }
        this.received = messages.size();
        this.duplicates = dup;
        this.distinct = received - dup;
    }

    /** The telegram numbers (0-based) missing on some topic, among the first {@code telegrams}. */
    List<String> missing(int telegrams) {
        List<String> missing = new ArrayList<>();
        Instant first = ReplayCapture.FIRST.atZone(java.time.ZoneId.of("Europe/Stockholm")).toInstant();
        byTopic.forEach((topic, times) -> {
            for (int i = 0; i < telegrams; i++) {
                if (!times.contains(first.plusSeconds(i))) {
                    missing.add(topic + " #" + i);
                }
            }
        });
        return missing;
    }

    @Override
    public String toString() {
        return received + " received, " + distinct + " distinct events on " + byTopic.size() + " topics, "
                + duplicates + " duplicates, " + outOfOrder.size() + " out of order";
    }
}
