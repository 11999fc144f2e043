package org.p1powermeter.vscp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fleet GUID of a meter, as README and MeterGuid document it. */
class MeterGuidTest {

    @Test
    void isTheEthernetFormWithALocallyAdministeredMacFromTheHashOfTheMeterId() throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest("K8EG004046395507".getBytes(StandardCharsets.UTF_8));
        Guid guid = MeterGuid.of("K8EG004046395507");
        byte[] b = guid.bytes();
        for (int i = 0; i < 7; i++) {
            assertEquals((byte) 0xFF, b[i]);
        }
        assertEquals((byte) 0xFE, b[7]);
        assertEquals((byte) ((d[0] | 0x02) & 0xFE), b[8], "locally administered, unicast");
        for (int i = 1; i < 6; i++) {
            assertEquals(d[i], b[8 + i]);
        }
        assertEquals(0, guid.nickname());
    }

    @Test
    void aKnownMeterHasThisGuidOnEveryInstanceAndRun() {
        // the documented example (docs/fleet.md): fixed, so consumers can rely on it across versions
        assertEquals("FF:FF:FF:FF:FF:FF:FF:FE:C2:64:FC:89:7A:FC:00:00", MeterGuid.of("K8EG004046395507").toString());
        assertEquals(MeterGuid.of("E0043007161876020"), MeterGuid.of("E0043007161876020"));
    }

    @Test
    void aThousandMetersHaveAThousandGuids() {
        Set<Guid> guids = new HashSet<>();
        for (int m = 0; m < 1000; m++) {
            guids.add(MeterGuid.of(String.format("E%016d", m)));
        }
        assertEquals(1000, guids.size());
        assertNotEquals(MeterGuid.of("a"), MeterGuid.of("A"));
    }
}
