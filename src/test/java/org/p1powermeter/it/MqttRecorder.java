package org.p1powermeter.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Subscribes to a broker and keeps every message it receives, in order. */
final class MqttRecorder implements AutoCloseable {

    /** One received message, with the QoS the broker delivered it at (the lower of the publish's and ours). */
    record Received(String topic, String payload, int qos) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    MqttRecorder(String url, String user, String password, String filter) throws Exception {
        this(url, user, password, filter, "it-recorder-" + System.nanoTime(), true);
    }

    /**
     * With {@code cleanSession} false and a fixed {@code clientId}, the broker keeps the subscription and queues
     * QoS 1 messages while this recorder is away (across a broker restart when the broker persists); a new
     * recorder with the same id receives them.
     */
    MqttRecorder(String url, String user, String password, String filter, String clientId, boolean cleanSession)
            throws Exception {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setMaxInflight(65535);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        // the callback is set before connecting: a persistent session's queued messages arrive right after CONNECT,
        // before subscribe() returns; with only a per-subscription listener Paho had no one to hand them to and
        // dropped the connection (seen when the bridge reconnected to a restarted broker before this recorder did)
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // the tests look at what arrived
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                synchronized (received) {
                    received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos()));
                    received.notifyAll();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // a recorder publishes nothing
            }
        });
        client.connect(options);
        client.subscribe(filter, 1);
    }

    /** Waits until at least {@code count} messages arrived (or the timeout passed) and returns what arrived. */
    List<Received> await(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return new ArrayList<>(received);
        }
    }

    List<Received> snapshot() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
