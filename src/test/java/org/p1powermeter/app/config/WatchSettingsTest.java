package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [HTTP] port and bind, and [GENERAL] summary_minutes; [HTTP] port and [MQTT] port are two settings. */
class WatchSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreHttpOffOnLoopbackAndASummaryEveryQuarterHour() throws Exception {
        WatchSettings watch = new SettingsLoader().load().watch();
        assertEquals(new WatchSettings(Duration.ofMinutes(15), 0, "127.0.0.1"), watch);
        assertFalse(watch.httpEnabled());
    }

    @Test
    void httpPortAndMqttPortAreReadFromTheirOwnSections() throws Exception {
        Path ini = TestFiles.write(dir, "config.ini", "[MQTT]\nport = 1884\n[HTTP]\nport = 9464\nbind = ::1\n"
                + "[GENERAL]\nsummary_minutes = 0\n");
        BridgeSettings settings = TestFiles.loadIni(ini);
        assertEquals(1884, settings.mqtt().port());
        assertEquals(new WatchSettings(Duration.ZERO, 9464, "::1"), settings.watch());
    }

    @Test
    void aBarePortOnTheCommandLineIsStillTheBrokersAndHttpPortIsQualified() throws Exception {
        BridgeSettings settings = new SettingsLoader().commandLineSetting("port=1885", "--set")
                .commandLineSetting("http.port=8080", "--set").load();
        assertEquals(1885, settings.mqtt().port());
        assertEquals(8080, settings.watch().httpPort());
        BridgeSettings fromEnvironment = new SettingsLoader().environment(Map.of("P1_HTTP_PORT", "9100")).load();
        assertEquals(9100, fromEnvironment.watch().httpPort());
        assertEquals(1883, fromEnvironment.mqtt().port());
    }

    @Test
    void badValuesAreProblemsNamingKeyAndValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader()
                .commandLineSetting("http.port=70000", "--set").commandLineSetting("http.bind=0.0.0.0 x", "--set")
                .commandLineSetting("summary_minutes=-1", "--set").load());
        assertEquals(List.of(
                "command line --set: summary_minutes = '-1' is not a number of minutes (an integer 0-1440)",
                "command line --set: http.port = '70000' is not a port number (0 = off) (an integer 0-65535)",
                "command line --set: http.bind = '0.0.0.0 x' is not an address to listen on (e.g. 127.0.0.1, ::1 or 0.0.0.0)"),
                e.problems());
    }
}
