package org.p1powermeter.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.p1powermeter.p1.FramedResource;
import org.p1powermeter.p1.Telegram;
import org.p1powermeter.p1.TelegramParser;

/** The device facts Home Assistant gets, read from real telegrams (the dsmr_parser corpus, the bundled one). */
class MeterIdentityTest {

    private static Telegram telegram(String resource) {
        return new TelegramParser().parse(FramedResource.frame(resource));
    }

    @Test
    void aDutchMeterWithAGasMeterOnChannelTwo() {
        MeterIdentity m = MeterIdentity.of(telegram("/corpus/dsmr_parser/v5_iskra_am550_two_mbus.txt"), "E0044007382246019");
        assertEquals("Iskra", m.manufacturer(), "FLAG id ISK");
        assertEquals("ISK5\\2M550T-1012", m.header());
        assertEquals("50", m.p1Version(), "1-3:0.2.8");
        assertEquals(3, m.mbusDevice(2).medium(), "gas");
        assertEquals("G0039001936990619", m.mbusDevice(2).equipmentId());
        assertEquals("p1_E0044007382246019".substring(3), m.key());
    }

    @Test
    void aBelgianMeterGivesItsVersionAndMbusIdsTheBelgianWay() {
        MeterIdentity m = MeterIdentity.of(telegram("/corpus/dsmr_parser/be_fluvius_v171.txt"), "1SAG3101021605");
        assertEquals("Fluvius", m.manufacturer());
        assertEquals("50217", m.p1Version(), "0-0:96.1.4");
        assertEquals(3, m.mbusDevice(1).medium());
        assertEquals(7, m.mbusDevice(2).medium(), "water");
        assertEquals("7FLO2119033733", m.mbusDevice(1).equipmentId(), "0-1:96.1.1, hex-decoded");
        assertEquals("8SAG1234567890", m.mbusDevice(2).equipmentId());
    }

    @Test
    void theBundledSwedishTelegramHasNoIdSoItsHeaderNamesIt() {
        MeterIdentity m = MeterIdentity.of(telegram("/demo/sweden-ellevio.telegram"), "ELL5\\253833635_A");
        assertEquals("ELL5_253833635_A", m.key(), "only [A-Za-z0-9_-] in topics and ids");
        assertNull(m.p1Version());
        assertEquals(0, m.mbus().size());
    }
}
