package org.p1powermeter.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One source of events with its own sensor index, GUID id and note: a {@link MeasurementType} row, or for an M-Bus
 * row one of its channels 1–{@value #MBUS_CHANNELS} (two gas meters are two sensors). Its config name is the row's,
 * with {@code _<channel>} for M-Bus ({@code sensorindex_gas_volume_2}); the channel n default index and id is the
 * row's {@link MeasurementType#defaultIndex()} + {@value #MBUS_CHANNEL_STEP} × (n − 1), its default note the row's
 * with the channel ({@code Gas meter reading 2}).
 *
 * @param type    the table row
 * @param channel the M-Bus channel 1–4, or 0 for a row that is not M-Bus
 */
public record Sensor(MeasurementType type, int channel) {

    /** M-Bus channels a telegram can carry ({@code 0-1} … {@code 0-4}). */
    public static final int MBUS_CHANNELS = 4;
    /** What each further M-Bus channel adds to the default index and id of channel 1. */
    public static final int MBUS_CHANNEL_STEP = 50;

    private static final MeasurementType[] ROWS = MeasurementType.values();
    /** Position of each row's first sensor in {@link #ALL}. */
    private static final int[] FIRST = new int[ROWS.length];
    private static final List<Sensor> ALL = build();

    public Sensor {
        if (type.isMbus() ? channel < 1 || channel > MBUS_CHANNELS : channel != 0) {
            throw new IllegalArgumentException(type + " has no sensor on channel " + channel);
        }
    }

    private static List<Sensor> build() {
        List<Sensor> all = new ArrayList<>();
        for (MeasurementType row : ROWS) {
            FIRST[row.ordinal()] = all.size();
            if (row.isMbus()) {
                for (int channel = 1; channel <= MBUS_CHANNELS; channel++) {
                    all.add(new Sensor(row, channel));
                }
            } else {
                all.add(new Sensor(row, 0));
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** Every sensor, in table order (M-Bus rows: channels 1–4). */
    public static List<Sensor> all() {
        return ALL;
    }

    /** The sensor of a row on a channel (0 for rows that are not M-Bus); no allocation. */
    public static Sensor of(MeasurementType type, int channel) {
        return ALL.get(indexOf(type, channel));
    }

    /** Position of the sensor in {@link #all()}, for arrays indexed by sensor. */
    public static int indexOf(MeasurementType type, int channel) {
        if (type.isMbus() ? channel < 1 || channel > MBUS_CHANNELS : channel != 0) {
            throw new IllegalArgumentException(type + " has no sensor on channel " + channel);
        }
        return FIRST[type.ordinal()] + (channel == 0 ? 0 : channel - 1);
    }

    /** Position in {@link #all()}. */
    public int index() {
        return indexOf(type, channel);
    }

    /** {@code gas_volume_2}, {@code voltage_l1}: the {@code <name>} of its config keys and of its header. */
    public String configName() {
        return channel == 0 ? type.configName() : type.configName() + "_" + channel;
    }

    /** Default sensor index and GUID id. */
    public int defaultIndex() {
        return channel <= 1 ? type.defaultIndex() : type.defaultIndex() + MBUS_CHANNEL_STEP * (channel - 1);
    }

    /** Default note: the row's, and for M-Bus its channel ({@code Gas meter reading 2}). */
    public String defaultNote() {
        return channel == 0 ? type.defaultNote() : type.defaultNote() + " " + channel;
    }

    @Override
    public String toString() {
        return configName();
    }
}
