package org.p1powermeter.app;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory;
import org.apache.camel.main.Main;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.KafkaSettings;
import org.p1powermeter.camel.fleet.FleetRoutes;
import org.p1powermeter.camel.fleet.IngestCounters;
import org.p1powermeter.camel.fleet.KafkaTelegramReader;
import org.p1powermeter.camel.fleet.TelegramRecordProcessor;
import org.p1powermeter.fleet.MeterLedger;
import org.p1powermeter.p1.TelegramParser;

/**
 * Turns {@code [GENERAL] mode} ingest or bridge and the [KAFKA] section into what the Camel app runs: the
 * {@code kafka} component (brokers, TLS/SASL pass-through), the fleet beans and {@link FleetRoutes}. The one class
 * of the app that names Kafka: in standalone mode it is never loaded, and neither is camel-kafka or kafka-clients.
 */
final class FleetAssembly {

    /** Registry name of the ingest counters. */
    static final String INGEST_COUNTERS = "ingestCounters";
    static final String BYTE_ARRAY_SERIALIZER = "org.apache.kafka.common.serialization.ByteArraySerializer";
    static final String BYTE_ARRAY_DESERIALIZER = "org.apache.kafka.common.serialization.ByteArrayDeserializer";
    static final String COOPERATIVE_STICKY = "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";

    private final BridgeSettings settings;
    private final KafkaSettings kafka;
    private IngestCounters ingestCounters;

    FleetAssembly(BridgeSettings settings) {
        this.settings = settings;
        this.kafka = settings.kafka();
    }

    /**
     * Binds the component and the beans and adds the fleet's routes.
     *
     * @param sources what ingest reads, one route each: the source the app built for this run (serial port, capture,
     *        MQTT input), or one {@code p1tcp:} URI per network dongle of {@code serial_port}
     * @return the {@code p1.source} of the shipped bridge route: {@link FleetRoutes#TELEGRAMS}, which the Kafka
     *         consumer feeds in bridge mode (in ingest mode nothing sends to it and the route stays idle)
     */
    String configure(Main main, List<String> sources) {
        main.bind("kafka", component());
        if (kafka.mode() == KafkaSettings.Mode.INGEST) {
            ingestCounters = new IngestCounters();
            main.bind(INGEST_COUNTERS, ingestCounters);
            main.bind(FleetRoutes.RECORD_PROCESSOR,
                    new TelegramRecordProcessor(new TelegramParser(settings.serial().meterZone()), Clock.systemUTC()));
            main.configure().addRoutesBuilder(FleetRoutes.ingest(sources, producerUri()));
        } else {
            main.bind(FleetRoutes.READER, new KafkaTelegramReader(new MeterLedger(), kafka.topic()));
            main.configure().addRoutesBuilder(FleetRoutes.bridge(consumerUri()));
        }
        return FleetRoutes.TELEGRAMS;
    }

    /** One line for {@code -v}: what this instance reads and writes. */
    String describe() {
        return kafka.mode() == KafkaSettings.Mode.INGEST
                ? "writing telegrams to Kafka topic " + kafka.topic() + " at " + kafka.brokers()
                : "reading Kafka topic " + kafka.topic() + " at " + kafka.brokers() + " as group " + kafka.groupId()
                        + (kafka.groupInstanceId().isEmpty() ? "" : " (member " + kafka.groupInstanceId() + ")");
    }

    /** After the app stopped: logs what each ingest source did. */
    void stopped() {
        if (ingestCounters != null) {
            ingestCounters.logSummary();
        }
    }

    /** The component: brokers and every client property of [KAFKA] (kept out of the URIs, which get logged). */
    KafkaComponent component() {
        KafkaConfiguration c = new KafkaConfiguration();
        c.setBrokers(kafka.brokers());
        Map<String, Object> client = new HashMap<>(kafka.clientProperties());
        c.setAdditionalProperties(client);
        KafkaComponent component = new KafkaComponent();
        component.setConfiguration(c);
        component.setKafkaManualCommitFactory(new DefaultKafkaManualAsyncCommitFactory());
        return component;
    }

    /**
     * Ingest's producer: key = meter id (text), value = the telegram bytes; acks from all in-sync replicas and
     * idempotence (no duplicates from the producer's retries); lz4 and a 10 ms linger batch the small records.
     */
    String producerUri() {
        return "kafka:" + kafka.topic() + "?valueSerializer=" + BYTE_ARRAY_SERIALIZER
                + "&requestRequiredAcks=all&enableIdempotence=true&lingerMs=10&compressionCodec=lz4";
    }

    /**
     * Bridge's consumer group. Kafka's timed auto-commit is off: Camel's Kafka consumer commits a record's offset only
     * after its exchange completed, that is after every event of the telegram is in the sink (the spool), with the
     * asynchronous commit manager (allowManualCommit + DefaultKafkaManualAsyncCommitFactory: offsets recorded per
     * record, committed per partition after each poll and when a partition is revoked). A failed exchange is not
     * committed: breakOnFirstError seeks back and reads it again (at-least-once). The cooperative sticky assignor
     * moves only the partitions that must move; the heartbeat is a third of the session timeout.
     */
    String consumerUri() {
        long sessionMs = kafka.sessionTimeout().toMillis();
        return "kafka:" + kafka.topic() + "?groupId=" + kafka.groupId()
                + (kafka.groupInstanceId().isEmpty() ? "" : "&groupInstanceId=" + kafka.groupInstanceId())
                + "&valueDeserializer=" + BYTE_ARRAY_DESERIALIZER + "&autoOffsetReset=earliest"
                + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true&maxPollRecords=500"
                + "&sessionTimeoutMs=" + sessionMs + "&heartbeatIntervalMs=" + Math.max(1000, sessionMs / 3)
                + "&partitionAssignor=" + COOPERATIVE_STICKY;
    }
}
