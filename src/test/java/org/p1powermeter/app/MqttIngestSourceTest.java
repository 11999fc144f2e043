package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.SettingsLoader;
import org.p1powermeter.app.demo.DemoBroker;
import org.p1powermeter.camel.fleet.FleetConstants;
import org.p1powermeter.camel.fleet.FleetRoutes;
import org.p1powermeter.camel.fleet.TelegramRecordProcessor;
import org.p1powermeter.it.FleetTelegrams;
import org.p1powermeter.p1.TelegramParser;

/**
 * {@code [MQTT] input_topic} as the source of {@code [GENERAL] mode = ingest}: the app's ingest source is the p1mqtt:
 * input, and the ingest route turns what arrives on the topic filter (a real embedded MQTT broker on 127.0.0.1) into
 * records keyed by meter; a telegram with a bad CRC is not passed on. The Kafka producer is replaced by a mock
 * endpoint (the real broker's side is FleetIngestIT's).
 */
class MqttIngestSourceTest {

    private static BridgeSettings load(String... assignments) throws Exception {
        SettingsLoader loader = new SettingsLoader();
        for (String a : assignments) {
            loader.commandLineSetting(a, "--set");
        }
        return loader.load();
    }

    @Test
    void theInputTopicIsTheOneIngestSource() throws Exception {
        BridgeAssembly assembly = new BridgeAssembly(load("mode=ingest", "input_topic=meters/+/raw", "qos=1"));
        String mqtt = assembly.mqttInputUri();
        assertEquals(List.of(mqtt), assembly.ingestSources(mqtt, mqtt));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void telegramsOnTheInputTopicBecomeRecordsKeyedByMeter() throws Exception {
        BridgeAssembly assembly = new BridgeAssembly(load("mode=ingest", "input_topic=meters/+/raw", "qos=1",
                "crc=required"));
        byte[] first = FleetTelegrams.telegram(1, 1);
        byte[] second = FleetTelegrams.telegram(2, 1);
        byte[] bad = FleetTelegrams.telegram(3, 1);
        bad[40] = (byte) (bad[40] == '0' ? '1' : '0'); // the CRC no longer matches
        try (DemoBroker broker = DemoBroker.start(); CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind(BridgeAssembly.INPUT_PAHO_BEAN, assembly.inputPaho(broker.url()));
            context.getRegistry().bind(FleetRoutes.RECORD_PROCESSOR,
                    new TelegramRecordProcessor(new TelegramParser(java.time.ZoneId.of("Europe/Amsterdam")), Clock.systemUTC()));
            String mqtt = assembly.mqttInputUri();
            context.addRoutes(FleetRoutes.ingest(assembly.ingestSources(mqtt, mqtt), "mock:kafka"));
            MockEndpoint kafka = context.getEndpoint("mock:kafka", MockEndpoint.class);
            kafka.expectedMessageCount(2);
            MqttClient publisher = new MqttClient(broker.url(), "test-publisher", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            publisher.connect(options);
            publisher.publish("meters/a/raw", first, 1, true); // retained: delivered once the source has subscribed
            context.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (kafka.getReceivedCounter() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            publisher.publish("meters/b/raw", bad, 1, false);
            publisher.publish("meters/c/raw", second, 1, false);
            kafka.assertIsSatisfied(20_000);
            publisher.disconnect();
            publisher.close();
            Map<String, byte[]> byKey = new HashMap<>();
            for (Exchange e : kafka.getReceivedExchanges()) {
                byKey.put(e.getMessage().getHeader(KafkaConstants.KEY, String.class), e.getMessage().getBody(byte[].class));
                assertEquals("mqtt:meters/+/raw", e.getMessage().getHeader(FleetConstants.RECORD_SOURCE, String.class),
                        "the source is the input topic filter");
            }
            assertEquals(2, byKey.size(), byKey.keySet().toString());
            assertArrayEquals(first, byKey.get(FleetTelegrams.meterId(1)));
            assertArrayEquals(second, byKey.get(FleetTelegrams.meterId(2)));
        }
    }
}
