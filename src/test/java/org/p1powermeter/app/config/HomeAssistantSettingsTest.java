package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [HOMEASSISTANT] and [GENERAL] interval: defaults, the automatic expire_after and heartbeat, bad values. */
class HomeAssistantSettingsTest {
    @TempDir
    Path dir;

    private BridgeSettings load(String ini) throws Exception {
        return TestFiles.loadIni(TestFiles.write(dir, "config.ini", ini));
    }

    @Test
    void offByDefaultAndEveryTelegramAsBefore() throws Exception {
        BridgeSettings s = load("[GENERAL]\n");
        assertFalse(s.homeAssistant().discovery());
        assertTrue(s.homeAssistant().vscp());
        assertEquals("homeassistant", s.homeAssistant().prefix());
        assertEquals("p1", s.homeAssistant().baseTopic());
        assertEquals(Duration.ZERO, s.general().interval());
        assertEquals(60, s.homeAssistant().expireAfter(s.general().interval()));
    }

    @Test
    void expireAfterIsThreeWindowsAndTheHeartbeatHalfOfIt() throws Exception {
        BridgeSettings s = load("[GENERAL]\ninterval = 30\n[HOMEASSISTANT]\ndiscovery = true\nprefix = ha\n");
        assertTrue(s.homeAssistant().discovery());
        assertEquals("ha", s.homeAssistant().prefix());
        assertEquals(Duration.ofSeconds(30), s.general().interval());
        assertEquals(90, s.homeAssistant().expireAfter(s.general().interval()));
        assertEquals(Duration.ofSeconds(45), s.homeAssistant().heartbeat(s.general().interval()));
        BridgeSettings set = load("[GENERAL]\ninterval = 10\n[HOMEASSISTANT]\nexpire_after = 300\n");
        assertEquals(300, set.homeAssistant().expireAfter(set.general().interval()));
    }

    @Test
    void anExpireAfterWithinTwoWindowsIsRefused() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("[GENERAL]\ninterval = 10\n[HOMEASSISTANT]\nexpire_after = 20\n"));
        assertTrue(e.getMessage().contains("expire_after = 20") || e.getMessage().contains("expire_after"), e.getMessage());
        assertThrows(ConfigException.class, () -> load("[HOMEASSISTANT]\nprefix = home/#\n"));
        assertThrows(ConfigException.class, () -> load("[GENERAL]\ninterval = -1\n"));
    }
}
