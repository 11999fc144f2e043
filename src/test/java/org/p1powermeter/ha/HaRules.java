package org.p1powermeter.ha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of docs/home-assistant.md (§1.2-§1.4: HA's DEVICE_CLASS_UNITS and DEVICE_CLASS_STATE_CLASSES, the
 * Energy dashboard's checks, the naming rule) checked on what a bridge published, in publish order. Each broken rule
 * is one line of {@link #violations}; an empty list means Home Assistant takes every entity.
 */
public final class HaRules {

    /** One published MQTT message. */
    public record Published(String topic, String payload, boolean retain) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIG_TOPIC = Pattern.compile("([^/]+(?:/[^/]+)*)/sensor/([a-zA-Z0-9_-]+)/([a-zA-Z0-9_-]+)/config");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{ value_json\\.([a-zA-Z0-9_]+) \\}\\}");
    /** HA's allowed units per device class (subset, home-assistant.md §1.4); "" = no unit. */
    static final Map<String, Set<String>> UNITS = Map.ofEntries(
            Map.entry("energy", Set.of("Wh", "kWh", "MWh", "GJ", "MJ")),
            Map.entry("power", Set.of("W", "kW")),
            Map.entry("reactive_power", Set.of("var", "kvar")),
            Map.entry("reactive_energy", Set.of("varh", "kvarh")),
            Map.entry("apparent_power", Set.of("VA", "kVA")),
            Map.entry("voltage", Set.of("V", "mV", "kV")),
            Map.entry("current", Set.of("A", "mA")),
            Map.entry("frequency", Set.of("Hz", "kHz")),
            Map.entry("power_factor", Set.of("%", "")),
            Map.entry("gas", Set.of("m³", "ft³", "CCF", "L")),
            Map.entry("water", Set.of("m³", "L", "gal", "ft³", "CCF")),
            Map.entry("duration", Set.of("s", "min", "h", "d", "ms")));
    /** HA's allowed state classes per device class. */
    static final Map<String, Set<String>> STATE_CLASSES = Map.ofEntries(
            Map.entry("energy", Set.of("total", "total_increasing")),
            Map.entry("power", Set.of("measurement")),
            Map.entry("reactive_power", Set.of("measurement")),
            Map.entry("reactive_energy", Set.of("total", "total_increasing")),
            Map.entry("apparent_power", Set.of("measurement")),
            Map.entry("voltage", Set.of("measurement")),
            Map.entry("current", Set.of("measurement")),
            Map.entry("frequency", Set.of("measurement")),
            Map.entry("power_factor", Set.of("measurement")),
            Map.entry("gas", Set.of("total", "total_increasing")),
            Map.entry("water", Set.of("total", "total_increasing")),
            Map.entry("duration", Set.of("measurement", "total", "total_increasing")));

    private HaRules() {
    }

    /** The rules one discovery config breaks on its own (keys, units, classes, names). */
    public static List<String> configViolations(String topic, JsonNode c) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("name", "unique_id", "state_topic", "value_template", "device", "origin",
                "availability_topic", "expire_after", "default_entity_id")) {
            if (!c.has(key)) {
                out.add(topic + ": no " + key);
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        String deviceClass = c.path("device_class").asText("");
        String unit = c.path("unit_of_measurement").asText("");
        String stateClass = c.path("state_class").asText("");
        if (!deviceClass.isEmpty()) {
            Set<String> units = UNITS.get(deviceClass);
            if (units == null) {
                out.add(topic + ": device class " + deviceClass + " is not one a meter value has");
            } else if (!units.contains(unit)) {
                out.add(topic + ": unit '" + unit + "' is not valid for device class " + deviceClass);
            }
            Set<String> classes = STATE_CLASSES.get(deviceClass);
            if (classes != null && !stateClass.isEmpty() && !classes.contains(stateClass)) {
                out.add(topic + ": state class '" + stateClass + "' is not valid for device class " + deviceClass);
            }
        }
        if (stateClass.isEmpty() && !"diagnostic".equals(c.path("entity_category").asText())) {
            out.add(topic + ": no state_class on a primary entity (HA keeps no statistics; the Energy dashboard cannot"
                    + " select it)");
        }
        if (c.path("expire_after").asInt() <= 0) {
            out.add(topic + ": expire_after " + c.path("expire_after"));
        }
        if (!c.path("default_entity_id").asText().matches("sensor\\.(?!.*__)(?!_)[a-z0-9_]+(?<!_)")) {
            out.add(topic + ": default_entity_id " + c.path("default_entity_id"));
        }
        JsonNode device = c.path("device");
        if (!device.path("identifiers").isArray() || device.path("identifiers").isEmpty() || !device.has("name")) {
            out.add(topic + ": device without identifiers or name");
        }
        String name = c.path("name").asText();
        String deviceName = device.path("name").asText();
        if (name.isEmpty() || name.toLowerCase().startsWith(deviceName.toLowerCase())) {
            out.add(topic + ": name '" + name + "' is empty or starts with the device name '" + deviceName + "'");
        }
        if (c.path("origin").path("name").asText().isEmpty()) {
            out.add(topic + ": origin without name");
        }
        if (!TEMPLATE.matcher(c.path("value_template").asText()).matches()) {
            out.add(topic + ": value_template " + c.path("value_template"));
        }
        return out;
    }

    /**
     * Every rule on a whole recording: configs retained, well-formed and valid; unique ids unique; every entity's
     * field in a JSON state message on its state topic (not retained), numeric (energy never negative); the bridge
     * status online and retained.
     */
    public static List<String> violations(List<Published> messages) {
        List<String> out = new ArrayList<>();
        Map<String, JsonNode> configs = new LinkedHashMap<>();
        Map<String, List<JsonNode>> states = new HashMap<>();
        Set<String> statusTopics = new HashSet<>();
        Map<String, String> lastStatus = new HashMap<>();
        for (Published p : messages) {
            Matcher m = CONFIG_TOPIC.matcher(p.topic());
            if (p.topic().endsWith("/config")) {
                if (!m.matches()) {
                    out.add(p.topic() + ": not <prefix>/sensor/<node>/<object>/config with [a-zA-Z0-9_-] ids");
                }
                if (!p.retain()) {
                    out.add(p.topic() + ": config not retained");
                }
                if (p.payload().isEmpty()) {
                    configs.remove(p.topic());
                } else {
                    JsonNode c = read(p, out);
                    if (c != null) {
                        configs.put(p.topic(), c);
                        statusTopics.add(c.path("availability_topic").asText());
                    }
                }
            } else if (p.topic().endsWith("/state")) {
                if (p.retain()) {
                    out.add(p.topic() + ": state retained (with expire_after HA would revive stale values)");
                }
                JsonNode s = read(p, out);
                if (s != null) {
                    states.computeIfAbsent(p.topic(), k -> new ArrayList<>()).add(s);
                }
            } else if (p.topic().endsWith("/status")) {
                lastStatus.put(p.topic(), p.payload());
                if (!p.retain() && !p.topic().startsWith("homeassistant")) {
                    out.add(p.topic() + ": status not retained");
                }
            }
        }
        Set<String> uniqueIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : configs.entrySet()) {
            String topic = e.getKey();
            JsonNode c = e.getValue();
            out.addAll(configViolations(topic, c));
            if (!uniqueIds.add(c.path("unique_id").asText())) {
                out.add(topic + ": unique_id " + c.path("unique_id") + " used twice");
            }
            Matcher t = TEMPLATE.matcher(c.path("value_template").asText());
            if (!t.matches()) {
                continue;
            }
            String field = t.group(1);
            List<JsonNode> onTopic = states.getOrDefault(c.path("state_topic").asText(), List.of());
            List<JsonNode> withField = onTopic.stream().filter(s -> s.has(field)).toList();
            boolean optional = field.endsWith("_min") || field.endsWith("_max");
            if (withField.isEmpty() && !optional) {
                out.add(topic + ": no state message on " + c.path("state_topic") + " carries " + field);
            }
            for (JsonNode s : withField) {
                JsonNode v = s.get(field);
                if (!v.isNumber()) {
                    out.add(topic + ": state " + field + " = " + v + " is not a number");
                } else if (c.path("state_class").asText().startsWith("total") && v.decimalValue().signum() < 0) {
                    out.add(topic + ": counter " + field + " = " + v + " is negative");
                }
            }
        }
        for (String status : statusTopics) {
            if (!"online".equals(lastStatus.get(status))) {
                out.add(status + ": the bridge status is " + lastStatus.get(status) + ", not online");
            }
        }
        return out;
    }

    private static JsonNode read(Published p, List<String> out) {
        try {
            JsonNode node = JSON.readTree(p.payload());
            if (node == null || !node.isObject()) {
                out.add(p.topic() + ": payload is not a JSON object: " + p.payload());
                return null;
            }
            return node;
        } catch (Exception e) {
            out.add(p.topic() + ": payload is not JSON: " + p.payload());
            return null;
        }
    }
}
