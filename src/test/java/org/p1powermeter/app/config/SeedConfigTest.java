package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.SendGroup;

/** The Python script's own sample config.ini must load as it is. */
class SeedConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsOneShotFalseWithTrailingColonAsFalseAndWarnsWithFileAndLine() throws Exception {
        Path file = TestFiles.seedConfig(dir);
        BridgeSettings settings = TestFiles.loadIni(file);
        assertFalse(settings.general().oneShot());
        assertTrue(settings.warnings().contains(file + ":5: one_shot = 'false:' is read as false (ignoring the trailing ':')"),
                settings.warnings().toString());
    }

    @Test
    void readsNoVscpTrueAsWritten() throws Exception {
        assertTrue(TestFiles.loadIni(TestFiles.seedConfig(dir)).general().noVscp());
    }

    @Test
    void readsEmptyQuotedGuidAsEmptyWithWarning() throws Exception {
        Path file = TestFiles.seedConfig(dir);
        BridgeSettings settings = TestFiles.loadIni(file);
        assertEquals("", settings.vscp().guid());
        assertTrue(settings.vscp().configuredGuid().isEmpty());
        assertTrue(settings.warnings().stream().anyMatch(w -> w.startsWith(file + ":24: guid = '' is read as empty")),
                settings.warnings().toString());
    }

    @Test
    void readsTheTwentySixIndexesIdsAndNotesAsInTheFile() throws Exception {
        BridgeSettings settings = TestFiles.loadIni(TestFiles.seedConfig(dir));
        int seen = 0;
        for (MeasurementType type : MeasurementType.values()) {
            if (!type.isSeed()) {
                continue;
            }
            seen++;
            assertEquals(seen, settings.vscp().sensorIndex(type), type.configName());
            assertEquals(seen, settings.vscp().id(type), type.configName());
            assertEquals(type.defaultNote(), settings.mqtt().note(type), type.configName());
        }
        assertEquals(26, seen);
        assertEquals(26, settings.sentMeasurements().size());
        assertEquals("Reactive effect L2 out", settings.mqtt().note(MeasurementType.MOMENTAN_REACTIVE_EFFECT_L2_OUT));
    }

    @Test
    void readsTheOtherSectionsAndTheirOrigins() throws Exception {
        Path file = TestFiles.seedConfig(dir);
        BridgeSettings settings = TestFiles.loadIni(file);
        assertEquals("tcp://127.0.0.1:1883", settings.mqtt().brokerUrl());
        assertEquals("vscp", settings.mqtt().user());
        assertEquals("secret", settings.mqtt().password());
        assertEquals("vscp/{xguid}/{xclass}/{xtype}", settings.mqtt().topic());
        assertEquals("/dev/ttyUSB1", settings.serial().port());
        assertEquals(115200, settings.serial().baudRate());
        assertEquals(20, settings.serial().timeout().toSeconds());
        assertEquals(0, settings.vscp().zone());
        for (SendGroup group : SendGroup.values()) {
            assertEquals(group.isSeed(), settings.general().sends(group), group.flagKey());
        }
        assertTrue(settings.describe().contains("[MQTT] port = 1883 (" + file + ":112)"), settings.describe().toString());
        assertTrue(settings.describe().contains("[SERIAL] crc = auto (default)"));
    }

    @Test
    void warnsOnlyAboutTheColonAndTheQuotesWhenTheFileIsPrivate() throws Exception {
        List<String> warnings = TestFiles.loadIni(TestFiles.seedConfig(dir)).warnings();
        assertEquals(2, warnings.size(), warnings.toString());
    }
}
