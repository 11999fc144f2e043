package org.p1powermeter.vscp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The reading side of {@link VscpJson}: a classic VSCP JSON event back into a {@link VscpEvent}, through a Jackson
 * tree with exact decimals. Thread-safe. Callers use {@link VscpJson#fromJson}.
 */
final class VscpJsonReader {

    /**
     * Made when this class is first used, i.e. at the first read: an ObjectMapper loads ~280 databind classes,
     * which writing events ({@link VscpJson}) never needs.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private VscpJsonReader() {
    }

    /** See {@link VscpJson#fromJson}. */
    static VscpEvent read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON event: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a VSCP JSON event must be an object");
        }
        JsonNode data = required(root, "vscpData");
        if (!data.isArray()) {
            throw new IllegalArgumentException("vscpData must be an array");
        }
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) integer(data.get(i), "vscpData[" + i + "]", 255);
        }
        Instant dateTime;
        try {
            dateTime = Instant.parse(required(root, "vscpDateTime").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("vscpDateTime is not an ISO-8601 UTC time: " + root.get("vscpDateTime"), e);
        }
        JsonNode note = root.get("vscpNote");
        JsonNode m = root.get("measurement");
        VscpEvent.Measurement measurement = m == null || m.isNull() ? null : new VscpEvent.Measurement(
                decimal(required(m, "value")), (int) integer(required(m, "unit"), "unit", 255),
                (int) integer(required(m, "sensorindex"), "sensorindex", 255),
                (int) integer(required(m, "zone"), "zone", 255), (int) integer(required(m, "subzone"), "subzone", 255));
        return new VscpEvent((int) integer(required(root, "vscpHead"), "vscpHead", 0xFFFF),
                integer(required(root, "vscpObId"), "vscpObId", 0xFFFF_FFFFL), dateTime,
                integer(required(root, "vscpTimeStamp"), "vscpTimeStamp", 0xFFFF_FFFFL),
                (int) integer(required(root, "vscpClass"), "vscpClass", 0xFFFF),
                (int) integer(required(root, "vscpType"), "vscpType", 0xFFFF),
                Guid.parse(required(root, "vscpGuid").asText()), bytes,
                note == null || note.isNull() ? null : note.asText(), measurement);
    }

    private static JsonNode required(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return n;
    }

    private static long integer(JsonNode n, String key, long max) {
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0 || n.asLong() > max) {
            throw new IllegalArgumentException(key + " must be an integer 0-" + max + ", got " + n);
        }
        return n.asLong();
    }

    private static BigDecimal decimal(JsonNode n) {
        if (!n.isNumber()) {
            throw new IllegalArgumentException("measurement.value must be a number, got " + n);
        }
        return n.decimalValue();
    }
}
