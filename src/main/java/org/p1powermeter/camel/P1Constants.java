package org.p1powermeter.camel;

import org.apache.camel.spi.Metadata;

/** Header names the P1 components and processors set. */
public final class P1Constants {

    @Metadata(description = "Number of the telegram since the source started (1, 2, …)", javaType = "long")
    public static final String TELEGRAM_SEQUENCE = "CamelP1TelegramSequence";
    @Metadata(description = "The source the telegram came from (serial port path, capture file or stdin)", javaType = "String")
    public static final String SOURCE = "CamelP1Source";
    @Metadata(description = "Measurement name, e.g. momentan_active_effect_out (M-Bus: gas_volume_2)", javaType = "String")
    public static final String MEASUREMENT_NAME = "CamelP1MeasurementName";
    @Metadata(description = "OBIS id of the measurement, e.g. 1-0:1.7.0", javaType = "String")
    public static final String OBIS = "CamelP1Obis";
    @Metadata(description = "Send group of the measurement, e.g. active_effect", javaType = "String")
    public static final String SEND_GROUP = "CamelP1SendGroup";
    @Metadata(description = "Meter equipment id (0-0:96.1.1 decoded) or the telegram header", javaType = "String")
    public static final String METER_ID = "CamelP1MeterId";
    @Metadata(description = "Telegram time (0-0:1.0.0) as java.time.Instant, when the meter sends one", javaType = "java.time.Instant")
    public static final String TELEGRAM_TIME = "CamelP1TelegramTime";
    @Metadata(description = "The telegram's text and status objects (ids decoded from hex, versions, messages, M-Bus device types and ids) by name, e.g. equipment_id, text_message, mbus_2_equipment_id", javaType = "java.util.Map<String, String>")
    public static final String TEXTS = "CamelP1Texts";
    @Metadata(description = "The meter's text message (0-0:96.13.0 decoded), when it sends one", javaType = "String")
    public static final String TEXT_MESSAGE = "CamelP1TextMessage";
    @Metadata(description = "M-Bus channel 1-4 of the measurement (M-Bus measurements only)", javaType = "int")
    public static final String MBUS_CHANNEL = "CamelP1MbusChannel";
    @Metadata(description = "EN 13757-3 device type of the measurement's M-Bus channel (0-n:24.1.0), e.g. 3 for gas", javaType = "int")
    public static final String MBUS_DEVICE_TYPE = "CamelP1MbusDeviceType";
    @Metadata(description = "Equipment id of the measurement's M-Bus device (0-n:96.1.0 or 0-n:96.1.1 decoded)", javaType = "String")
    public static final String MBUS_EQUIPMENT_ID = "CamelP1MbusEquipmentId";
    @Metadata(description = "Counter, instantaneous or state: how the value behaves (Home Assistant state class)", javaType = "String")
    public static final String VALUE_KIND = "CamelP1ValueKind";
    @Metadata(description = "Note of the measurement (the VSCP note, or the topic in no_vscp mode)", javaType = "String")
    public static final String NOTE = "CamelP1Note";

    private P1Constants() {
    }
}
