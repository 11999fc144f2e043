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
}
