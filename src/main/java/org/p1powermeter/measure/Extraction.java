package org.p1powermeter.measure;

import java.util.List;
import org.p1powermeter.p1.ObisId;

/**
 * The result of {@link MeasurementExtractor#extract}: the measurements in telegram order (M-Bus channels last,
 * by channel), the table lines that were skipped, with their reasons, and the OBIS ids of lines the bridge does not
 * know (neither {@link MeasurementType} nor {@link TextObject}).
 */
public record Extraction(List<Measurement> measurements, List<Skipped> skipped, List<ObisId> unknown) {

    public Extraction {
        measurements = List.copyOf(measurements);
        skipped = List.copyOf(skipped);
        unknown = List.copyOf(unknown);
    }

    /** Without unknown ids. */
    public Extraction(List<Measurement> measurements, List<Skipped> skipped) {
        this(measurements, skipped, List.of());
    }

    public boolean hasSkipped() {
        return !skipped.isEmpty();
    }
}
