package org.p1powermeter.ha;

import java.nio.charset.StandardCharsets;

/**
 * One MQTT message for Home Assistant: a discovery config (retained; an empty payload removes the entity), a state
 * message or the bridge's status.
 */
public record HaMessage(String topic, byte[] payload, boolean retained) {

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HaMessage[" + topic + (retained ? " (retained)" : "") + " " + payloadText() + "]";
    }
}
