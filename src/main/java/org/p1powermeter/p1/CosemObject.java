package org.p1powermeter.p1;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One data line of a telegram: an OBIS id and its value groups in order.
 * {@link #value()} is the group that carries the reading: for {@code 0-1:24.2.1(161129200000W)(00981.443*m3)}
 * the second, for the DSMR 2.2 gas line the continuation value, otherwise the first.
 */
public final class CosemObject {

    private final ObisId obis;
    private final List<CosemValue> values;
    private final int mainIndex;
    private final int timestampIndex;

    /**
     * @param obis           the id
     * @param values         the value groups in order (unmodifiable copy taken)
     * @param mainIndex      index of the reading in {@code values}, or -1 when the line has no reading
     * @param timestampIndex index of its capture time in {@code values}, or -1
     */
    public CosemObject(ObisId obis, List<CosemValue> values, int mainIndex, int timestampIndex) {
        this.obis = obis;
        this.values = List.copyOf(values);
        this.mainIndex = mainIndex;
        this.timestampIndex = timestampIndex;
    }

    public ObisId obis() {
        return obis;
    }

    public List<CosemValue> values() {
        return values;
    }

    /** The reading of this line; {@link CosemValue#EMPTY} when there is none. */
    public CosemValue value() {
        return mainIndex < 0 ? CosemValue.EMPTY : values.get(mainIndex);
    }

    /** The capture time that goes with the reading (M-Bus, peaks), or null. */
    public Instant captureTime(ZoneId zone) {
        return timestampIndex < 0 ? null : values.get(timestampIndex).timestamp(zone);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(obis.toString());
        values.forEach(sb::append);
        return sb.toString();
    }
}
