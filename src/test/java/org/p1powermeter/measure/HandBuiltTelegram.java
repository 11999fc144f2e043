package org.p1powermeter.measure;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.p1powermeter.p1.CosemObject;
import org.p1powermeter.p1.CosemValue;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.p1.Telegram;

/**
 * Builds a {@link Telegram} model by hand from COSEM lines such as {@code 1-0:1.7.0(12.345*kW)}, for tests of the
 * stages after the parser (the real TelegramParser lives on another branch). Deliberately simple: groups split on
 * {@code )(}, unit after {@code *}; M-Bus {@code 24.2.x} lines read (capture time)(value); a DSMR 2.2
 * {@code 24.3.0} line takes its value from a following line that starts with {@code (}.
 */
public final class HandBuiltTelegram {

    public static final ZoneId METER_ZONE = ZoneId.of("Europe/Amsterdam");

    private HandBuiltTelegram() {
    }

    public static Telegram of(String... lines) {
        List<CosemObject> objects = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("/") || line.startsWith("!")) {
                continue;
            }
            int open = line.indexOf('(');
            ObisId obis = ObisId.parse(line.substring(0, open));
            List<CosemValue> values = groups(line.substring(open));
            int main = values.isEmpty() ? -1 : 0;
            int time = -1;
            if (obis.c() == 24 && obis.d() == 2) {
                main = 1;
                time = 0;
            } else if (obis.c() == 24 && obis.d() == 3 && i + 1 < lines.length && lines[i + 1].strip().startsWith("(")) {
                values.addAll(groups(lines[++i].strip()));
                main = values.size() - 1;
                time = 0;
            }
            objects.add(new CosemObject(obis, values, main, time));
        }
        CosemObject clock = objects.stream().filter(o -> o.obis().equals(Telegram.TIMESTAMP)).findFirst().orElse(null);
        return new Telegram(null, "HAND\\5BUILT", objects, clock == null ? null : clock.value().timestamp(METER_ZONE),
                List.of());
    }

    /** Every COSEM line of a text telegram (header, blank and {@code !} lines are ignored). */
    public static Telegram ofText(String telegram) {
        return of(telegram.split("\r?\n"));
    }

    private static List<CosemValue> groups(String text) {
        List<CosemValue> values = new ArrayList<>();
        for (String g : text.substring(1, text.length() - 1).split("\\)\\(", -1)) {
            if (g.isEmpty()) {
                values.add(CosemValue.EMPTY);
            } else {
                int star = g.indexOf('*');
                values.add(star < 0 ? new CosemValue(g, null) : new CosemValue(g.substring(0, star), g.substring(star + 1)));
            }
        }
        return values;
    }
}
