package org.p1powermeter.spool.publish;

import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.p1powermeter.spool.DiskSpool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's callbacks (on its threads): a completed publish moves the window and, when an unbroken run completed,
 * the spool's acknowledged position (waking {@code signal}'s waiters); a failed publish or a lost connection is
 * reported to {@code onLost} with its reason.
 */
final class PublishCompletions implements IMqttActionListener, MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolPublisher.class);

    /** What a publish carries to its completion: the connection generation and the spool sequence. */
    record Delivery(int generation, long sequence) {
    }

    private final AckWindow window;
    private final DiskSpool spool;
    private final Object signal;
    private final Consumer<String> onLost;

    PublishCompletions(AckWindow window, DiskSpool spool, Object signal, Consumer<String> onLost) {
        this.window = window;
        this.spool = spool;
        this.signal = signal;
        this.onLost = onLost;
    }

    @Override
    public void onSuccess(IMqttToken token) {
        Delivery d = (Delivery) token.getUserContext();
        long position = window.complete(d.generation(), d.sequence());
        if (position >= 0) {
            try {
                spool.acknowledge(position);
            } catch (IOException e) {
                LOG.error("Cannot update the spool {}: {}", spool.directory(), e.getMessage());
            }
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable failure) {
        onLost.accept(reason(failure));
    }

    @Override
    public void connectionLost(Throwable cause) {
        onLost.accept(reason(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // the publisher subscribes to nothing
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // completions arrive through onSuccess
    }

    private static String reason(Throwable failure) {
        return failure instanceof MqttException e ? Reasons.of(e) : String.valueOf(failure);
    }
}
