package org.p1powermeter.app.config;

/**
 * The [HOMEASSISTANT] section: MQTT discovery, state and availability for Home Assistant.
 *
 * @param discovery          true: discovery configs, one JSON state message per meter, the bridge status and its will
 * @param vscp               true: the VSCP events (or no_vscp values) are published beside the state
 * @param prefix             discovery prefix
 * @param baseTopic          base of {@code <base>/<meter>/state} and {@code <base>/status}
 * @param expireAfterSeconds {@code expire_after} of the sensors as set; 0 = {@link #expireAfter(java.time.Duration)} decides
 * @param supportUrl         {@code origin.support_url} of the configs; empty leaves it out
 */
public record HomeAssistantSettings(boolean discovery, boolean vscp, String prefix, String baseTopic,
        int expireAfterSeconds, String supportUrl) {

    /** The automatic {@code expire_after}: three windows, and at least a minute (DSMR 2.2-4 meters send every 10 s). */
    public static final int MIN_AUTO_EXPIRE_AFTER_SECONDS = 60;

    /** Home Assistant off (the Python script's behaviour). */
    public static HomeAssistantSettings off() {
        return new HomeAssistantSettings(false, true, "homeassistant", "p1", 0, "");
    }

    /** The {@code expire_after} in effect for this publish interval. */
    public int expireAfter(java.time.Duration interval) {
        if (expireAfterSeconds > 0) {
            return expireAfterSeconds;
        }
        return (int) Math.max(MIN_AUTO_EXPIRE_AFTER_SECONDS, 3 * interval.toSeconds());
    }

    /**
     * How long unchanged counters may go unsent: half the {@code expire_after}, so a meter that is alive never shows
     * unavailable (the rate windows round it up to whole windows; the validator keeps expire_after above 2 windows).
     */
    public java.time.Duration heartbeat(java.time.Duration interval) {
        return java.time.Duration.ofSeconds(Math.max(interval.toSeconds(), expireAfter(interval) / 2));
    }
}
