package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory;
import org.junit.jupiter.api.Test;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.SettingsLoader;

/** What [KAFKA] becomes: the kafka component and the ingest and bridge endpoint URIs. */
class FleetAssemblyTest {

    private static BridgeSettings load(String... sets) throws Exception {
        SettingsLoader loader = new SettingsLoader();
        for (String set : sets) {
            loader.commandLineSetting(set, "--set");
        }
        return loader.load();
    }

    @Test
    void theBridgeConsumesItsGroupWithStaticMembershipAndCommitsOnlyWhatWasProcessed() throws Exception {
        FleetAssembly fleet = new FleetAssembly(load("mode=bridge", "kafka.topic=meters", "group_id=g1",
                "group_instance_id=pod-3", "session_timeout=12"));
        String uri = fleet.consumerUri();
        assertTrue(uri.startsWith("kafka:meters?groupId=g1&groupInstanceId=pod-3&"), uri);
        for (String option : new String[] {"autoCommitEnable=false", "allowManualCommit=true", "breakOnFirstError=true",
            "autoOffsetReset=earliest", "sessionTimeoutMs=12000", "heartbeatIntervalMs=4000",
            "valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "partitionAssignor=org.apache.kafka.clients.consumer.CooperativeStickyAssignor"}) {
            assertTrue(uri.contains(option), option + " in " + uri);
        }
        assertFalse(new FleetAssembly(load("mode=bridge")).consumerUri().contains("groupInstanceId"),
                "no static membership unless configured");
    }

    @Test
    void ingestProducesBytesIdempotentlyToAllReplicas() throws Exception {
        String uri = new FleetAssembly(load("mode=ingest")).producerUri();
        assertEquals("kafka:p1.telegrams?valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"
                + "&requestRequiredAcks=all&enableIdempotence=true&lingerMs=10&compressionCodec=lz4", uri);
    }

    @Test
    void aDryRunTheDemoAndABridgeOnACaptureAreRefusedBeforeAnythingStarts() {
        assertRefused("-n/--dry-run runs in [GENERAL] mode = standalone only; mode = bridge would join the consumer"
                + " group and commit its offsets", "--set", "mode=bridge", "-n");
        assertRefused("--demo runs in [GENERAL] mode = standalone only; mode = ingest would write to the Kafka topic",
                "--set", "mode=ingest", "--demo");
        assertRefused("-i/--input: [GENERAL] mode = bridge reads the Kafka topic", "--set", "mode=bridge", "-i", "-");
    }

    private static void assertRefused(String message, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = P1PowerMeter.run(args, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, code, stderr);
        assertTrue(stderr.contains("p1-power-meter: " + message), stderr);
        assertEquals("", out.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing was started");
    }

    @Test
    void brokersAndSecurityGoToTheComponentNotIntoAnyUri() throws Exception {
        FleetAssembly fleet = new FleetAssembly(load("mode=bridge", "brokers=k1:9093,k2:9093",
                "security_protocol=SASL_SSL", "sasl_mechanism=PLAIN", "sasl_jaas_config=secret-jaas"));
        KafkaComponent component = fleet.component();
        assertEquals("k1:9093,k2:9093", component.getConfiguration().getBrokers());
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN", "sasl.jaas.config", "secret-jaas"),
                component.getConfiguration().getAdditionalProperties());
        assertTrue(component.getKafkaManualCommitFactory() instanceof DefaultKafkaManualAsyncCommitFactory,
                "the asynchronous commit manager");
        assertFalse(fleet.consumerUri().contains("secret"));
        assertFalse(fleet.producerUri().contains("secret"));
    }
}
