package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BooleanSpellingTest {

    private static BridgeSettings withRetained(String text) throws ConfigException {
        return new SettingsLoader().environment(Map.of("P1_MQTT_RETAINED", text)).load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "yes", "Yes", "on", "ON", "1", " true "})
    void readsTrueSpellings(String text) throws Exception {
        BridgeSettings settings = withRetained(text);
        assertTrue(settings.mqtt().retained());
        assertTrue(settings.warnings().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False", "no", "NO", "off", "Off", "0"})
    void readsFalseSpellings(String text) throws Exception {
        BridgeSettings settings = withRetained(text);
        assertEquals(false, settings.mqtt().retained());
        assertTrue(settings.warnings().isEmpty());
    }

    @Test
    void readsAWordWithTrailingJunkWithAWarning() throws Exception {
        BridgeSettings settings = withRetained("yes!");
        assertTrue(settings.mqtt().retained());
        assertEquals(List.of("environment P1_MQTT_RETAINED: retained = 'yes!' is read as true (ignoring the trailing '!')"),
                settings.warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "truee", "y", "2", "enabled", "false true", ":false"})
    void rejectsAnythingElse(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> withRetained(text));
        assertEquals(List.of("environment P1_MQTT_RETAINED: retained = '" + text
                + "' is not a boolean (use true/false, yes/no, on/off or 1/0)"), e.problems());
    }
}
