package org.p1powermeter.it;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bundled Swedish telegram (src/main/resources/demo/sweden-ellevio.telegram, CRC 7945) and what each of the
 * Python script's 26 measurements must become: VSCP type, unit code, the value as sent in the data bytes.
 */
final class SwedishTelegram {

    /** Expected event of one measurement. */
    record Expected(String name, int sensorIndex, int type, int unit, String value, String note) {
    }

    /** 210217184019W is Swedish standard time (UTC+1). */
    static final String DATE_TIME = "2021-02-17T17:40:19Z";

    static final Map<String, Expected> BY_NOTE = new LinkedHashMap<>();

    static {
        add("sum_active_energy_out", 1, 13, 1, "6678.394", "Meter reading active energy out");
        add("sum_active_energy_in", 2, 13, 1, "0.000", "Meter reading active energy in");
        add("sum_reactive_energy_out", 3, 65, 0, "21.988", "Meter reading reactive energy out");
        add("sum_reactive_energy_in", 4, 65, 0, "1020.971", "Meter reading reactive energy in");
        add("momentan_active_effect_out", 5, 14, 0, "1727", "Active effect out");
        add("momentan_active_effect_in", 6, 14, 0, "0", "Active effect in");
        add("momentan_reactive_effect_out", 7, 64, 0, "0", "Reactive effect out");
        add("momentan_reactive_effect_in", 8, 64, 0, "309", "Reactive effect in");
        add("momentan_active_effect_l1_out", 9, 14, 0, "1023", "Active effect L1 out");
        add("momentan_active_effect_l1_in", 10, 14, 0, "0", "Active effect L1 in");
        add("momentan_active_effect_l2_out", 11, 14, 0, "350", "Active effect L2 out");
        add("momentan_active_effect_l2_in", 12, 14, 0, "0", "Active effect L2 in");
        add("momentan_active_effect_l3_out", 13, 14, 0, "353", "Active effect L3 out");
        add("momentan_active_effect_l3_in", 14, 14, 0, "0", "Active effect L3 in");
        add("momentan_reactive_effect_l1_out", 15, 64, 0, "0", "Reactive effect L1 out");
        add("momentan_reactive_effect_l1_in", 16, 64, 0, "9", "Reactive effect L1 in");
        add("momentan_reactive_effect_l2_out", 17, 64, 0, "0", "Reactive effect L2 out");
        add("momentan_reactive_effect_l2_in", 18, 64, 0, "161", "Reactive effect L2 in");
        add("momentan_reactive_effect_l3_out", 19, 64, 0, "0", "Reactive effect L3 out");
        add("momentan_reactive_effect_l3_in", 20, 64, 0, "138", "Reactive effect L3 in");
        add("voltage_l1", 21, 16, 0, "240.3", "Voltage L1");
        add("voltage_l2", 22, 16, 0, "240.1", "Voltage L2");
        add("voltage_l3", 23, 16, 0, "241.3", "Voltage L3");
        add("current_l1", 24, 5, 0, "4.2", "Current L1");
        add("current_l2", 25, 5, 0, "1.6", "Current L2");
        add("current_l3", 26, 5, 0, "1.7", "Current L3");
    }

    private SwedishTelegram() {
    }

    private static void add(String name, int index, int type, int unit, String value, String note) {
        BY_NOTE.put(note, new Expected(name, index, type, unit, value, note));
    }

    static byte[] bytes() throws IOException {
        try (InputStream in = SwedishTelegram.class.getResourceAsStream("/demo/sweden-ellevio.telegram")) {
            return in.readAllBytes();
        }
    }

    /**
     * The telegram with {@code 1-0:1.8.0} (sum_active_energy_out, note "Meter reading active energy out") set to
     * {@code 1000 + n} kWh and its CRC made right again: telegrams a test can tell apart by that one value.
     */
    static byte[] numbered(int n) throws IOException {
        String text = new String(bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("1-0:1.8.0(00006678.394*kWh)", String.format("1-0:1.8.0(%08d.000*kWh)", 1000 + n));
        int bang = text.indexOf('!');
        byte[] body = text.substring(0, bang + 1).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String crc = String.format("%04X", org.p1powermeter.p1.Crc16Arc.compute(body));
        return (text.substring(0, bang + 1) + crc + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The value {@link #numbered(int)} gives sum_active_energy_out, as the bridge publishes it with no_vscp. */
    static String numberedValue(int n) {
        return (1000 + n) + ".000";
    }

    /** The config.ini of the Python script (test resource), pointed at this test's broker and port. */
    static String seedConfig(int brokerPort, String serialPort, Map<String, String> overrides) throws IOException {
        String ini;
        try (InputStream in = SwedishTelegram.class.getResourceAsStream("/seed/config.ini")) {
            ini = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, String> set = new LinkedHashMap<>();
        set.put("port", Integer.toString(brokerPort));
        set.put("serial_port", serialPort);
        set.putAll(overrides);
        StringBuilder out = new StringBuilder();
        for (String line : ini.split("\n", -1)) {
            String key = line.contains("=") ? line.substring(0, line.indexOf('=')).trim() : null;
            if (key != null && !line.trim().startsWith("#") && set.containsKey(key)) {
                out.append(key).append('=').append(set.remove(key)).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        if (!set.isEmpty()) {
            throw new IllegalArgumentException("keys not in the seed config.ini: " + set.keySet());
        }
        return out.toString();
    }
}
