package org.p1powermeter.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p1powermeter.p1.CosemObject;
import org.p1powermeter.p1.ObisId;
import org.p1powermeter.p1.Telegram;

/**
 * Who a meter is, for Home Assistant's device registry, read from one telegram: its id (the equipment id
 * {@code 0-0:96.1.1} decoded, else the telegram header), the manufacturer from the header's three-letter FLAG id,
 * the model (the header), the P1 version ({@code 1-3:0.2.8}, else {@code 0-0:96.1.4}) and its M-Bus devices
 * ({@code 0-n:24.1.0} type and {@code 0-n:96.1.0} equipment id, {@code 0-n:96.1.1} in Belgium).
 *
 * @param meterId      the id the route carries (header {@code CamelP1MeterId})
 * @param header       the telegram's identification line without {@code /}
 * @param manufacturer the manufacturer, or the FLAG id itself when it is not known
 * @param p1Version    the P1 version, or null
 * @param mbus         the M-Bus devices the telegram names
 */
public record MeterIdentity(String meterId, String header, String manufacturer, String p1Version, List<MbusDevice> mbus) {

    /** One M-Bus device: its channel, EN 13757-3 medium and equipment id (decoded; null when not sent). */
    public record MbusDevice(int channel, int medium, String equipmentId) {
    }

    /** FLAG ids (DLMS UA) of the meters P1 users have, by upper-case id. */
    private static final Map<String, String> MANUFACTURERS = Map.ofEntries(
            Map.entry("ISK", "Iskra"), Map.entry("KFM", "Kaifa"), Map.entry("XMX", "Landis+Gyr"),
            Map.entry("LGF", "Landis+Gyr"), Map.entry("ENE", "Sagemcom"), Map.entry("SAG", "Sagemcom"),
            Map.entry("KAM", "Kamstrup"), Map.entry("FLU", "Fluvius"), Map.entry("ESY", "EasyMeter"),
            Map.entry("EST", "Sagemcom"), Map.entry("LUX", "Sagemcom"), Map.entry("ELL", "Sagemcom"),
            Map.entry("NWA", "NWA"));
    private static final ObisId VERSION = new ObisId(1, 3, 0, 2, 8);
    private static final ObisId VERSION_BE = new ObisId(0, 0, 96, 1, 4);
    private static final int MAX_MBUS_CHANNEL = 4;

    public MeterIdentity {
        mbus = List.copyOf(mbus);
    }

    public static MeterIdentity of(Telegram telegram, String meterId) {
        String header = telegram.header() == null ? "" : telegram.header();
        String flag = header.length() >= 3 ? header.substring(0, 3) : header;
        String manufacturer = MANUFACTURERS.getOrDefault(flag.toUpperCase(Locale.ROOT), flag.isEmpty() ? "unknown" : flag);
        String version = text(telegram.get(VERSION));
        if (version == null) {
            version = text(telegram.get(VERSION_BE));
        }
        List<MbusDevice> mbus = new ArrayList<>();
        for (int channel = 1; channel <= MAX_MBUS_CHANNEL; channel++) {
            int medium = telegram.mbusDeviceType(channel);
            if (medium >= 0) {
                CosemObject id = telegram.get(new ObisId(0, channel, 96, 1, 0));
                if (id == null || id.value().isEmpty()) {
                    id = telegram.get(new ObisId(0, channel, 96, 1, 1)); // Belgian meters
                }
                String decoded = id == null || id.value().isEmpty() ? null : id.value().hexDecoded();
                mbus.add(new MbusDevice(channel, medium, decoded == null || decoded.isBlank() ? null : decoded.trim()));
            }
        }
        return new MeterIdentity(meterId, header, manufacturer, version, mbus);
    }

    /** The id made safe for topics and HA ids ({@code [A-Za-z0-9_-]}; anything else becomes {@code _}). */
    public static String key(String id) {
        StringBuilder b = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    ? c : '_');
        }
        return b.length() == 0 ? "unknown" : b.toString();
    }

    /** {@link #key(String)} of the meter id. */
    public String key() {
        return key(meterId);
    }

    /** The M-Bus device on this channel, or null. */
    public MbusDevice mbusDevice(int channel) {
        for (MbusDevice d : mbus) {
            if (d.channel() == channel) {
                return d;
            }
        }
        return null;
    }

    private static String text(CosemObject o) {
        return o == null || o.value().isEmpty() ? null : o.value().text();
    }
}
