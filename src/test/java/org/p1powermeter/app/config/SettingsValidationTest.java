package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad value gives one line naming where it was read, the key and the value. */
class SettingsValidationTest {
    @TempDir
    Path dir;

    private String onlyProblem(String section, String line) {
        Path ini = TestFiles.write(dir, "config.ini", "# test\n[" + section + "]\n" + line + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TestFiles.loadIni(ini));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(e.problems().get(0), e.getMessage());
        return e.problems().get(0).replace(ini.toString(), "config.ini");
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "MQTT|port=0|config.ini:3: port = '0' is not a port number (an integer 1-65535)",
        "MQTT|port=65536|config.ini:3: port = '65536' is not a port number (an integer 1-65535)",
        "MQTT|port=18x3|config.ini:3: port = '18x3' is not a port number (an integer 1-65535)",
        "MQTT|qos=3|config.ini:3: qos = '3' is not an MQTT QoS (an integer 0-2)",
        "VSCP|zone=256|config.ini:3: zone = '256' is not a zone (an integer 0-255)",
        "VSCP|subzone=-1|config.ini:3: subzone = '-1' is not a subzone (an integer 0-255)",
        "VSCP|sensorindex_voltage_l1=300|config.ini:3: sensorindex_voltage_l1 = '300' is not a sensor index (an integer 0-255)",
        "VSCP|id_current_l3=65536|config.ini:3: id_current_l3 = '65536' is not an id (an integer 0-65535)",
        "VSCP|encoding=double|config.ini:3: encoding = 'double' is not one of string, float",
        "VSCP|event_time=now|config.ini:3: event_time = 'now' is not one of telegram, receipt",
        "MQTT|topic=vscp/+/x|config.ini:3: topic = 'vscp/+/x' must not contain the MQTT wildcards '+' or '#' or a NUL character",
        "MQTT|topic=vscp/#|config.ini:3: topic = 'vscp/#' must not contain the MQTT wildcards '+' or '#' or a NUL character",
        "MQTT|topic=|config.ini:3: topic = '' must not be empty",
        "MQTT|note_voltage_l1=Voltage+L1|config.ini:3: note_voltage_l1 = 'Voltage+L1' must not contain the MQTT wildcards '+' or '#' or a NUL character",
        "MQTT|url=http://broker|config.ini:3: url = 'http://broker' is not a broker URL (scheme://host[:port] with scheme tcp, ssl, ws, wss)",
        "SERIAL|serial_baudrate=115201|config.ini:3: serial_baudrate = '115201' is not a standard baud rate (e.g. 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)",
        "SERIAL|serial_parity=evn|config.ini:3: serial_parity = 'evn' is not one of none, even, odd, mark, space",
        "SERIAL|serial_databits=9|config.ini:3: serial_databits = '9' is not a number of data bits (an integer 5-8)",
        "SERIAL|serial_stopbits=3|config.ini:3: serial_stopbits = '3' is not one of 1, 1.5, 2",
        "SERIAL|serial_timeout=0|config.ini:3: serial_timeout = '0' is not a number of seconds (more than 0, at most 86400)",
        "SERIAL|crc=maybe|config.ini:3: crc = 'maybe' is not one of auto, required, off",
        "SERIAL|meter_zone=Mars/Olympus|config.ini:3: meter_zone = 'Mars/Olympus' is not a time zone (e.g. Europe/Stockholm, UTC, +01:00)",
        "SERIAL|serial_port=|config.ini:3: serial_port = '' must not be empty",
        "GENERAL|send_voltage=maybe|config.ini:3: send_voltage = 'maybe' is not a boolean (use true/false, yes/no, on/off or 1/0)",
        "GENERAL|input_interval=-5|config.ini:3: input_interval = '-5' is not a number of milliseconds (an integer 0-3600000)",
        "SPOOL|spool_max_mb=0|config.ini:3: spool_max_mb = '0' is not a number of megabytes (an integer 1-65536)",
        "SPOOL|spool_max_age_hours=1w|config.ini:3: spool_max_age_hours = '1w' is not a number of hours (an integer 1-87600)",
        "SPOOL|delivery_timeout=3601|config.ini:3: delivery_timeout = '3601' is not a number of seconds (an integer 0-3600)",
        "SPOOL|spool_dir=|config.ini:3: spool_dir = '' is not a directory path",
    })
    void reportsABadValueWithFileLineKeyAndValue(String section, String line, String expected) {
        assertEquals(expected, onlyProblem(section, line));
    }

    @Test
    void reportsAMalformedGuid() {
        assertTrue(onlyProblem("VSCP", "guid=FF:FF:FF:FF:FF:FF:FF:FE:00:00:00:00:00:00:00")
                .startsWith("config.ini:3: guid = 'FF:FF:FF:FF:FF:FF:FF:FE:00:00:00:00:00:00:00' is not a GUID (16 hex bytes"));
        assertTrue(onlyProblem("VSCP", "guid=FF-FF-FF-FF-FF-FF-FF-FE-00-00-00-00-00-00-00-00").contains("is not a GUID"));
        assertTrue(onlyProblem("VSCP", "guid=GG:FF:FF:FF:FF:FF:FF:FE:00:00:00:00:00:00:00:00").contains("is not a GUID"));
    }

    @Test
    void aNoteMustNotBeEmptyWhenItIsTheTopic() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\nnote_voltage_l1=\n");
        assertEquals("", TestFiles.loadIni(ini).mqtt().note(org.p1powermeter.measure.MeasurementType.VOLTAGE_L1));
        Path noVscp = TestFiles.write(dir, "novscp.ini", "[GENERAL]\nno_vscp=true\n[MQTT]\nnote_voltage_l1=\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TestFiles.loadIni(noVscp));
        assertEquals(List.of(noVscp + ":4: note_voltage_l1 = '' must not be empty"), e.problems());
    }

    @Test
    void reportsANulInATopicFromTheEnvironmentReadably() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new SettingsLoader().environment(java.util.Map.of("P1_MQTT_TOPIC", "a\0b")).load());
        assertEquals(List.of("environment P1_MQTT_TOPIC: topic = 'a\\0b' must not contain the MQTT wildcards '+' or '#' or a NUL character"),
                e.problems());
    }

    @Test
    void reportsEveryProblemAtOnceSectionBySection() {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\nport=0\nqos=5\n[VSCP]\nzone=999\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new SettingsLoader().iniFile(ini, true).commandLineSetting("serial_databits=4", "--set").load());
        assertEquals(List.of(
                ini + ":5: zone = '999' is not a zone (an integer 0-255)",
                ini + ":2: port = '0' is not a port number (an integer 1-65535)",
                ini + ":3: qos = '5' is not an MQTT QoS (an integer 0-2)",
                "command line --set: serial_databits = '4' is not a number of data bits (an integer 5-8)"), e.problems());
        assertEquals(2, ConfigException.EXIT_CODE);
    }

    @ParameterizedTest(name = "routes = {0}")
    @CsvSource(delimiter = '|', value = {
        "no/such/route.yaml|config.ini:3: routes = 'no/such/route.yaml' names the route file DIR/no/such/route.yaml, which does not exist",
        "file:no/such.yaml|config.ini:3: routes = 'file:no/such.yaml' names the route file DIR/no/such.yaml, which does not exist",
        "classpath:routes/nope.yaml|config.ini:3: routes = 'classpath:routes/nope.yaml' names the route resource classpath:routes/nope.yaml, which is not on the class path",
        "/no/such/route.yaml|config.ini:3: routes = '/no/such/route.yaml' names the route file /no/such/route.yaml, which does not exist",
    })
    void aRouteFileThatCannotBeLoadedIsAProblemNamingKeyValueAndLine(String routes, String expected) {
        assertEquals(expected.replace("DIR", dir.toString()), onlyProblem("GENERAL", "routes=" + routes));
    }

    @Test
    void aRoutesEntryThatIsADirectoryIsAProblem() {
        assertEquals("config.ini:3: routes = '" + dir + "' names the route file " + dir + ", which is not a file",
                onlyProblem("GENERAL", "routes=" + dir));
    }

    @Test
    void routeFilesThatExistAndPatternsAreAccepted() throws Exception {
        Path own = TestFiles.write(dir, "own.camel.yaml", "- route: {}\n");
        Path ini = TestFiles.write(dir, "config.ini", "[GENERAL]\nroutes = file:" + own
                + ", classpath:routes/p1-bridge.camel.yaml, file:/somewhere/*.yaml\n");
        assertEquals(List.of("file:" + own, "classpath:routes/p1-bridge.camel.yaml", "file:/somewhere/*.yaml"),
                TestFiles.loadIni(ini).general().routes());
    }

    /**
     * A relative route path in config.ini is relative to the config file's folder, not to the working directory (a
     * service runs in /): here the working directory (the project) has no own.camel.yaml, the config's folder has.
     * The same entry from the command line stays relative to the working directory.
     */
    @Test
    void aRelativeRoutePathInTheConfigFileIsRelativeToItsFolder() throws Exception {
        Path etc = java.nio.file.Files.createDirectories(dir.resolve("etc"));
        Path own = TestFiles.write(java.nio.file.Files.createDirectories(etc.resolve("routes")), "own.camel.yaml",
                "- route: {}\n");
        Path ini = TestFiles.write(etc, "config.ini", "[GENERAL]\nroutes = routes/own.camel.yaml, file:routes/*.yaml\n");
        assertTrue(!java.nio.file.Files.exists(Path.of("routes/own.camel.yaml")), "the test needs a working directory without it");
        assertEquals(List.of(own.toString(), "file:" + etc.resolve("routes/*.yaml")),
                TestFiles.loadIni(ini).general().routes());

        BridgeSettings fromCommandLine = new SettingsLoader().iniFile(ini, true)
                .commandLineSetting("routes=routes/examples/file-sink.camel.yaml", "--set").load();
        assertEquals(List.of("routes/examples/file-sink.camel.yaml"), fromCommandLine.general().routes());
    }

    @Test
    void acceptsTheEdgesOfEveryRange() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\nport=65535\nqos=0\n[VSCP]\nzone=255\nsubzone=0\n"
                + "id_voltage_l1=65535\nsensorindex_voltage_l1=0\n[SERIAL]\nserial_databits=5\nserial_stopbits=1.5\n"
                + "serial_baudrate=4000000\nserial_parity=MARK\nserial_timeout=0.5\nmeter_zone=UTC\n");
        BridgeSettings settings = TestFiles.loadIni(ini);
        assertEquals(65535, settings.mqtt().port());
        assertEquals(SerialSettings.StopBits.ONE_POINT_FIVE, settings.serial().stopBits());
        assertEquals(SerialSettings.Parity.MARK, settings.serial().parity());
        assertEquals(500, settings.serial().timeout().toMillis());
        assertEquals(4000000, settings.serial().baudRate());
    }
}
