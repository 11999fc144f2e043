package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;

class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void hasNothingSetWithoutArguments() throws Exception {
        CommandLine line = CommandLine.parse();
        assertFalse(line.help() || line.verbose() || line.debug() || line.oneShot() || line.dryRun() || line.demo());
        assertEquals(Optional.empty(), line.configFile());
        assertEquals(Optional.empty(), line.propertiesFile());
        assertEquals(Optional.empty(), line.input());
        assertEquals(List.of(), line.settings());
    }

    @Test
    void readsEveryShortFlag() throws Exception {
        CommandLine line = CommandLine.parse("-h", "-v", "-d", "-s", "-n", "-c", "my.ini", "-i", "capture.txt");
        assertTrue(line.help() && line.verbose() && line.debug() && line.oneShot() && line.dryRun());
        assertEquals(Optional.of(Path.of("my.ini")), line.configFile());
        assertEquals(Optional.of("capture.txt"), line.input());
        assertFalse(line.inputIsStdin());
    }

    @Test
    void readsEveryLongFlag() throws Exception {
        CommandLine line = CommandLine.parse("--help", "--verbose", "--debug", "--oneshot", "--dry-run", "--demo",
                "--config", "a.ini", "--properties=p.properties", "--set", "host=b", "--set=mqtt.qos=0");
        assertTrue(line.help() && line.verbose() && line.debug() && line.oneShot() && line.dryRun() && line.demo());
        assertEquals(Optional.of(Path.of("a.ini")), line.configFile());
        assertEquals(Optional.of(Path.of("p.properties")), line.propertiesFile());
        assertEquals(List.of("host=b", "mqtt.qos=0"), line.settings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--config=x.ini", "--configure=x.ini", "-cx.ini"})
    void acceptsEverySpellingOfTheConfigFile(String arg) throws Exception {
        assertEquals(Optional.of(Path.of("x.ini")), CommandLine.parse(arg).configFile());
        assertEquals(Optional.of(Path.of("x.ini")), CommandLine.parse("--configure", "x.ini").configFile());
    }

    @Test
    void groupsShortFlagsAndReadsStdinAsInput() throws Exception {
        CommandLine line = CommandLine.parse("-vsni", "-");
        assertTrue(line.verbose() && line.oneShot() && line.dryRun());
        assertTrue(line.inputIsStdin());
        assertEquals(Optional.of("-"), CommandLine.parse("--input", "-").input());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-x|unknown option -x (see --help)",
        "--frobnicate|unknown option --frobnicate (see --help)",
        "-o|unknown option -o (see --help)",
        "config.ini|unexpected argument 1 (options start with - or --; a value with spaces needs quotes; the argument is not shown, it may be a secret)",
        "-c|option -c needs a value",
        "--config|option --config needs a value",
        "--verbose=yes|option --verbose takes no value",
        "--set=host|--set needs key=value (the text given is not shown, it may be a secret)",
        "--config=|option -c/--config needs a non-empty value",
    })
    void rejectsBadArguments(String arg, String message) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(arg));
        assertEquals(message, e.getMessage());
        assertInstanceOf(ConfigException.class, e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--set password:hunter2", "--set hunter2", "--set=hunter2 -v", "--set password= hunter2",
        "-v hunter2"})
    void aMistypedSecretOnTheCommandLineIsNeverEchoed(String words) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(words.split(" ")));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void rejectsRepeatedFilesAndDemoWithInput() {
        assertEquals("option -c/--config is given twice",
                assertThrows(UsageException.class, () -> CommandLine.parse("-c", "a", "--configure", "b")).getMessage());
        assertEquals("--demo simulates the meter, so it cannot be combined with -i/--input",
                assertThrows(UsageException.class, () -> CommandLine.parse("--demo", "-i", "x")).getMessage());
    }

    @Test
    void helpMentionsEveryFlag() {
        String usage = CommandLine.usage();
        for (String flag : List.of("-h, --help", "-c, --config FILE", "--configure FILE", "-v, --verbose", "-d, --debug",
                "-s, --oneshot", "-i, --input PATH|-", "-n, --dry-run", "--demo", "--properties FILE",
                "--set KEY=VALUE", "P1_<SECTION>_<KEY>", "Exit codes")) {
            assertTrue(usage.contains(flag), flag + " missing from\n" + usage);
        }
    }

    @Test
    void loadsTheDefaultConfigFileOnlyWhenItExists() throws Exception {
        BridgeSettings none = CommandLine.parse().loadSettings(Map.of(), dir);
        assertEquals(1883, none.mqtt().port());
        Files.writeString(dir.resolve("config.ini"), "[MQTT]\nport=1884\n");
        Files.writeString(dir.resolve("application.properties"), "p1.mqtt.qos=2\n");
        BridgeSettings found = CommandLine.parse().loadSettings(Map.of(), dir);
        assertEquals(1884, found.mqtt().port());
        assertEquals(2, found.mqtt().qos());
    }

    @Test
    void failsForAMissingExplicitConfigFile() throws Exception {
        Path missing = dir.resolve("missing.ini");
        ConfigException e = assertThrows(ConfigException.class,
                () -> CommandLine.parse("-c", missing.toString()).loadSettings(Map.of(), dir));
        assertEquals(List.of("-c/--config: config file " + missing + " not found"), e.problems());
    }

    @Test
    void appliesOneShotAndSetOverEnvironmentAndFile() throws Exception {
        Path ini = dir.resolve("my.ini");
        Files.writeString(ini, "[GENERAL]\none_shot=false\n[MQTT]\nhost=ini-host\n");
        BridgeSettings settings = CommandLine.parse("-s", "-c", ini.toString(), "--set", "host=cli-host")
                .loadSettings(Map.of("P1_MQTT_HOST", "env-host"), dir);
        assertTrue(settings.general().oneShot());
        assertEquals("cli-host", settings.mqtt().host());
    }

    @Test
    void listPortsIsAFlagOfItsOwn() throws Exception {
        org.junit.jupiter.api.Assertions.assertTrue(CommandLine.parse("--list-ports").listPorts());
        org.junit.jupiter.api.Assertions.assertFalse(CommandLine.parse("-v").listPorts());
        org.junit.jupiter.api.Assertions.assertTrue(CommandLine.usage().contains("--list-ports"));
    }
}
