package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CosemValueTest {

    @ParameterizedTest
    @CsvSource({"001581.123, 1581.123", "00000, 0", "-063, -63", "0.48, 0.48", "000.0, 0.0", "2147583646, 2147583646",
        "00052185.7825309, 52185.7825309", "123456789012345678901234.5, 123456789012345678901234.5"})
    void decimalIsExactWithScaleKept(String text, String expected) {
        assertEquals(new BigDecimal(expected), new CosemValue(text, null).decimal());
        byte[] bytes = ("(" + text + ")").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(new BigDecimal(expected), new CosemValue(bytes, 1, text.length(), null).decimal(), "from bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1.", ".5", "1.2.3", "4B38", "1 2", "+1", "161113205757W", "0-0:96.7.19"})
    void nonNumbersHaveNoDecimal(String text) {
        CosemValue v = new CosemValue(text, null);
        assertNull(v.decimal());
        assertFalse(v.isNumber());
        assertNull(v.integer());
    }

    @Test
    void integerOnlyForWholeNumbersThatFitInALong() {
        assertEquals(2317482647L, new CosemValue("2317482647", "s").integer());
        assertNull(new CosemValue("1.5", null).integer());
        assertEquals(Long.MAX_VALUE, new CosemValue("9223372036854775807", null).integer());
        assertNull(new CosemValue("9223372036854775808", null).integer());
    }

    @Test
    void textIsBuiltFromTheBytesOnceAndHexDecodedOnDemand() {
        byte[] bytes = "x4530303434y".getBytes(StandardCharsets.ISO_8859_1);
        CosemValue v = new CosemValue(bytes, 1, 10, null);
        assertEquals("4530303434", v.text());
        assertTrue(v.text() == v.text(), "cached");
        assertEquals("E0044", v.hexDecoded());
        assertEquals("ADC3100000158491", new CosemValue("ADC3100000158491", null).hexDecoded(), "decodes to non-ASCII: kept");
        assertEquals("FFFF", new CosemValue("FFFF", null).hexDecoded(), "0xFF fill: kept");
        assertEquals("(00.5*kW)", new CosemValue("00.5", "kW").toString());
        assertEquals("()", CosemValue.EMPTY.toString());
    }
}
