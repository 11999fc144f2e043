package org.p1powermeter.measure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.p1powermeter.p1.Telegram;

/**
 * Which meter a telegram comes from: the electricity equipment id ({@code 0-0:96.1.1}), else the logical device
 * name ({@code 0-0:42.0.0}, LU, HU), else the equipment serial ({@code 0-0:96.1.0}), else the serial number
 * ({@code 0-0:96.1.255}), as {@link TextObject#read} gives them (hex text decoded). The one rule for the meter id:
 * the parse stage's {@code CamelP1MeterId} header, the Kafka key written by {@code ingest} and the per-meter GUID of
 * {@code bridge} all use it.
 */
public final class MeterId {

    private static final List<TextObject> IDS = List.of(TextObject.EQUIPMENT_ID, TextObject.LOGICAL_DEVICE_NAME,
            TextObject.EQUIPMENT_SERIAL, TextObject.SERIAL_NUMBER);

    private MeterId() {
    }

    /** The meter id among a telegram's text objects ({@link TextObject#read}), or empty when it names none. */
    public static Optional<String> of(Map<String, String> texts) {
        for (TextObject t : IDS) {
            String id = texts.get(t.key(0));
            if (id != null && !id.isBlank()) {
                return Optional.of(id.strip());
            }
        }
        return Optional.empty();
    }

    /** The meter id of a parsed telegram, or empty when it names none (then a source or dongle id must do). */
    public static Optional<String> of(Telegram telegram) {
        return of(TextObject.read(telegram));
    }
}
