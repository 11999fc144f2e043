package org.p1powermeter.app.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of every setting with its origin, after the sources were layered: each {@link #put} replaces the value
 * of a lower-precedence source. Starts with every key at its built-in default.
 */
public final class RawSettings {
    /** What debug output and toString() show instead of a password. */
    public static final String MASK = "****";

    /**
     * Secrets shorter than this are not searched for in messages by {@link #redact}: they would mask ordinary
     * words (and are no secret anyway).
     */
    static final int MIN_REDACTED_LENGTH = 4;

    private final Map<SettingKey, SettingValue> values = new LinkedHashMap<>();
    /** Every secret text put, from any source (also one a higher-precedence source replaced). */
    private final Set<String> secrets = new LinkedHashSet<>();

    private RawSettings() {
    }

    public static RawSettings defaults() {
        RawSettings raw = new RawSettings();
        for (SettingKey key : SettingCatalog.all()) {
            raw.values.put(key, new SettingValue(key.defaultText(), SettingOrigin.DEFAULT));
        }
        return raw;
    }

    public void put(SettingKey key, String text, SettingOrigin origin) {
        values.put(key, new SettingValue(text, origin));
        if (key.isSecret() && text.strip().length() >= MIN_REDACTED_LENGTH) {
            secrets.add(text);
            secrets.add(text.strip());
        }
    }

    /**
     * The last line of defence for messages: every secret that was put (of at least {@value #MIN_REDACTED_LENGTH}
     * characters) replaced by {@value #MASK}. The readers already never echo a secret; this keeps a future message
     * that would from leaking it.
     */
    public String redact(String line) {
        String redacted = line;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    public SettingValue get(SettingKey key) {
        return values.get(key);
    }

    public SettingValue get(String name) {
        return values.get(SettingCatalog.key(name));
    }

    /**
     * One line per setting, e.g. {@code [MQTT] host = 127.0.0.1 (config.ini:110)}; a non-empty password is shown
     * as {@value #MASK}.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<SettingKey, SettingValue> entry : values.entrySet()) {
            SettingKey key = entry.getKey();
            SettingValue value = entry.getValue();
            String shown = key.isSecret() && !value.text().isEmpty() ? MASK : value.text();
            lines.add(key.displayName() + " = " + shown + " (" + value.origin() + ")");
        }
        return List.copyOf(lines);
    }
}
