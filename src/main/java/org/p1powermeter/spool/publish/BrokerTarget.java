package org.p1powermeter.spool.publish;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The broker the publisher connects to: URL, client id, the Paho connect options (login, TLS, keep-alive;
 * automatic reconnect is turned off, the publisher reconnects itself) and the window of unacknowledged
 * publishes. {@link #toString()} never shows the password.
 */
public record BrokerTarget(String url, String clientId, MqttConnectOptions options, int window) {

    public BrokerTarget {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
    }

    /** {@code tcp://host:1883} or {@code tcp://host:1883 as user vscp}, for log lines. */
    public String describe() {
        String user = options.getUserName();
        return user == null || user.isEmpty() ? url : url + " (user " + user + ")";
    }

    @Override
    public String toString() {
        return "BrokerTarget[" + describe() + ", clientId=" + clientId + ", window=" + window + "]";
    }
}
