package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.p1.CrcPolicy;

/** Command line > environment > config.ini > application.properties > built-in defaults. */
class SettingsPrecedenceTest {
    @TempDir
    Path dir;

    @Test
    void usesThePythonDefaultsWhenThereIsNoSource() throws Exception {
        BridgeSettings settings = new SettingsLoader().iniFile(dir.resolve("config.ini"), false).load();
        assertFalse(settings.general().oneShot());
        assertFalse(settings.general().noVscp());
        assertEquals(26, settings.sentMeasurements().size());
        assertEquals("", settings.vscp().guid());
        assertEquals(VscpSettings.Encoding.STRING, settings.vscp().encoding());
        assertEquals(1040, settings.vscp().encoding().vscpClass());
        assertEquals(VscpSettings.EventTime.TELEGRAM, settings.vscp().eventTime());
        assertEquals(38, settings.vscp().sensorIndex(org.p1powermeter.measure.Sensor.of(MeasurementType.HEAT_ENERGY, 1)));
        assertEquals(188, settings.vscp().sensorIndex(org.p1powermeter.measure.Sensor.of(MeasurementType.HEAT_ENERGY, 4)));
        assertEquals("tcp://127.0.0.1:1883", settings.mqtt().brokerUrl());
        assertEquals(Optional.empty(), settings.mqtt().url());
        assertEquals(1, settings.mqtt().qos());
        assertFalse(settings.mqtt().retained());
        assertFalse(settings.mqtt().hasCredentials());
        assertEquals("Voltage L1", settings.mqtt().note(MeasurementType.VOLTAGE_L1));
        assertEquals(8, settings.serial().dataBits());
        assertEquals(SerialSettings.Parity.NONE, settings.serial().parity());
        assertEquals(SerialSettings.StopBits.ONE, settings.serial().stopBits());
        assertEquals(CrcPolicy.AUTO, settings.serial().crc());
        assertEquals(ZoneId.of("Europe/Stockholm"), settings.serial().meterZone());
        assertTrue(settings.warnings().isEmpty(), settings.warnings().toString());
        assertTrue(settings.describe().contains("config file: none"));
    }

    @Test
    void eachMbusChannelIsConfiguredWithItsOwnKeys() throws Exception {
        BridgeSettings settings = new SettingsLoader().iniFile(TestFiles.write(dir, "config.ini",
                "[VSCP]\nid_gas_volume_2=500\nsensorindex_gas_volume_2=200\n[MQTT]\nnote_gas_volume_2=Garage gas\n"),
                true).load();
        org.p1powermeter.measure.Sensor garage = org.p1powermeter.measure.Sensor.of(MeasurementType.GAS_VOLUME, 2);
        org.p1powermeter.measure.Sensor house = org.p1powermeter.measure.Sensor.of(MeasurementType.GAS_VOLUME, 1);
        assertEquals(500, settings.vscp().id(garage));
        assertEquals(200, settings.vscp().sensorIndex(garage));
        assertEquals("Garage gas", settings.mqtt().note(garage));
        assertEquals(36, settings.vscp().id(house));
        assertEquals("Gas meter reading 1", settings.mqtt().note(house));
        assertTrue(settings.warnings().isEmpty(), settings.warnings().toString());
    }

    @Test
    void eachSourceOverridesTheOnesBelowIt() throws Exception {
        Path properties = TestFiles.write(dir, "application.properties",
                "p1.mqtt.host=from-properties\np1.mqtt.port=1001\np1.mqtt.user=p\np1.mqtt.qos=0\np1.vscp.zone=1\n");
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\nhost=from-ini\nport=1002\nuser=i\n[VSCP]\nzone=2\n");
        Map<String, String> env = Map.of("P1_MQTT_HOST", "from-env", "P1_MQTT_PORT", "1003", "HOME", "/root");
        BridgeSettings settings = new SettingsLoader().propertiesFile(properties, true).iniFile(ini, true)
                .environment(env).commandLineSetting("mqtt.host=from-cli", "--set").load();
        assertEquals("from-cli", settings.mqtt().host());
        assertEquals(1003, settings.mqtt().port());
        assertEquals("i", settings.mqtt().user());
        assertEquals(0, settings.mqtt().qos());
        assertEquals(2, settings.vscp().zone());
        assertEquals(0, settings.vscp().subzone());
        assertTrue(settings.describe().contains("[MQTT] host = from-cli (command line --set)"));
        assertTrue(settings.describe().contains("[MQTT] port = 1003 (environment P1_MQTT_PORT)"));
        assertTrue(settings.describe().contains("[MQTT] user = i (" + ini + ":4)"));
        assertTrue(settings.describe().contains("[MQTT] qos = 0 (" + properties + ":4)"));
        assertTrue(settings.describe().contains("[VSCP] subzone = 0 (default)"));
    }

    @Test
    void oneShotOnTheCommandLineIsNotUndoneByTheConfigFile() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[GENERAL]\none_shot = false\n");
        BridgeSettings settings = new SettingsLoader().iniFile(ini, true).commandLineSetting("one_shot=true", "-s").load();
        assertTrue(settings.general().oneShot());
        assertTrue(settings.describe().contains("[GENERAL] one_shot = true (command line -s)"));
    }

    @Test
    void acceptsEveryKeySpellingOfSet() throws Exception {
        BridgeSettings settings = new SettingsLoader().commandLineSetting("p1.mqtt.qos=2", "--set")
                .commandLineSetting("VSCP.zone=7", "--set").commandLineSetting("subzone=8", "--set")
                .commandLineSetting("note_voltage_l1=Spänning L1 = fas 1", "--set").load();
        assertEquals(2, settings.mqtt().qos());
        assertEquals(7, settings.vscp().zone());
        assertEquals(8, settings.vscp().subzone());
        assertEquals("Spänning L1 = fas 1", settings.mqtt().note(MeasurementType.VOLTAGE_L1));
    }

    @Test
    void readsEnvironmentVariablesForEverySection() throws Exception {
        Map<String, String> env = Map.of("P1_GENERAL_SEND_MBUS", "yes", "P1_SERIAL_SERIAL_BAUDRATE", "9600",
                "P1_VSCP_GUID", "ff:ff:ff:ff:ff:ff:ff:fe:00:11:22:33:44:55:00:00", "P1_MQTT_PASSWORD", "pw",
                "P1_SERIAL_CRC", "Required");
        BridgeSettings settings = new SettingsLoader().environment(env).load();
        assertTrue(settings.isSent(MeasurementType.GAS_VOLUME));
        assertEquals(9600, settings.serial().baudRate());
        assertEquals("FF:FF:FF:FF:FF:FF:FF:FE:00:11:22:33:44:55:00:00", settings.vscp().guid());
        assertEquals(0x55, settings.vscp().configuredGuid().orElseThrow()[13] & 0xFF);
        assertEquals("pw", settings.mqtt().password());
        assertEquals(CrcPolicy.REQUIRED, settings.serial().crc());
    }

    @Test
    void urlReplacesHostAndPort() throws Exception {
        BridgeSettings settings = new SettingsLoader().commandLineSetting("url=ssl://broker.example:8883", "--set").load();
        assertEquals("ssl://broker.example:8883", settings.mqtt().brokerUrl());
    }

    @Test
    void aMissingDefaultFileIsFineButAnExplicitOneIsAnError() throws Exception {
        new SettingsLoader().iniFile(dir.resolve("config.ini"), false)
                .propertiesFile(dir.resolve("application.properties"), false).load();
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new SettingsLoader().iniFile(dir.resolve("nope.ini"), true)
                        .propertiesFile(dir.resolve("nope.properties"), true).load());
        assertEquals(java.util.List.of(
                "--properties: properties file " + dir.resolve("nope.properties") + " not found",
                "-c/--config: config file " + dir.resolve("nope.ini") + " not found"), e.problems());
    }
}
