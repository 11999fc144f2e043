package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.paho.PahoConstants;
import org.junit.jupiter.api.Test;
import org.p1powermeter.ha.HaMessage;
import org.p1powermeter.ha.HaOptions;
import org.p1powermeter.ha.HaRules;
import org.p1powermeter.ha.HomeAssistantMessages;
import org.p1powermeter.measure.SendGroup;

/**
 * The shipped route with [HOMEASSISTANT] discovery on (every group but frequency sent, VSCP events beside): for the
 * bundled telegram and corpus meters the sink gets, per telegram, the removals (first time), the configs of new
 * entities, one state message and the VSCP events; what it got keeps every rule of docs/home-assistant.md.
 */
class BridgeRouteHomeAssistantTest extends BridgeRouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private HomeAssistantStage stage;

    @Override
    Set<SendGroup> sentGroups() {
        EnumSet<SendGroup> all = EnumSet.allOf(SendGroup.class);
        all.remove(SendGroup.FREQUENCY);
        return all;
    }

    @Override
    P1Beans beans(P1Beans d) {
        stage = new HomeAssistantStage(new HomeAssistantMessages(new HaOptions("homeassistant", "p1", 60, false, "test",
                "")), true, sentGroups());
        return new P1Beans(d.telegrams(), d.sendFlags(), d.vscp(), d.console(), d.printer(),
                RateWindowStage.everyTelegram(sentGroups(), d.telegrams().metrics()), stage);
    }

    private List<HaRules.Published> published(MockEndpoint sink) {
        List<HaRules.Published> out = new ArrayList<>();
        for (Exchange e : sink.getExchanges()) {
            out.add(new HaRules.Published(e.getMessage().getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC, String.class),
                    new String(e.getMessage().getBody(byte[].class), StandardCharsets.UTF_8),
                    e.getMessage().getHeader(PahoConstants.CAMEL_PAHO_MSG_RETAINED, false, Boolean.class)));
        }
        return out;
    }

    @Test
    void theSwedishTelegramGetsConfigsOneStateAndItsVscpEvents() throws Exception {
        MockEndpoint sink = getMockEndpoint("mock:p1spool:p1");
        template.sendBody("direct:telegrams", swedishTelegram());
        template.sendBody("direct:telegrams", swedishTelegram());
        List<HaRules.Published> got = published(sink);
        assertEquals(new HaRules.Published("p1/status", "online", true), got.get(0), "online before anything else");
        assertEquals(List.of(), HaRules.violations(got));

        long configs = got.stream().filter(p -> p.topic().endsWith("/config") && !p.payload().isEmpty()).count();
        long removals = got.stream().filter(p -> p.topic().endsWith("/config") && p.payload().isEmpty()).count();
        long states = got.stream().filter(p -> p.topic().endsWith("/state")).count();
        long events = got.stream().filter(p -> p.topic().startsWith("vscp/")).count();
        assertEquals(26, configs, "one config per measurement of the telegram, sent once");
        assertEquals(1, removals, "frequency is switched off: its config is removed");
        assertEquals(2, states, "one state per telegram");
        assertEquals(52, events, "the VSCP events run beside");
        assertTrue(got.get(1).topic().endsWith("/frequency/config"), "then the removals: " + got.get(1));

        JsonNode state = JSON.readTree(got.stream().filter(p -> p.topic().endsWith("/state")).findFirst().orElseThrow().payload());
        assertEquals(1727, state.get("momentan_active_effect_out").intValue(), "power in W");
        assertEquals(309, state.get("momentan_reactive_effect_in").intValue(), "reactive power in var");
        assertEquals("6678.394", state.get("sum_active_energy_out").decimalValue().toPlainString(), "energy in kWh");
        assertEquals("p1/ELL5_253833635_A/state", got.stream().filter(p -> p.topic().endsWith("/state")).findFirst()
                .orElseThrow().topic(), "no equipment id: the header names the meter");

        JsonNode energy = JSON.readTree(got.stream()
                .filter(p -> p.topic().equals("homeassistant/sensor/p1_ELL5_253833635_A/sum_active_energy_out/config"))
                .findFirst().orElseThrow().payload());
        assertEquals("Energy import", energy.get("name").asText());
        assertEquals("energy", energy.get("device_class").asText());
        assertEquals("total_increasing", energy.get("state_class").asText());
        assertEquals("Sagemcom", energy.at("/device/manufacturer").asText());
        JsonNode voltage = JSON.readTree(got.stream()
                .filter(p -> p.topic().endsWith("/voltage_l1/config")).findFirst().orElseThrow().payload());
        assertEquals("diagnostic", voltage.get("entity_category").asText());
        assertEquals(false, voltage.get("enabled_by_default").asBoolean());
    }

    @Test
    void corpusMetersKeepEveryRuleAndMbusMetersAreTheirOwnDevices() throws Exception {
        MockEndpoint sink = getMockEndpoint("mock:p1spool:p1");
        for (String file : List.of("v5_iskra_am550_two_mbus.txt", "be_fluvius_v171.txt", "hu_eon_sag_meter.txt",
                "at_sagemcom_t210_d_r_plaintext.txt", "v4_2_kaifa.txt", "v5_nwa_warmtelink_heat_unpadded_crc.txt")) {
            template.sendBody("direct:telegrams", frame("/corpus/dsmr_parser/" + file));
        }
        List<HaRules.Published> got = published(sink);
        assertEquals(List.of(), HaRules.violations(got));
        Set<String> meters = new HashSet<>();
        JsonNode gas = null;
        for (HaRules.Published p : got) {
            if (p.topic().endsWith("/state")) {
                meters.add(p.topic());
            }
            if (p.topic().endsWith("/gas_volume_2/config")) {
                gas = JSON.readTree(p.payload());
            }
        }
        assertEquals(6, meters.size(), "one state topic per meter: " + meters);
        assertTrue(gas != null, "the NL gas meter on channel 2 is announced");
        assertEquals("gas", gas.get("device_class").asText());
        assertEquals("m³", gas.get("unit_of_measurement").asText());
        assertTrue(gas.at("/device/via_device").asText().startsWith("p1_"), "via the electricity meter: " + gas);
        assertTrue(!gas.at("/device/identifiers/0").asText().equals(gas.at("/device/via_device").asText()));
        assertTrue(gas.get("expire_after").asInt() >= HaOptions.MBUS_EXPIRE_AFTER_SECONDS);
    }

    @Test
    void homeAssistantStartingGetsEveryConfigAgain() throws Exception {
        template.sendBody("direct:telegrams", swedishTelegram());
        List<HaMessage> again = stage.rediscovery();
        assertEquals("p1/status", again.get(0).topic());
        assertEquals("online", again.get(0).payloadText());
        assertEquals(27, again.size(), "online and the 26 configs");
        assertTrue(again.stream().allMatch(HaMessage::retained));
    }
}
