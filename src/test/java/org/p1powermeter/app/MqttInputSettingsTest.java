package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.SettingsLoader;
import org.p1powermeter.camel.source.P1MqttEndpoint;

/** {@code [MQTT] input_topic}: a topic filter that the bridge's own events can never match, as a p1mqtt: source. */
class MqttInputSettingsTest {

    private static BridgeSettings load(String... assignments) throws Exception {
        SettingsLoader loader = new SettingsLoader();
        for (String a : assignments) {
            loader.commandLineSetting(a, "--set");
        }
        return loader.load();
    }

    @ParameterizedTest
    @CsvSource({"dsmr/raw, dsmr/raw", "meters/+/raw, meters/%2B/raw", "raw/#, raw/%23", "esphome/p1 meter/telegram, esphome/p1%20meter/telegram"})
    void anInputTopicBecomesAP1MqttSourceWhoseTopicSurvivesTheUri(String filter, String inUri) throws Exception {
        String uri = new BridgeAssembly(load("input_topic=" + filter, "qos=0", "crc=required")).mqttInputUri();
        assertEquals("p1mqtt:" + inUri + "?pahoComponent=p1InputPaho&qos=0&crcPolicy=REQUIRED", uri);
        try (CamelContext context = new DefaultCamelContext()) {
            P1MqttEndpoint endpoint = context.getEndpoint(uri, P1MqttEndpoint.class);
            assertEquals(filter, endpoint.getTopic());
            assertEquals(0, endpoint.getQos());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "#|vscp/{xguid}/{xclass}/{xtype}",
        "vscp/#|vscp/{xguid}/{xclass}/{xtype}",
        "vscp/+/1040/+|vscp/{xguid}/{xclass}/{xtype}",
        "+/+/+/13|vscp/{xguid}/{xclass}/{xtype}",
        "p1/+/state|p1/{meter}/state",
        "homeassistant/sensor/#|homeassistant/sensor/{node}/{object}/config",
    })
    void anInputTopicThatTheEventsCouldMatchIsRefused(String filter, String template) {
        ConfigException e = assertThrows(ConfigException.class, () -> load("input_topic=" + filter));
        assertEquals(List.of("command line --set: input_topic = '" + filter + "' overlaps the topic the bridge publishes"
                + " its events on (" + template + "): its own events would come back as input; choose a topic outside it"),
                e.problems());
    }

    @Test
    void withNoVscpTheNotesAreTheTopicsThatMustNotBeRead() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load("no_vscp=true", "input_topic=+"));
        assertEquals(1, e.problems().size(), e.problems().toString());
        load("no_vscp=true", "input_topic=dsmr/raw"); // fine
        load("input_topic=vscp"); // one level: no event topic has one level
    }

    @Test
    void aMalformedFilterIsAProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("input_topic=dsmr/#/raw"));
        assertEquals(List.of("command line --set: input_topic = 'dsmr/#/raw' is not an MQTT topic filter: it has #"
                + " elsewhere than as the whole last level"), e.problems());
    }
}
