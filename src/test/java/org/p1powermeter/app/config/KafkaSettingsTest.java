package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [GENERAL] mode} and [KAFKA], from every source like the other keys. */
class KafkaSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreStandaloneAndTheDocumentedKafkaValues() throws Exception {
        KafkaSettings kafka = new SettingsLoader().load().kafka();
        assertEquals(KafkaSettings.Mode.STANDALONE, kafka.mode());
        assertFalse(kafka.usesKafka());
        assertEquals("127.0.0.1:9092", kafka.brokers());
        assertEquals("p1.telegrams", kafka.topic());
        assertEquals("p1bridge", kafka.groupId());
        assertEquals("", kafka.groupInstanceId());
        assertEquals(Duration.ofSeconds(45), kafka.sessionTimeout());
        assertEquals(Map.of(), kafka.clientProperties());
    }

    @Test
    void setKafkaBrokersWorksLikeEveryOtherKeyAndTopicStaysMqttsUnlessQualified() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[GENERAL]\nmode = bridge\n[MQTT]\ntopic = p1/{xguid}\n"
                + "[KAFKA]\ntopic = meters.raw\ngroup_id = fleet-a\ngroup_instance_id = pod-0\nsession_timeout = 10\n");
        BridgeSettings settings = new SettingsLoader().iniFile(ini, true)
                .commandLineSetting("kafka.brokers=10.0.0.1:9092,10.0.0.2:9092", "--set").load();
        assertEquals(KafkaSettings.Mode.BRIDGE, settings.kafka().mode());
        assertEquals("10.0.0.1:9092,10.0.0.2:9092", settings.kafka().brokers());
        assertEquals("meters.raw", settings.kafka().topic());
        assertEquals("p1/{xguid}", settings.mqtt().topic(), "[MQTT] topic is its own key");
        assertEquals("fleet-a", settings.kafka().groupId());
        assertEquals("pod-0", settings.kafka().groupInstanceId());
        assertEquals(Duration.ofSeconds(10), settings.kafka().sessionTimeout());
        assertTrue(settings.warnings().isEmpty(), settings.warnings().toString());

        BridgeSettings set = new SettingsLoader().commandLineSetting("topic=a/{xguid}", "--set")
                .commandLineSetting("kafka.topic=b", "--set").commandLineSetting("p1.general.mode=ingest", "--set")
                .commandLineSetting("brokers=h:1", "--set").load();
        assertEquals("a/{xguid}", set.mqtt().topic(), "a bare topic is [MQTT] topic, as before [KAFKA] existed");
        assertEquals("b", set.kafka().topic());
        assertEquals(KafkaSettings.Mode.INGEST, set.kafka().mode());
        assertEquals("h:1", set.kafka().brokers());
    }

    @Test
    void environmentAndPropertiesReachKafkaKeys() throws Exception {
        Path properties = TestFiles.write(dir, "application.properties", "p1.kafka.topic=from.properties\np1.general.mode=ingest\n");
        BridgeSettings settings = new SettingsLoader().propertiesFile(properties, true)
                .environment(Map.of("P1_KAFKA_GROUP_ID", "from-env", "P1_KAFKA_SASL_JAAS_CONFIG", "secret-jaas-text")).load();
        assertEquals("from.properties", settings.kafka().topic());
        assertEquals("from-env", settings.kafka().groupId());
        assertEquals(KafkaSettings.Mode.INGEST, settings.kafka().mode());
        assertEquals("secret-jaas-text", settings.kafka().clientProperties().get("sasl.jaas.config"));
        assertFalse(String.join("\n", settings.describe()).contains("secret-jaas-text"), "a secret is never listed");
        assertFalse(settings.toString().contains("secret-jaas-text"));
    }

    @Test
    void securityKeysAndClientPropertiesPassThroughUnderTheirKafkaNames() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[KAFKA]\nsecurity_protocol = SASL_SSL\nsasl_mechanism = SCRAM-SHA-512\n"
                + "ssl_truststore_location = /etc/kafka/ca.p12\nssl_truststore_password = changeit\n"
                + "ssl_keystore_location = /etc/kafka/me.p12\nssl_keystore_password = kspass\n"
                + "client_properties = ssl.endpoint.identification.algorithm=; max.poll.records = 1000\n");
        Map<String, String> client = new SettingsLoader().iniFile(ini, true).load().kafka().clientProperties();
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/kafka/ca.p12", "ssl.truststore.password", "changeit",
                "ssl.keystore.location", "/etc/kafka/me.p12", "ssl.keystore.password", "kspass",
                "ssl.endpoint.identification.algorithm", "", "max.poll.records", "1000"), client);
    }

    @Test
    void badValuesAreNamedAllAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader()
                .commandLineSetting("mode=cluster", "--set").commandLineSetting("kafka.topic=a topic", "--set")
                .commandLineSetting("session_timeout=2", "--set").commandLineSetting("client_properties=novalue", "--set")
                .load());
        String text = String.join("\n", e.problems());
        assertTrue(text.contains("mode = 'cluster' is not one of standalone, ingest, bridge"), text);
        assertTrue(text.contains("kafka.topic = 'a topic' is not a Kafka topic name"), text);
        assertTrue(text.contains("session_timeout = '2' is not a number of seconds"), text);
        assertTrue(text.contains("client_properties = '****' has an item that is not key=value"), text);
    }

    @Test
    void aBridgeNeedsBrokersAndCannotBeOneShot() {
        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader()
                .commandLineSetting("mode=bridge", "--set").commandLineSetting("brokers=nohostport", "--set")
                .commandLineSetting("one_shot=true", "--set").load());
        String text = String.join("\n", e.problems());
        assertTrue(text.contains("brokers = 'nohostport' is not a list of host:port"), text);
        assertTrue(text.contains("one_shot (-s) works only in modes standalone and ingest"), text);
    }

    @Test
    void anIniKeyInTheWrongSectionIsNamed() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\ngroup_id = x\n");
        BridgeSettings settings = new SettingsLoader().iniFile(ini, true).load();
        assertTrue(settings.warnings().toString().contains("group_id belongs in [KAFKA], not [MQTT]"), settings.warnings().toString());
    }
}
