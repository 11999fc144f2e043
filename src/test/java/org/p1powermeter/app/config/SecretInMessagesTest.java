package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password typed where it does not belong (a misspelled key, a line without '=', a key of two words, a value given
 * to another key) never appears in a problem or warning line, whatever the source.
 */
class SecretInMessagesTest {
    private static final String SECRET = "hunter2-S3cret";

    @TempDir
    Path dir;

    /** Every problem (when loading fails) or every warning (when it succeeds): what the user would see. */
    private static List<String> messages(SettingsLoader loader) {
        try {
            return loader.load().warnings();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    private static void assertNoSecret(List<String> lines, int expectedLines) {
        assertEquals(expectedLines, lines.size(), lines.toString());
        for (String line : lines) {
            assertFalse(line.contains(SECRET), line);
            assertFalse(line.toLowerCase(java.util.Locale.ROOT).contains("hunter2"), line);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwrd=" + SECRET, "mqtt.passwrd=" + SECRET, "password " + SECRET + "=x",
        "p1.mqtt.password " + SECRET + "=x"})
    void aBadSetAssignmentNamesTheKeyAtMostNeverTheValue(String assignment) {
        List<String> problems = messages(new SettingsLoader().commandLineSetting(assignment, "--set"));
        assertNoSecret(problems, 1);
        assertTrue(problems.get(0).startsWith("command line --set"), problems.get(0));
    }

    @Test
    void aMisspelledSetKeyIsNamedWithItsSuggestion() {
        List<String> problems = messages(new SettingsLoader().commandLineSetting("passwrd=" + SECRET, "--set"));
        assertEquals(List.of("command line --set passwrd=...: unknown key passwrd (the value is not shown);"
                + " did you mean password?"), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[MQTT]\npassword " + SECRET + "\n", "[MQTT " + SECRET + "\n",
        "[password " + SECRET + "\n", SECRET + "\n[MQTT]\n", "password = " + SECRET + "\n[MQTT]\n",
        "password " + SECRET + ": x\n[MQTT]\n"})
    void aMalformedIniLineIsNamedByFileAndLineNotShown(String text) {
        Path ini = TestFiles.write(dir, "config.ini", text);
        List<String> problems = messages(new SettingsLoader().iniFile(ini, true));
        assertNoSecret(problems, 1);
        assertTrue(problems.get(0).matches(java.util.regex.Pattern.quote(ini.toString()) + ":[12]: .*"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[MQTT]\npasswrd = " + SECRET + "\n", "[MQTT]\npassword " + SECRET + " = x\n",
        "[MQTT " + SECRET + "]\npassword = x\n", "[VSCP]\npassword = " + SECRET + "\n",
        "[MQTT]\npassword = '" + SECRET + "'\npassword = \"" + SECRET + "\"\n"})
    void iniWarningsNeverShowTheSecret(String text) {
        Path ini = TestFiles.write(dir, "config.ini", text);
        assertNoSecret(messages(new SettingsLoader().iniFile(ini, true)), 1);
    }

    @Test
    void propertiesAndEnvironmentWarningsNameTheKeyOnly() {
        Path properties = TestFiles.write(dir, "a.properties", "p1.mqtt.passwrd=" + SECRET + "\n");
        List<String> warnings = messages(new SettingsLoader().propertiesFile(properties, true)
                .environment(Map.of("P1_MQTT_PASSWRD", SECRET, "P1_MQTT_PASSWORDS", SECRET)));
        assertNoSecret(warnings, 3);
    }

    @Test
    void theSecretGivenToAnotherKeyIsMaskedInThatKeysProblem() {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\npassword = " + SECRET + "\nport = " + SECRET + "\n"
                + "url = tcp://vscp:" + SECRET + "@broker:99999\n");
        List<String> problems = messages(new SettingsLoader().iniFile(ini, true)
                .environment(Map.of("P1_VSCP_GUID", "x" + SECRET)));
        assertNoSecret(problems, 3);
        assertTrue(problems.contains(ini + ":3: port = '****' is not a port number (an integer 1-65535)"), problems.toString());
    }

    @Test
    void aSecretReplacedByAHigherSourceIsStillMasked() {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\npassword = " + SECRET + "\nhost = " + SECRET + " x\n");
        List<String> problems = messages(new SettingsLoader().iniFile(ini, true)
                .environment(Map.of("P1_MQTT_PASSWORD", "another-one")));
        assertNoSecret(problems, 1);
        assertEquals(ini + ":3: host = '**** x' is not a host name or address", problems.get(0));
    }

    @Test
    void aProblemAboutTheSecretKeyItselfShowsTheMask() {
        RawSettings raw = RawSettings.defaults();
        raw.put(SettingCatalog.key(SettingCatalog.PASSWORD), SECRET, SettingOrigin.environment("P1_MQTT_PASSWORD"));
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ValueReader reader = new ValueReader(raw, problems, warnings);
        reader.problem(SettingCatalog.PASSWORD, "is refused");
        reader.warning(SettingCatalog.PASSWORD, "is odd");
        assertEquals(List.of("environment P1_MQTT_PASSWORD: password = '****' is refused"), problems);
        assertEquals(List.of("environment P1_MQTT_PASSWORD: password = '****' is odd"), warnings);
    }

    @Test
    void aShortSecretIsNotSearchedForSoMessagesStayReadable() {
        RawSettings raw = RawSettings.defaults();
        raw.put(SettingCatalog.key(SettingCatalog.PASSWORD), "ab", SettingOrigin.DEFAULT);
        assertEquals("table", raw.redact("table"));
        raw.put(SettingCatalog.key(SettingCatalog.PASSWORD), "tabl", SettingOrigin.DEFAULT);
        assertEquals("****e", raw.redact("table"));
    }
}
