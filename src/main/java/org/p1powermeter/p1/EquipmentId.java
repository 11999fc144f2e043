package org.p1powermeter.p1;

import java.util.Optional;

/**
 * Which meter a telegram comes from: its equipment identifier, {@code 0-0:96.1.1} (DSMR, most meters) or else
 * {@code 0-0:96.1.0} (e.g. Belgian and Luxembourg meters), hex-decoded when it is written as hex
 * ({@code 4530303433...} becomes {@code E0043...}). The one rule for the meter id: the bridge's
 * {@code CamelP1MeterId} header, the Kafka key written by {@code ingest} and the per-meter GUID of {@code bridge}
 * all use it.
 */
public final class EquipmentId {

    /** Equipment identifier (DSMR). */
    public static final ObisId EQUIPMENT_ID = new ObisId(0, 0, 96, 1, 1);
    /** Equipment identifier as some meters send it instead (e.g. Fluvius, Luxembourg). */
    public static final ObisId EQUIPMENT_ID_ALT = new ObisId(0, 0, 96, 1, 0);

    private EquipmentId() {
    }

    /** The meter's equipment id, or empty when the telegram carries none (then a source or dongle id must do). */
    public static Optional<String> of(Telegram telegram) {
        for (ObisId id : new ObisId[] {EQUIPMENT_ID, EQUIPMENT_ID_ALT}) {
            CosemObject object = telegram.get(id);
            if (object != null && !object.value().isEmpty()) {
                String text = object.value().hexDecoded().strip();
                if (!text.isEmpty()) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }
}
