package org.p1powermeter.vscp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuidTest {

    private static final byte[] MAC = SeedMeasurementEventsTest.MAC;

    @Test
    void fromMacPutsPrefixMacAndIdInOrder() {
        Guid g = Guid.fromMac(MAC, 21);
        assertEquals("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:15", g.toString());
        assertEquals(21, g.nickname());
        assertEquals("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:FF:FE", Guid.fromMac(MAC, 65534).toString());
    }

    @Test
    void parseAcceptsEitherCaseAndFormatsUpperCase() {
        Guid g = Guid.parse("ff:ff:ff:ff:ff:ff:ff:fe:b8:27:eb:8b:57:15:01:00");
        assertEquals("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:01:00", g.toString());
        assertEquals(256, g.nickname());
        assertEquals(g, Guid.parse(g.toString()));
        assertEquals(g.hashCode(), Guid.parse(g.toString()).hashCode());
    }

    @Test
    void withIdReplacesOnlyTheLowTwoBytes() {
        Guid base = Guid.parse("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
        Guid g = base.withId(0x0102);
        assertEquals("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:01:02", g.toString());
        assertEquals("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF", base.toString(), "immutable");
        assertSame(base, base.withId(0xEEFF));
        assertNotEquals(base, g);
    }

    @Test
    void bytesAreCopiesSoTheGuidStaysImmutable() {
        byte[] raw = new byte[16];
        Guid g = Guid.of(raw);
        raw[0] = 1;
        g.bytes()[1] = 1;
        assertArrayEquals(new byte[16], g.bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "''", "FF:FF", "FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00",
            "FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:15:00", "GG:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:15",
            "F:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:155", "FF-FF-FF-FF-FF-FF-FF-FE-B8-27-EB-8B-57-15-00-15",
            "FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:+1"})
    void parseRejectsMalformedTextWithAClearMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Guid.parse(text));
        assertTrue(e.getMessage().startsWith("GUID '"), e.getMessage());
    }

    @Test
    void rangesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Guid.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Guid.fromMac(new byte[5], 1));
        assertThrows(IllegalArgumentException.class, () -> Guid.fromMac(MAC, 65536));
        assertThrows(IllegalArgumentException.class, () -> Guid.fromMac(MAC, -1).toString());
        assertThrows(IllegalArgumentException.class, () -> Guid.of(new byte[15]));
    }

    @Test
    void macOfAnUnknownInterfaceIsEmpty() {
        assertEquals(Optional.empty(), Guid.macOf("no-such-interface-p1"));
    }

    @Test
    void macOfAnyInterfaceIsSixNonZeroBytesWhenPresent() {
        Guid.macOf(null).ifPresent(mac -> {
            assertEquals(6, mac.length);
            assertTrue(!java.util.Arrays.equals(new byte[6], mac));
        });
        assertEquals(Optional.empty(), Guid.macOf("lo"), "loopback has no MAC");
    }
}
