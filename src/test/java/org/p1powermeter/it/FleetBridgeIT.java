package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.vscp.MeterGuid;

/**
 * {@code [GENERAL] mode = bridge} as a fleet, end to end with real parts: an in-process Kafka broker (KRaft), three
 * packaged-jar bridge instances in one consumer group (static membership, 6 s session timeout), a real Mosquitto
 * and a subscriber. 1,000 meters' telegrams carry sequence numbers in their meter time; each event's topic names
 * the instance that published it and carries the meter's own GUID.
 *
 * <p>Phase 1: every meter is handled by exactly one instance, in order, count in = count out, no duplicate.
 * Phase 2: {@code kill -9} of one instance while telegrams flow: its meters resume on the others, none of the
 * meters of the others moves, no telegram is lost and per instance each meter's order is kept; the duplicates
 * (telegrams the dead instance published but had not committed) are counted and printed.
 */
class FleetBridgeIT {

    private static final int METERS = 1_000;
    private static final int PHASE1 = 5;
    private static final int PHASE2 = 10;
    private static final String TOPIC = "p1.telegrams";
    private static final String GROUP = "p1bridge";
    /** i1's [HTTP] port: its /observe/metrics is read before it stops. */
    private int i1HttpPort;

    @TempDir
    Path dir;

    /** One received event: which instance published it, for which meter, which sequence number. */
    private record Event(String instance, int meter, int seq) {
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void eachMeterOnOneInstanceInOrderAndNothingLostWhenAnInstanceIsKilled() throws Exception {
        Map<String, Integer> meterOfGuid = new HashMap<>();
        for (int m = 0; m < METERS; m++) {
            meterOfGuid.put(MeterGuid.of(FleetTelegrams.meterId(m)).toString().substring(0, 41), m);
        }
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
                Mosquitto mqtt = Mosquitto.start(dir.resolve("mqtt"), ItTools.freeLoopbackPort(), null, null,
                        "max_queued_messages 0\nmax_inflight_messages 0\n");
                MqttRecorder recorder = new MqttRecorder(mqtt.url(), null, null, "fleet/#");
                Admin admin = kafka.admin();
                KafkaProducer<String, byte[]> producer = producer(kafka.bootstrap())) {
            kafka.createTopic(TOPIC, 12);
            List<BridgeProcess> bridges = new ArrayList<>();
            try {
                for (String name : List.of("i1", "i2", "i3")) {
                    bridges.add(startBridge(name, kafka.bootstrap(), mqtt.port()));
                }
                ItTools.waitUntil(() -> stableWithAssignments(admin, 3), 60);
                assertTrue(stableWithAssignments(admin, 3), () -> "the group never had 3 members with partitions\n" + bridges);

                produce(producer, 1, PHASE1);
                List<Event> phase1 = await(recorder, meterOfGuid, METERS * PHASE1, 60);
                assertEquals(METERS * PHASE1, phase1.size(), "count in = count out (no loss, no duplicate)");
                Map<Integer, String> owner = new HashMap<>();
                Map<Integer, List<Integer>> seqs = new TreeMap<>();
                for (Event e : phase1) {
                    String before = owner.putIfAbsent(e.meter(), e.instance());
                    assertTrue(before == null || before.equals(e.instance()),
                            "meter " + e.meter() + " was handled by " + before + " and " + e.instance());
                    seqs.computeIfAbsent(e.meter(), m -> new ArrayList<>()).add(e.seq());
                }
                assertEquals(METERS, owner.size(), "every meter was published");
                for (Map.Entry<Integer, List<Integer>> meter : seqs.entrySet()) {
                    assertEquals(List.of(1, 2, 3, 4, 5), meter.getValue(), "order of meter " + meter.getKey());
                }
                Set<String> instances = new HashSet<>(owner.values());
                assertEquals(Set.of("i1", "i2", "i3"), instances, "all three instances took part");

                // phase 2: telegrams flow while i2 is killed
                int before = recorder.snapshot().size();
                produce(producer, PHASE1 + 1, PHASE1 + 3);
                ItTools.waitUntil(() -> recorder.snapshot().size() > before + METERS, 30);
                BridgeProcess killed = bridges.get(1);
                killed.kill();
                long killedAt = System.nanoTime();
                produce(producer, PHASE1 + 4, PHASE1 + PHASE2);
                List<Event> all = await(recorder, meterOfGuid, METERS * (PHASE1 + PHASE2), 90, true);
                double resumeSeconds = (System.nanoTime() - killedAt) / 1e9;
                int missing = METERS * (PHASE1 + PHASE2) - distinctPairs(all);
                if (missing > 0) {
                    // the offsets of a telegram are committed once its events are in the spool: what the killed instance
                    // had spooled but not yet published goes out when it restarts on its spool (as a service restarts)
                    System.out.printf("FleetBridgeIT: %d telegrams were in the killed instance's spool; restarting it%n",
                            missing);
                    bridges.add(startBridge("i2", kafka.bootstrap(), mqtt.port()));
                    all = await(recorder, meterOfGuid, METERS * (PHASE1 + PHASE2), 60, true);
                }

                Map<Integer, Set<Integer>> seen = new HashMap<>();
                Map<String, Map<Integer, Integer>> lastSeqPerInstance = new HashMap<>();
                Map<Integer, Set<String>> instancesOfMeter = new HashMap<>();
                int duplicates = 0;
                for (Event e : all) {
                    if (!seen.computeIfAbsent(e.meter(), m -> new HashSet<>()).add(e.seq())) {
                        duplicates++;
                    }
                    instancesOfMeter.computeIfAbsent(e.meter(), m -> new HashSet<>()).add(e.instance());
                    Integer last = lastSeqPerInstance.computeIfAbsent(e.instance(), i -> new HashMap<>()).put(e.meter(), e.seq());
                    assertTrue(last == null || last < e.seq(), "instance " + e.instance() + " published meter " + e.meter()
                            + " seq " + e.seq() + " after " + last);
                }
                for (int m = 0; m < METERS; m++) {
                    assertEquals(PHASE1 + PHASE2, seen.getOrDefault(m, Set.of()).size(), "telegrams of meter " + m + " lost");
                    Set<String> by = instancesOfMeter.get(m);
                    if (owner.get(m).equals("i2")) {
                        assertEquals(2, by.size(), "meter " + m + " of the killed instance moved to exactly one other: " + by);
                    } else {
                        assertEquals(Set.of(owner.get(m)), by, "meter " + m + " of a surviving instance stayed put");
                    }
                }
                System.out.printf("FleetBridgeIT: %d meters x %d telegrams, %d events received, %d duplicates after"
                        + " kill -9 of i2 (owned %d meters), all resumed %.1f s after the kill%n", METERS,
                        PHASE1 + PHASE2, all.size(), duplicates,
                        owner.values().stream().filter("i2"::equals).count(), resumeSeconds);
                BridgeProcess survivor = bridges.get(0);
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + i1HttpPort + "/observe/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(metrics.matches("(?s).*\np1_fleet_meters [1-9]\\d*\n.*"), "meters seen by i1\n" + metrics);
                assertTrue(metrics.matches("(?s).*\np1_fleet_partition_assignments_total [1-9]\\d*\n.*"), metrics);
                assertTrue(metrics.matches("(?s).*\np1_kafka_consumer_lag\\{partition=\"\\d+\"} \\d+\n.*"),
                        "the lag of i1's partitions\n" + metrics);
                survivor.terminate();
                assertEquals(0, survivor.waitFor(30, TimeUnit.SECONDS), survivor::toString);
                String stderr = survivor.stderr();
                assertTrue(stderr.matches("(?s).*Bridge: \\d+ meters on \\d+ partitions, \\d+ partition arrivals, \\d+ duplicate"
                        + " records skipped; last lag \\d+ \\(p\\d+ \\d+.*"), "the summary line at shutdown, with the lag\n" + stderr);
            } finally {
                for (BridgeProcess bridge : bridges) {
                    bridge.close();
                }
            }
        }
    }

    private BridgeProcess startBridge(String name, String brokers, int mqttPort) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        StringBuilder ini = new StringBuilder("[GENERAL]\nmode = bridge\n");
        for (String group : List.of("energy", "active_effect", "reactive_effect", "voltage", "current")) {
            ini.append("send_").append(group).append(" = false\n");
        }
        ini.append("send_frequency = true\n"); // one event per telegram
        ini.append("[MQTT]\nhost = 127.0.0.1\nport = ").append(mqttPort).append("\ntopic = fleet/").append(name)
                .append("/{xguid}\nclient_id = fleet-").append(name).append('\n');
        ini.append("[SPOOL]\nspool_dir = spool\n");
        if (name.equals("i1")) {
            i1HttpPort = ItTools.freeLoopbackPort();
            ini.append("[HTTP]\nport = ").append(i1HttpPort).append('\n');
        }
        ini.append("[KAFKA]\ngroup_id = ").append(GROUP).append("\ngroup_instance_id = ").append(name)
                .append("\nsession_timeout = 6\n");
        Path config = work.resolve("config.ini");
        Files.writeString(config, ini);
        return BridgeProcess.start(work, List.of(), List.of("-Xmx256m"),
                List.of("-c", config.toString(), "--set", "kafka.brokers=" + brokers, "-v"), null);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sequence numbers {@code from..to} of every meter, keyed by meter id, as ingest writes them. */
    private static void produce(KafkaProducer<String, byte[]> producer, int from, int to) {
        for (int seq = from; seq <= to; seq++) {
            for (int m = 0; m < METERS; m++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, FleetTelegrams.meterId(m),
                        FleetTelegrams.telegram(m, seq));
                record.headers().add("p1.source", "test-dongle-".concat(Integer.toString(m)).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
        producer.flush();
    }

    private static boolean stableWithAssignments(Admin admin, int members) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS)
                    .get(GROUP);
            return group.state() == ConsumerGroupState.STABLE && group.members().size() == members
                    && group.members().stream().map(MemberDescription::assignment).allMatch(a -> !a.topicPartitions().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }

    private static List<Event> await(MqttRecorder recorder, Map<String, Integer> meterOfGuid, int count, int seconds)
            throws Exception {
        return await(recorder, meterOfGuid, count, seconds, false);
    }

    private static int distinctPairs(List<Event> events) {
        Set<Long> pairs = new HashSet<>();
        for (Event e : events) {
            pairs.add((long) e.meter() << 32 | e.seq());
        }
        return pairs.size();
    }

    /** The events received once {@code count} arrived (distinct (meter, seq) pairs when {@code distinct}). */
    private static List<Event> await(MqttRecorder recorder, Map<String, Integer> meterOfGuid, int count, int seconds,
            boolean distinct) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Event> events = new ArrayList<>();
        while (true) {
            events.clear();
            Set<Long> pairs = new HashSet<>();
            for (MqttRecorder.Received r : recorder.snapshot()) {
                String[] parts = r.topic().split("/");
                Integer meter = meterOfGuid.get(parts[2].substring(0, 41));
                assertTrue(meter != null, "an event with an unknown GUID: " + r.topic());
                int seq = FleetTelegrams.sequenceOf(json.readTree(r.payload()).get("vscpDateTime").asText());
                events.add(new Event(parts[1], meter, seq));
                pairs.add((long) meter << 32 | seq);
            }
            int have = distinct ? pairs.size() : events.size();
            if (have >= count || System.nanoTime() > deadline) {
                return events;
            }
            Thread.sleep(200);
        }
    }
}
