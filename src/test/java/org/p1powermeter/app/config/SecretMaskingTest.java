package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretMaskingTest {
    private static final String PASSWORD = "s3cr3t-Pa55";

    @TempDir
    Path dir;

    @Test
    void toStringAndDebugLinesNeverShowThePassword() throws Exception {
        BridgeSettings settings = new SettingsLoader().environment(Map.of("P1_MQTT_PASSWORD", PASSWORD,
                "P1_MQTT_USER", "meter")).load();
        assertEquals(PASSWORD, settings.mqtt().password());
        assertFalse(settings.toString().contains(PASSWORD), settings.toString());
        assertFalse(settings.mqtt().toString().contains(PASSWORD));
        assertTrue(settings.mqtt().toString().contains("password=****"));
        assertTrue(settings.describe().contains("[MQTT] password = **** (environment P1_MQTT_PASSWORD)"));
        assertTrue(settings.describe().stream().noneMatch(line -> line.contains(PASSWORD)));
        assertTrue(settings.describe().contains("[MQTT] user = meter (environment P1_MQTT_USER)"));
    }

    @Test
    void showsAnEmptyPasswordAsEmpty() throws Exception {
        BridgeSettings settings = new SettingsLoader().load();
        assertTrue(settings.describe().contains("[MQTT] password =  (default)"));
    }

    @Test
    void warnsWhenTheIniFileWithThePasswordIsReadableByOthers() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\npassword=" + PASSWORD + "\n");
        Assumptions.assumeTrue(Files.getFileStore(ini).supportsFileAttributeView("posix"));
        assertTrue(TestFiles.loadIni(ini).warnings().isEmpty());
        Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(java.util.List.of(ini + " holds the MQTT password but is readable by group or others (rw-r--r--); run: chmod 600 " + ini),
                TestFiles.loadIni(ini).warnings());
    }

    @Test
    void warnsAboutAReadablePropertiesFileWithThePasswordButNotWithoutOne() throws Exception {
        Path withPassword = TestFiles.write(dir, "a.properties", "p1.mqtt.password=" + PASSWORD + "\n");
        Path without = TestFiles.write(dir, "b.properties", "p1.mqtt.host=x\n");
        Assumptions.assumeTrue(Files.getFileStore(without).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(withPassword, PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(without, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, new SettingsLoader().propertiesFile(withPassword, true).load().warnings().size());
        assertTrue(new SettingsLoader().propertiesFile(without, true).load().warnings().isEmpty());
    }

    private static final String P1_KEY = "D491470F47126332B07D1923B3504188";
    private static final String P1_AUTH = "102030405060708090A0B0C0D0E0F000";

    @Test
    void theKeysOfAnEncryptedPortAreMaskedLikeThePassword() throws Exception {
        BridgeSettings settings = new SettingsLoader().environment(Map.of("P1_SERIAL_DECRYPTION_KEY", P1_KEY,
                "P1_SERIAL_AUTHENTICATION_KEY", P1_AUTH)).load();
        assertTrue(settings.serial().keys().isPresent());
        for (String shown : java.util.List.of(settings.toString(), settings.serial().toString(),
                String.join("\n", settings.describe()))) {
            assertFalse(shown.contains(P1_KEY) || shown.contains(P1_AUTH), shown);
            assertFalse(shown.toUpperCase(java.util.Locale.ROOT).contains("D491470F"), shown);
        }
        assertTrue(settings.describe().contains("[SERIAL] decryption_key = **** (environment P1_SERIAL_DECRYPTION_KEY)"));
        assertTrue(settings.describe().contains("[SERIAL] authentication_key = **** (environment P1_SERIAL_AUTHENTICATION_KEY)"));
    }

    @Test
    void aMalformedKeyIsReportedWithoutShowingIt() {
        String typo = P1_KEY.substring(0, 31) + "Z";
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new SettingsLoader().commandLineSetting("decryption_key=" + typo, "--set")
                        .commandLineSetting("authentication_key=" + P1_AUTH + "0", "--set").load());
        assertEquals(java.util.List.of(
                "command line --set: decryption_key = '****' is not 32 hex digits (it has characters other than 0-9 and A-F)",
                "command line --set: authentication_key = '****' is not 32 hex digits (it has 33 characters)"), e.problems());
        assertFalse(e.getMessage().contains(typo.substring(0, 12)), e.getMessage());
    }

    @Test
    void anAuthenticationKeyAloneIsAProblem() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new SettingsLoader().commandLineSetting("authentication_key=" + P1_AUTH, "--set").load());
        assertEquals(java.util.List.of("command line --set: authentication_key = '****' needs decryption_key (the"
                + " meter's key) as well"), e.problems());
    }

    @Test
    void warnsWhenTheIniFileWithAP1KeyIsReadableByOthers() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[SERIAL]\ndecryption_key=" + P1_KEY + "\n");
        Assumptions.assumeTrue(Files.getFileStore(ini).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-r--r--"));
        java.util.List<String> warnings = TestFiles.loadIni(ini).warnings();
        assertEquals(java.util.List.of(ini + " holds the decryption_key of the encrypted P1 port but is readable by group or"
                + " others (rw-r--r--); run: chmod 600 " + ini), warnings);
    }
}
