package org.p1powermeter.rate;

import java.time.Instant;
import java.util.List;

/**
 * What one meter publishes at once: the values of a closed window (or of one telegram when there are no windows).
 *
 * @param meterId the meter's id (the equipment id or the telegram header)
 * @param time    the window end (or the time the telegram was taken)
 * @param values  the values, in table order
 */
public record MeterPublish(String meterId, Instant time, List<WindowValue> values) {

    public MeterPublish {
        values = List.copyOf(values);
    }
}
