package org.p1powermeter.spool.publish;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The broker the publisher connects to: URL, client id, the Paho connect options (login, TLS, keep-alive;
 * automatic reconnect is turned off, the publisher reconnects itself), the window of unacknowledged
 * publishes and the number of connections (topics are spread over them by hash; client ids get -1, -2 … added). {@link #toString()} never shows the password.
 */
public record BrokerTarget(String url, String clientId, MqttConnectOptions options, int window, int connections) {

    public BrokerTarget {
        if (window < 1 || connections < 1) {
            throw new IllegalArgumentException("window and connections must be at least 1: " + window + ", " + connections);
        }
    }

    /** One connection. */
    public BrokerTarget(String url, String clientId, MqttConnectOptions options, int window) {
        this(url, clientId, options, window, 1);
    }

    /** {@code tcp://host:1883} or {@code tcp://host:1883 as user vscp}, for log lines. */
    public String describe() {
        String user = options.getUserName();
        return user == null || user.isEmpty() ? url : url + " (user " + user + ")";
    }

    @Override
    public String toString() {
        return "BrokerTarget[" + describe() + ", clientId=" + clientId + ", window=" + window + ", connections=" + connections + "]";
    }
}
