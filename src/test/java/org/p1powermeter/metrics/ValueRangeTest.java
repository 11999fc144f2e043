package org.p1powermeter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.vscp.Guid;
import org.p1powermeter.vscp.VscpEncoding;
import org.p1powermeter.vscp.VscpEventFactory;

class ValueRangeTest {

    @Test
    void plainLengthIsTheLengthOfToPlainString() {
        for (String s : new String[] {"0", "-0.000", "12.345", "-12.345", "0.001", "1E+5", "-1E+5", "123E-10", "0E+3",
                "99999999999999999999", "-0.5", "1.0"}) {
            BigDecimal v = new BigDecimal(s);
            assertEquals(v.toPlainString().length(), ValueRange.plainLength(v), s);
        }
    }

    @Test
    void theLimitIsTheOneTheEventFactoryEnforces() {
        Measurement fits = measurement(new BigDecimal("1." + "9".repeat(ValueRange.MAX_PLAIN_CHARS - 2)));
        Measurement tooLong = measurement(new BigDecimal("9".repeat(ValueRange.MAX_PLAIN_CHARS + 1)));
        VscpEventFactory str = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR, Guid.fromMac(new byte[6], 0));
        assertTrue(ValueRange.fits(fits.vscpValue()));
        str.create(fits, Instant.EPOCH, false);
        assertFalse(ValueRange.fits(tooLong.vscpValue()));
        assertThrows(IllegalArgumentException.class, () -> str.create(tooLong, Instant.EPOCH, false));
    }

    @Test
    void aValueBeyondTheLargestDoubleDoesNotFit() {
        BigDecimal max = new BigDecimal(Double.MAX_VALUE);
        assertTrue(ValueRange.fits(max));
        assertFalse(ValueRange.fits(max.add(max)), "would be Infinity in class 1060");
        assertTrue(ValueRange.fits(new BigDecimal("99999999999999999999")));
        assertFalse(ValueRange.fits(null));
    }

    private static Measurement measurement(BigDecimal value) {
        return new Measurement(MeasurementType.values()[0], MeasurementType.values()[0].obis(), value, value, 0, null);
    }
}
