package org.p1powermeter.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p1powermeter.p1.CosemObject;
import org.p1powermeter.p1.CosemValue;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.p1.Telegram;

/**
 * The text and status objects of a telegram: ids, versions, messages, M-Bus device types. They are not measurements
 * (no VSCP event) but travel with the telegram's events as headers (see {@link #read(Telegram)}). With
 * {@link MeasurementType} this is every OBIS object the bridge knows; anything else is reported as unknown.
 * docs/obis-table.md lists both tables.
 *
 * <p>Rows marked per channel stand for {@code 0-n} with n = 1–4 (their OBIS id here has B = 0) and are named
 * {@code mbus_<n>_<name>}.
 */
public enum TextObject {
    TIMESTAMP("0-0:1.0.0", "Telegram date-time (the event time)", false),
    P1_VERSION("1-3:0.2.8", "P1 output version", false),
    EMUCS_VERSION("0-0:96.1.4", "e-MUCS / firmware version", false),
    EQUIPMENT_ID("0-0:96.1.1", "Electricity equipment id (hex text, decoded)", false),
    LOGICAL_DEVICE_NAME("0-0:42.0.0", "COSEM logical device name (LU, HU)", false),
    EQUIPMENT_SERIAL("0-0:96.1.0", "Equipment serial (HU, Iskra IE)", false),
    EQUIPMENT_ID_2("0-0:96.1.2", "Second equipment id (CH)", false),
    DEVICE_ID("0-0:0.0.0", "Device id", false),
    ELECTRICITY_DEVICE_ID("1-0:0.0.0", "Device id (Iskra IE, EasyMeter)", false),
    SERIAL_NUMBER("0-0:96.1.255", "Serial number (EasyMeter)", false),
    STATUS("1-0:96.5.5", "Status byte (EasyMeter)", false),
    TEXT_MESSAGE_CODE("0-0:96.13.1", "Text message code", false),
    TEXT_MESSAGE("0-0:96.13.0", "Text message", false),
    TEXT_MESSAGE_2("0-0:96.13.2", "Text message 2 (LU)", false),
    TEXT_MESSAGE_3("0-0:96.13.3", "Text message 3 (LU)", false),
    TEXT_MESSAGE_4("0-0:96.13.4", "Text message 4 (LU)", false),
    TEXT_MESSAGE_5("0-0:96.13.5", "Text message 5 (LU)", false),
    MBUS_DEVICE_TYPE("0-0:24.1.0", "M-Bus device type (EN 13757-3 medium: 3 gas, 7 water, 4 heat …)", true),
    MBUS_EQUIPMENT_ID("0-0:96.1.0", "M-Bus equipment id (hex text, decoded)", true),
    MBUS_EQUIPMENT_ID_BE("0-0:96.1.1", "M-Bus equipment id, Belgium (hex text, decoded)", true),
    MBUS_VALVE("0-0:24.4.0", "M-Bus valve position", true),
    MBUS_BREAKER("0-0:96.3.10", "M-Bus breaker state (LU)", true);

    private final ObisId obis;
    private final String description;
    private final boolean perChannel;
    private final String key;

    TextObject(String obis, String description, boolean perChannel) {
        this.obis = ObisId.parse(obis);
        this.description = description;
        this.perChannel = perChannel;
        this.key = perChannel ? name().substring("MBUS_".length()).toLowerCase(java.util.Locale.ROOT)
                : name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The OBIS id (per-channel rows: B = 0 stands for channels 1–4). */
    public ObisId obis() {
        return obis;
    }

    public String description() {
        return description;
    }

    /** Whether it is an M-Bus object, one per channel. */
    public boolean isPerChannel() {
        return perChannel;
    }

    /** Its name in {@link #read(Telegram)}: {@code equipment_id}, or for channel n {@code mbus_<n>_equipment_id}. */
    public String key(int channel) {
        return perChannel ? "mbus_" + channel + "_" + key : key;
    }

    /** The object for an id as sent, or null when the id is not a text object. */
    public static TextObject of(ObisId id) {
        boolean channel = id.a() == 0 && id.b() >= 1 && id.b() <= Sensor.MBUS_CHANNELS;
        return BY_KEY.get(lookupKey(id.a(), channel ? 0 : id.b(), id.c(), id.d(), id.e(), channel));
    }

    /** The table by OBIS key (B = 0 and a marker bit for per-channel rows): built once, read-only. */
    private static final Map<Long, TextObject> BY_KEY = index();

    private static Map<Long, TextObject> index() {
        Map<Long, TextObject> byKey = new java.util.HashMap<>();
        for (TextObject t : values()) {
            byKey.put(lookupKey(t.obis.a(), t.obis.b(), t.obis.c(), t.obis.d(), t.obis.e(), t.perChannel), t);
        }
        return byKey;
    }

    private static long lookupKey(int a, int b, int c, int d, int e, boolean perChannel) {
        return ObisId.key(a, b, c, d, e) | (perChannel ? 1L << 40 : 0);
    }

    /**
     * The text objects of a telegram by {@link #key(int)}, in telegram order: hex text decoded ({@code 4B38…} →
     * {@code K8…}), other values as sent, empty values left out.
     */
    public static Map<String, String> read(Telegram telegram) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<CosemObject> objects = telegram.objects();
        for (int i = 0, n = objects.size(); i < n; i++) {
            CosemObject object = objects.get(i);
            TextObject t = of(object.obis());
            if (t == null || t == TIMESTAMP) {
                continue;
            }
            CosemValue value = object.value();
            String text = value.isEmpty() ? null : t == MBUS_DEVICE_TYPE || t == MBUS_VALVE || t == MBUS_BREAKER
                    || t == P1_VERSION ? value.sent() : value.hexDecoded();
            if (text != null && !text.isEmpty()) {
                texts.putIfAbsent(t.key(object.obis().b()), text);
            }
        }
        return texts;
    }
}
