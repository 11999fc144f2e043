package org.p1powermeter.measure;

import java.util.List;

/**
 * The result of {@link MeasurementExtractor#extract}: the measurements in telegram order (M-Bus channels last,
 * by channel) and the table lines that were skipped, with their reasons.
 */
public record Extraction(List<Measurement> measurements, List<Skipped> skipped) {

    public Extraction {
        measurements = List.copyOf(measurements);
        skipped = List.copyOf(skipped);
    }

    public boolean hasSkipped() {
        return !skipped.isEmpty();
    }
}
