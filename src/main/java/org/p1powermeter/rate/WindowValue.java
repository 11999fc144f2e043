package org.p1powermeter.rate;

import java.math.BigDecimal;
import org.p1powermeter.measure.Measurement;

/**
 * One value of a {@link MeterPublish}: for an instantaneous measurement the mean of the window's samples (with their
 * min and max), for a counter the latest reading; dated at the window end.
 *
 * @param value the measurement (mean or latest), its time the window end
 * @param min   the lowest sample of the window in the meter unit, or null (a counter, or every telegram)
 * @param max   the highest sample, or null
 * @param event true when it is also sent as a VSCP event: always for instantaneous values, for a counter only when
 *              it changed since it was last sent, or at the heartbeat
 */
public record WindowValue(Measurement value, BigDecimal min, BigDecimal max, boolean event) {

    public String name() {
        return value.name();
    }
}
