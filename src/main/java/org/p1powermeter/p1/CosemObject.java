package org.p1powermeter.p1;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One data line of a telegram: an OBIS id and its value groups in order.
 * {@link #value()} is the group that carries the reading: for {@code 0-1:24.2.1(161129200000W)(00981.443*m3)}
 * the second, for the DSMR 2.2 gas line the continuation value, otherwise the first.
 */
public final class CosemObject {

    private final ObisId obis;
    /** The value groups, or null for the common one-group line, whose group is {@link #single}. */
    private final CosemValue[] values;
    private final CosemValue single;
    private final int mainIndex;
    private final int timestampIndex;
    private List<CosemValue> valueList;

    /**
     * @param obis           the id
     * @param values         the value groups in order (unmodifiable copy taken)
     * @param mainIndex      index of the reading in {@code values}, or -1 when the line has no reading
     * @param timestampIndex index of its capture time in {@code values}, or -1
     */
    public CosemObject(ObisId obis, List<CosemValue> values, int mainIndex, int timestampIndex) {
        this(obis, values.toArray(new CosemValue[0]), mainIndex, timestampIndex);
        for (int i = 0, n = valueCount(); i < n; i++) {
            Objects.requireNonNull(value(i), "value group");
        }
    }

    /** Takes ownership of {@code values} (not copied). */
    CosemObject(ObisId obis, CosemValue[] values, int mainIndex, int timestampIndex) {
        this.obis = Objects.requireNonNull(obis, "obis");
        this.values = values.length == 1 ? null : values;
        this.single = values.length == 1 ? values[0] : null;
        this.mainIndex = mainIndex < values.length ? mainIndex : -1;
        this.timestampIndex = timestampIndex < values.length ? timestampIndex : -1;
    }

    /** A line with one value group, which is its reading (the parser's common case: no array). */
    CosemObject(ObisId obis, CosemValue value) {
        this.obis = Objects.requireNonNull(obis, "obis");
        this.values = null;
        this.single = value;
        this.mainIndex = 0;
        this.timestampIndex = -1;
    }

    public ObisId obis() {
        return obis;
    }

    /** All value groups in order (unmodifiable). */
    public List<CosemValue> values() {
        List<CosemValue> list = valueList;
        if (list == null) {
            list = values == null ? Collections.singletonList(single) : Collections.unmodifiableList(Arrays.asList(values));
            valueList = list;
        }
        return list;
    }

    /** Number of value groups. */
    public int valueCount() {
        return values == null ? 1 : values.length;
    }

    /** The value group at {@code index} (0-based), without building the list. */
    public CosemValue value(int index) {
        if (values == null) {
            if (index != 0) {
                throw new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length 1");
            }
            return single;
        }
        return values[index];
    }

    /** Index of the reading in {@link #values()}, or -1 when the line has none. */
    public int mainIndex() {
        return mainIndex;
    }

    /** Index of the reading's capture time in {@link #values()}, or -1. */
    public int timestampIndex() {
        return timestampIndex;
    }

    /** The reading of this line; {@link CosemValue#EMPTY} when there is none. */
    public CosemValue value() {
        return mainIndex < 0 ? CosemValue.EMPTY : value(mainIndex);
    }

    /** The capture time that goes with the reading (M-Bus, peaks), or null. */
    public Instant captureTime(ZoneId zone) {
        return timestampIndex < 0 ? null : value(timestampIndex).timestamp(zone);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(obis.toString());
        for (int i = 0, n = valueCount(); i < n; i++) {
            sb.append(value(i));
        }
        return sb.toString();
    }
}
