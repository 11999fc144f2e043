package org.p1powermeter.ha;

/**
 * The Home Assistant settings the messages are built with.
 *
 * @param prefix             discovery prefix ({@code homeassistant}); configs go to {@code <prefix>/sensor/<node>/<object>/config}
 * @param baseTopic          base of the state topics, {@code <base>/<meter>/state}, and of the status topic {@code <base>/status}
 * @param expireAfterSeconds {@code expire_after} of every sensor (M-Bus values at least {@link #MBUS_EXPIRE_AFTER_SECONDS})
 * @param minMax             true: the state also carries {@code <name>_min} and {@code <name>_max} of averaged values
 * @param version            the bridge's version ({@code origin.sw_version})
 * @param supportUrl         {@code origin.support_url}; empty leaves it out
 */
public record HaOptions(String prefix, String baseTopic, int expireAfterSeconds, boolean minMax, String version,
        String supportUrl) {

    /** Gas and water meters send every 5 min (DSMR 5) to 1 h (DSMR 4): their values expire after 2 h at the soonest. */
    public static final int MBUS_EXPIRE_AFTER_SECONDS = 7200;
    public static final String ORIGIN_NAME = "p1-power-meter";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    /** The bridge's availability topic: {@code online} retained on connect, {@code offline} as will and at stop. */
    public String statusTopic() {
        return baseTopic + "/status";
    }

    /** Where Home Assistant announces itself ({@code online} after each start of its MQTT integration). */
    public String birthTopic() {
        return prefix + "/status";
    }
}
