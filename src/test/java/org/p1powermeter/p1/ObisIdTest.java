package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObisIdTest {

    @Test
    void parsesReducedIdAndIgnoresTheFGroup() {
        assertEquals(new ObisId(1, 0, 1, 8, 0), ObisId.parse("1-0:1.8.0"));
        assertEquals(new ObisId(1, 0, 1, 8, 0), ObisId.parse("1-0:1.8.0.255"));
        assertEquals(new ObisId(1, 0, 1, 8, 0), ObisId.parse("1-0:1.8.0*255"));
        assertEquals("0-1:24.2.1", ObisId.parse("0-1:24.2.1").toString());
    }

    @Test
    void keyRoundTrips() {
        ObisId id = new ObisId(1, 2, 99, 97, 0);
        assertEquals(id, ObisId.fromKey(id.key()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-0", "1-0:1.8", "1:0-1.8.0", "1-0:1.8.0:1", "1-0:256.8.0", "a-0:1.8.0", "1-0:1..0"})
    void rejectsWhatIsNotAnObisId(String text) {
        assertThrows(IllegalArgumentException.class, () -> ObisId.parse(text));
    }
}
