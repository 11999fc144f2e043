package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The top-level application.properties documents exactly the keys the loader knows, with their defaults. */
class ApplicationPropertiesDocTest {
    private static final Path DOC = Path.of("application.properties");

    private static Properties documented() throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(DOC, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void documentsEveryKnownKeyWithItsDefaultAndNothingElse() throws Exception {
        Properties properties = documented();
        Map<String, String> expected = new LinkedHashMap<>();
        SettingCatalog.all().forEach(key -> expected.put(key.propertyKey(), key.defaultText()));
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(properties.stringPropertyNames()));
        expected.forEach((key, value) -> assertEquals(value, properties.getProperty(key), key));
    }

    @Test
    void hasACommentLineAboveEveryKey() throws Exception {
        var lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("p1.")) {
                assertTrue(i > 0 && lines.get(i - 1).startsWith("# "), "no comment above " + lines.get(i));
            }
        }
    }

    @Test
    void loadsWithoutWarningsAndGivesTheDefaults() throws Exception {
        BridgeSettings fromFile = new SettingsLoader().propertiesFile(DOC, true).load();
        BridgeSettings defaults = new SettingsLoader().load();
        assertTrue(fromFile.warnings().isEmpty(), fromFile.warnings().toString());
        assertEquals(defaults.toString(), fromFile.toString());
    }
}
