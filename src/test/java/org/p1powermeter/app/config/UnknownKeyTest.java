package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.measure.MeasurementType;

/** Unknown keys are warnings with the closest valid key; their value is never applied to the meant key. */
class UnknownKeyTest {
    @TempDir
    Path dir;

    @Test
    void warnsAboutThePythonScriptsTypoKeyAndSuggestsTheRealOne() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[VSCP]\nsensorindex_momentan_reactive_effectl2_out=99\n");
        BridgeSettings settings = TestFiles.loadIni(ini);
        assertEquals(List.of(ini + ":2: unknown key sensorindex_momentan_reactive_effectl2_out in [VSCP] is ignored; "
                + "did you mean sensorindex_momentan_reactive_effect_l2_out?"), settings.warnings());
        assertEquals(17, settings.vscp().sensorIndex(MeasurementType.MOMENTAN_REACTIVE_EFFECT_L2_OUT));
    }

    @Test
    void warnsWithoutSuggestionWhenNothingIsClose() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\nwibble=1\n");
        assertEquals(List.of(ini + ":2: unknown key wibble in [MQTT] is ignored"), TestFiles.loadIni(ini).warnings());
    }

    @Test
    void namesTheSectionAKeyBelongsIn() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[GENERAL]\nhost=elsewhere\n");
        BridgeSettings settings = TestFiles.loadIni(ini);
        assertEquals(List.of(ini + ":2: host belongs in [MQTT], not [GENERAL]; it is ignored"), settings.warnings());
        assertEquals("127.0.0.1", settings.mqtt().host());
    }

    @Test
    void warnsOnceAboutAnUnknownSection() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[MQQT]\nhost=x\nport=2\n");
        BridgeSettings settings = TestFiles.loadIni(ini);
        assertEquals(List.of(ini + ":2: unknown section [MQQT], its keys are ignored; did you mean [MQTT]?"),
                settings.warnings());
        assertEquals(1883, settings.mqtt().port());
    }

    @Test
    void warnsAboutUnknownPropertiesAndIgnoresOtherFrameworksKeys() throws Exception {
        Path properties = TestFiles.write(dir, "application.properties",
                "camel.main.name=p1\n# c\np1.mqtt.hots=x\np1.mqtt.host = real\n");
        BridgeSettings settings = new SettingsLoader().propertiesFile(properties, true).load();
        assertEquals(List.of(properties + ":3: unknown key p1.mqtt.hots is ignored; did you mean p1.mqtt.host?"),
                settings.warnings());
        assertEquals("real", settings.mqtt().host());
    }

    @Test
    void warnsAboutUnknownP1EnvironmentVariablesOnly() throws Exception {
        BridgeSettings settings = new SettingsLoader()
                .environment(Map.of("P1_MQTT_HOTS", "x", "P1_JAR", "y", "PATH", "/bin")).load();
        assertEquals(List.of("environment P1_MQTT_HOTS: unknown setting is ignored; did you mean P1_MQTT_HOST?"),
                settings.warnings());
    }

    @Test
    void rejectsAnUnknownSetKeyWithASuggestion() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new SettingsLoader().commandLineSetting("mqtt.prot=1884", "--set").load());
        assertEquals(List.of("command line --set mqtt.prot=...: unknown key mqtt.prot (the value is not shown); did you mean port?"),
                e.problems());
        ConfigException wrongSection = assertThrows(ConfigException.class,
                () -> new SettingsLoader().commandLineSetting("serial.host=x", "--set").load());
        assertEquals(List.of("command line --set serial.host=...: unknown key serial.host (the value is not shown); did you mean host?"),
                wrongSection.problems());
    }

    @Test
    void suggestsOnlyCloseKeys() {
        assertEquals("host", KeySuggester.closest("hots", List.of("host", "port")).orElseThrow());
        assertEquals("port", KeySuggester.closest("PORT", List.of("host", "port")).orElseThrow());
        assertEquals(true, KeySuggester.closest("xyz", List.of("host", "port")).isEmpty());
        assertEquals(1, KeySuggester.distance("effectl2", "effect_l2"));
        assertEquals(1, KeySuggester.distance("hots", "host"));
        assertEquals(3, KeySuggester.distance("kitten", "sitting"));
    }
}
