package org.p1powermeter.ha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.rate.RateWindows;
import org.p1powermeter.measure.SendGroup;
import org.p1powermeter.rate.MeterPublish;
import org.p1powermeter.rate.WindowValue;

/**
 * Builds the Home Assistant MQTT messages (JSON with Jackson): per-entity discovery configs, their removal, the one
 * JSON state message per meter and publish, and the bridge status. Stateless and thread-safe.
 *
 * <ul>
 * <li>Config topic {@code <prefix>/sensor/p1_<meter>/<name>/config}, retained; {@code unique_id}
 * {@code p1_<meter>_<name>} (an M-Bus value with its device's equipment id: {@code p1_<mbus id>_<row>}), so ids
 * survive restarts, a changed VSCP topic template and a moved dongle.
 * <li>A device per meter (ids {@code p1_<meter>}) and per M-Bus meter ({@code via_device} the electricity meter).
 * <li>State topic {@code <base>/<meter>/state}: {@code {"time": …, "<name>": value in HA's unit, …}}; each entity
 * reads its field with {@code value_template}.
 * </ul>
 */
public final class HomeAssistantMessages {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final byte[] EMPTY = new byte[0];
    /** M-Bus channels 0-1 … 0-4 a removal covers. */
    private static final int MAX_MBUS_CHANNEL = 4;

    private final HaOptions options;

    public HomeAssistantMessages(HaOptions options) {
        this.options = options;
    }

    public HaOptions options() {
        return options;
    }

    /** {@code <base>/<meter>/state}. */
    public String stateTopic(String meterId) {
        return options.baseTopic() + "/" + MeterIdentity.key(meterId) + "/state";
    }

    /** {@code <prefix>/sensor/p1_<meter>/<object>/config}. */
    public String configTopic(String meterId, String object) {
        return options.prefix() + "/sensor/" + node(meterId) + "/" + MeterIdentity.key(object) + "/config";
    }

    /** The bridge status, retained: {@code online} or {@code offline}. */
    public HaMessage status(boolean online) {
        return new HaMessage(options.statusTopic(), (online ? HaOptions.ONLINE : HaOptions.OFFLINE)
                .getBytes(StandardCharsets.US_ASCII), true);
    }

    /** The retained discovery configs of these entities of one meter (an entity: a table row and its M-Bus channel). */
    public List<HaMessage> configs(MeterIdentity meter, Collection<Entity> entities) {
        List<HaMessage> out = new ArrayList<>(entities.size() * (options.minMax() ? 3 : 1));
        for (Entity e : entities) {
            out.add(config(meter, e, ""));
            if (options.minMax() && RateWindows.isAveraged(e.type())) {
                out.add(config(meter, e, "_min"));
                out.add(config(meter, e, "_max"));
            }
        }
        return out;
    }

    /**
     * Empty retained configs for every entity of the rows whose send group is switched off (M-Bus rows: on each
     * channel), so Home Assistant removes entities an earlier run announced. Removing what was never there is harmless.
     */
    public List<HaMessage> removals(MeterIdentity meter, Set<SendGroup> enabled) {
        List<HaMessage> out = new ArrayList<>();
        for (MeasurementType type : MeasurementType.values()) {
            if (enabled.contains(type.group())) {
                continue;
            }
            int channels = type.isMbus() ? MAX_MBUS_CHANNEL : 0;
            for (int channel = type.isMbus() ? 1 : 0; channel <= channels; channel++) {
                String name = new Entity(type, channel).name();
                out.add(new HaMessage(configTopic(meter.meterId(), name), EMPTY, true));
                if (options.minMax() && RateWindows.isAveraged(type)) {
                    out.add(new HaMessage(configTopic(meter.meterId(), name + "_min"), EMPTY, true));
                    out.add(new HaMessage(configTopic(meter.meterId(), name + "_max"), EMPTY, true));
                }
            }
        }
        return out;
    }

    /** The one state message of a publish: every value in HA's unit (min and max too when enabled), not retained. */
    public HaMessage state(MeterPublish publish) {
        ObjectNode state = JSON.createObjectNode();
        state.put("time", publish.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        for (WindowValue v : publish.values()) {
            HaSensor sensor = HaSensor.of(v.value().type());
            state.put(v.name(), sensor.toHaUnit(v.value().meterValue()));
            if (options.minMax() && v.min() != null) {
                state.put(v.name() + "_min", sensor.toHaUnit(v.min()));
                state.put(v.name() + "_max", sensor.toHaUnit(v.max()));
            }
        }
        return new HaMessage(stateTopic(publish.meterId()), bytes(state), false);
    }

    private HaMessage config(MeterIdentity meter, Entity e, String suffix) {
        MeasurementType type = e.type();
        HaSensor sensor = HaSensor.of(type);
        String name = e.name() + suffix;
        String meterKey = meter.key();
        MeterIdentity.MbusDevice mbus = e.channel() > 0 ? meter.mbusDevice(e.channel()) : null;
        String mbusKey = mbus != null && mbus.equipmentId() != null ? MeterIdentity.key(mbus.equipmentId()) : null;
        ObjectNode c = JSON.createObjectNode();
        c.put("name", sensor.entityName(type) + (suffix.isEmpty() ? "" : suffix.equals("_min") ? " min" : " max"));
        c.put("unique_id", mbusKey != null ? "p1_" + mbusKey + "_" + type.configName() + suffix : "p1_" + meterKey + "_" + name);
        c.put("default_entity_id", "sensor." + slug("p1_" + shortKey(meterKey) + "_" + name));
        c.put("state_topic", stateTopic(meter.meterId()));
        c.put("value_template", "{{ value_json." + name + " }}");
        if (sensor.unit() != null) {
            c.put("unit_of_measurement", sensor.unit());
        }
        if (sensor.deviceClass() != null) {
            c.put("device_class", sensor.deviceClass());
        }
        c.put("state_class", sensor.stateClass());
        c.put("suggested_display_precision", sensor.precision());
        boolean diagnostic = sensor.diagnostic() || !suffix.isEmpty();
        if (diagnostic) {
            c.put("entity_category", "diagnostic");
            c.put("enabled_by_default", false);
        }
        c.put("expire_after", type.isMbus() ? Math.max(options.expireAfterSeconds(), HaOptions.MBUS_EXPIRE_AFTER_SECONDS)
                : options.expireAfterSeconds());
        c.put("availability_topic", options.statusTopic());
        c.put("payload_available", HaOptions.ONLINE);
        c.put("payload_not_available", HaOptions.OFFLINE);
        c.set("device", e.channel() > 0 ? mbusDevice(meter, e, mbus, mbusKey, sensor) : meterDevice(meter));
        ObjectNode origin = c.putObject("origin");
        origin.put("name", HaOptions.ORIGIN_NAME);
        origin.put("sw_version", options.version());
        if (!options.supportUrl().isEmpty()) {
            origin.put("support_url", options.supportUrl());
        }
        return new HaMessage(configTopic(meter.meterId(), name), bytes(c), true);
    }

    private static ObjectNode meterDevice(MeterIdentity meter) {
        ObjectNode d = JSON.createObjectNode();
        d.putArray("identifiers").add("p1_" + meter.key());
        d.put("name", "Smart meter " + shortKey(meter.key()));
        d.put("manufacturer", meter.manufacturer());
        if (!meter.header().isEmpty()) {
            d.put("model", meter.header());
        }
        if (!meter.meterId().equals(meter.header())) {
            d.put("serial_number", meter.meterId()); // the equipment id (a meter without one is named by its header)
        }
        if (meter.p1Version() != null) {
            d.put("sw_version", meter.p1Version());
        }
        return d;
    }

    private static ObjectNode mbusDevice(MeterIdentity meter, Entity e, MeterIdentity.MbusDevice mbus, String mbusKey,
            HaSensor sensor) {
        ObjectNode d = JSON.createObjectNode();
        ArrayNode ids = d.putArray("identifiers");
        String key = mbusKey != null ? mbusKey : meter.key() + "_mbus" + e.channel();
        ids.add("p1_" + key);
        d.put("name", sensor.label() + " meter " + shortKey(key));
        if (mbus != null && mbus.equipmentId() != null) {
            d.put("serial_number", mbus.equipmentId());
        }
        d.put("model", "M-Bus channel " + e.channel() + (mbus != null ? ", device type " + mbus.medium() : ""));
        d.put("via_device", "p1_" + meter.key());
        return d;
    }

    /** The node of a meter's configs: {@code p1_<meter>}. */
    private static String node(String meterId) {
        return "p1_" + MeterIdentity.key(meterId);
    }

    /** The last 6 letters and digits of a key (device names and entity ids), e.g. {@code 246019}. */
    static String shortKey(String key) {
        String k = key.replaceAll("[^A-Za-z0-9]", "");
        k = k.isEmpty() ? key : k;
        return k.length() > 6 ? k.substring(k.length() - 6) : k;
    }

    /** An HA object id: lower case {@code [a-z0-9_]}, no double, leading or trailing {@code _}. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("_+", "_");
        s = s.replaceAll("^_|_$", "");
        return s.isEmpty() ? "p1" : s;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // an ObjectNode of strings and numbers always can
        }
    }

    /** One HA entity: a table row, and its M-Bus channel (0 for electricity values). */
    public record Entity(MeasurementType type, int channel) {
        /** The measurement name, as {@link org.p1powermeter.measure.Measurement#name()}: {@code gas_volume_2}. */
        public String name() {
            return channel == 0 ? type.configName() : type.configName() + "_" + channel;
        }
    }

}
