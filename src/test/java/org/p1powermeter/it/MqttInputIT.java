package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.PahoComponent;
import org.apache.camel.component.paho.PahoConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.camel.P1Constants;
import org.p1powermeter.camel.P1TelegramProcessor;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.p1.TelegramParser;

/**
 * Raw telegrams over MQTT ({@code [MQTT] input_topic}) with a real Mosquitto: another client publishes telegrams
 * with and without their final CR LF, garbage, an oversize message and a telegram with a wrong CRC in between;
 * every good telegram is published as events, nothing else.
 */
class MqttInputIT {

    private static final String OUT_TOPIC = "Meter reading active energy out";

    @TempDir
    Path dir;
    private Mosquitto broker;

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient gateway() throws Exception {
        MqttClient client = new MqttClient(broker.url(), "it-gateway-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("vscp");
        options.setPassword("secret".toCharArray());
        client.connect(options);
        return client;
    }

    private static byte[] withoutFinalLineEnd(byte[] telegram) {
        return Arrays.copyOf(telegram, telegram.length - 2);
    }

    @Test
    void theBridgePublishesEveryGoodTelegramOfTheInputTopicAndNothingElse() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret");
        Path config = dir.resolve("config.ini");
        Files.writeString(config, SwedishTelegram.seedConfig(broker.port(), "/dev/nonexistent-p1", Map.of()));
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), "vscp", "secret", OUT_TOPIC);
                BridgeProcess bridge = BridgeProcess.start(dir, List.of(),
                        List.of("-Dorg.slf4j.simpleLogger.log.org.p1powermeter.camel.source=info"),
                        List.of("-c", config.toString(), "--set", "input_topic=meters/+/raw"), null)) {
            ItTools.waitUntil(() -> log(bridge).contains("MQTT input meters/+/raw: OPEN"), 30);
            assertTrue(log(bridge).contains("MQTT input meters/+/raw: OPEN"), bridge::toString);
            MqttClient gateway = gateway();
            byte[] oversize = new byte[20_000];
            Arrays.fill(oversize, (byte) '7');
            oversize[0] = '/';
            byte[] badCrc = SwedishTelegram.numbered(3);
            badCrc[badCrc.length - 3] = (byte) (badCrc[badCrc.length - 3] == '0' ? '1' : '0');
            List<byte[]> messages = List.of(SwedishTelegram.numbered(1), "hello, not a telegram".getBytes(),
                    withoutFinalLineEnd(SwedishTelegram.numbered(2)), oversize, badCrc, new byte[0],
                    SwedishTelegram.numbered(4));
            for (byte[] m : messages) {
                gateway.publish("meters/kitchen/raw", m, 1, false);
            }
            gateway.publish("meters/hall/raw", SwedishTelegram.numbered(5), 1, false); // the wildcard
            gateway.publish("meters/kitchen/other", SwedishTelegram.numbered(6), 1, false); // not subscribed
            gateway.disconnect();
            gateway.close();
            recorder.await(4, 15, TimeUnit.SECONDS);
            Thread.sleep(1000); // nothing else may come
            List<String> values = recorder.snapshot().stream().map(MqttRecorder.Received::payload).toList();
            assertEquals(List.of("1001.000", "1002.000", "1004.000", "1005.000"), values, bridge::toString);
            String log = log(bridge);
            for (String reason : List.of("NOISE", "OVERSIZE", "CRC_MISMATCH")) {
                assertTrue(log.contains("is not a valid telegram (" + reason + ")"), reason + "\n" + log);
            }
        }
    }

    @Test
    void theComponentPutsTheTopicAndTheMetersEquipmentIdIntoTheHeaders() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"), "vscp", "secret");
        List<Message> got = new CopyOnWriteArrayList<>();
        PahoConfiguration c = new PahoConfiguration();
        c.setBrokerUrl(broker.url());
        c.setUserName("vscp");
        c.setPassword("secret");
        c.setClientId("it-bridge");
        PahoComponent paho = new PahoComponent();
        paho.setConfiguration(c);
        byte[] dutch = getClass().getResourceAsStream("/corpus/dsmr_parser/v5_iskra_mt382_1000.txt").readAllBytes();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("paho", paho);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("p1mqtt:dsmr/%23").routeId("in")
                            .process(new P1TelegramProcessor(new TelegramParser(java.time.ZoneId.of("Europe/Amsterdam")),
                                    new MeasurementExtractor()))
                            .process(e -> got.add(e.getMessage().copy()));
                }
            });
            context.start();
            ItTools.waitUntil(() -> "OPEN".equals(sourceState(context)), 30);
            MqttClient gateway = gateway();
            gateway.publish("dsmr/raw", dutch, 1, false);
            gateway.disconnect();
            gateway.close();
            ItTools.waitUntil(() -> !got.isEmpty(), 15);
        }
        assertEquals(1, got.size());
        assertEquals("dsmr/raw", got.get(0).getHeader(P1Constants.INPUT_TOPIC));
        assertEquals("mqtt:dsmr/#", got.get(0).getHeader(P1Constants.SOURCE));
        String meterId = got.get(0).getHeader(P1Constants.METER_ID, String.class);
        assertTrue(meterId != null && !meterId.isEmpty(), "equipment id header: " + meterId);
    }

    private static String sourceState(CamelContext context) {
        var consumer = (org.p1powermeter.camel.source.P1MqttConsumer) context.getRoute("in").getConsumer();
        return consumer.portState().name();
    }

    private static String log(BridgeProcess bridge) {
        try {
            return bridge.stderr();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
