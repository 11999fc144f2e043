package org.p1powermeter.vscp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An MQTT topic template such as {@code vscp/{xguid}/{xclass}/{xtype}} (the Python script's default), compiled
 * once into literal and placeholder parts.
 *
 * <p>Placeholders (the Python script's, a subset of the VSCP specification's vscp_over_mqtt.md topics): {@code {guid}}/{@code {xguid}} → the GUID string;
 * {@code {class}}/{@code {xclass}}, {@code {type}}/{@code {xtype}} → <em>decimal</em> (the Python script's
 * meaning; vscpd's mustache {@code {{xclass}}} would be hex, which this publisher never uses);
 * {@code {nickname}}, {@code {sensorindex}} (also {@code {sensor-index}}), {@code {zone}}, {@code {subzone}} →
 * decimal. The vscpd form with doubled braces ({@code {{guid}}}) is accepted as the same placeholder.
 * The sensor index, zone and subzone come from the event's measurement block (0 when it has none).
 *
 * <p>Templates with {@code +}, {@code #} or NUL (forbidden in MQTT topic names), unknown placeholders or
 * unbalanced braces are rejected by {@link #parse}.
 */
public final class TopicTemplate {

    private enum Field { GUID, CLASS, TYPE, NICKNAME, SENSOR_INDEX, ZONE, SUBZONE }

    /** A compiled part: a literal (field null) or a placeholder. */
    private record Part(String literal, Field field) {
    }

    /** The Python script's default topic. */
    public static final String PYTHON_DEFAULT = "vscp/{xguid}/{xclass}/{xtype}";

    private final String template;
    private final Part[] parts;

    private TopicTemplate(String template, Part[] parts) {
        this.template = template;
        this.parts = parts;
    }

    /** @throws IllegalArgumentException naming what is wrong with the template */
    public static TopicTemplate parse(String template) {
        if (template == null || template.isEmpty()) {
            throw new IllegalArgumentException("topic template is empty");
        }
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch == '+' || ch == '#' || ch == '\0') {
                throw new IllegalArgumentException("topic template '" + template.replace('\0', '?') + "' contains "
                        + (ch == '\0' ? "NUL" : "'" + ch + "'") + " at " + i
                        + ", which MQTT forbids in topic names");
            }
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch == '}') {
                throw new IllegalArgumentException("topic template '" + template + "': '}' without '{' at " + i);
            }
            if (ch != '{') {
                literal.append(ch);
                i++;
                continue;
            }
            boolean doubled = template.startsWith("{{", i);
            int open = doubled ? 2 : 1;
            int close = template.indexOf(doubled ? "}}" : "}", i + open);
            if (close < 0) {
                throw new IllegalArgumentException("topic template '" + template + "': '{' without '}' at " + i);
            }
            String name = template.substring(i + open, close);
            Field field = fieldOf(name);
            if (field == null) {
                throw new IllegalArgumentException("topic template '" + template + "': unknown placeholder {" + name
                        + "}; known: {guid} {xguid} {class} {xclass} {type} {xtype} {nickname} {sensorindex} {zone} {subzone}");
            }
            if (literal.length() > 0) {
                parts.add(new Part(literal.toString(), null));
                literal.setLength(0);
            }
            parts.add(new Part(null, field));
            i = close + open;
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null));
        }
        return new TopicTemplate(template, parts.toArray(new Part[0]));
    }

    private static Field fieldOf(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "guid": case "xguid": return Field.GUID;
            case "class": case "xclass": return Field.CLASS;
            case "type": case "xtype": return Field.TYPE;
            case "nickname": return Field.NICKNAME;
            case "sensorindex": case "sensor-index": return Field.SENSOR_INDEX;
            case "zone": return Field.ZONE;
            case "subzone": return Field.SUBZONE;
            default: return null;
        }
    }

    /** The topic of one event. */
    public String render(VscpEvent e) {
        StringBuilder sb = new StringBuilder(80);
        VscpEvent.Measurement m = e.measurement();
        for (Part p : parts) {
            if (p.field == null) {
                sb.append(p.literal);
                continue;
            }
            switch (p.field) {
                case GUID -> sb.append(e.guid().toString());
                case CLASS -> sb.append(e.vscpClass());
                case TYPE -> sb.append(e.vscpType());
                case NICKNAME -> sb.append(e.nickname());
                case SENSOR_INDEX -> sb.append(m == null ? 0 : m.sensorIndex());
                case ZONE -> sb.append(m == null ? 0 : m.zone());
                case SUBZONE -> sb.append(m == null ? 0 : m.subzone());
                default -> throw new IllegalStateException(p.field.name());
            }
        }
        return sb.toString();
    }

    /** The template text as given. */
    @Override
    public String toString() {
        return template;
    }
}
