package org.p1powermeter.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.p1powermeter.ha.HaRules;

/**
 * Records everything a broker forwards, in order, WITH each message's retain flag as it was published: an MQTT 3.1.1
 * subscriber always sees retain = 0 on live messages, so this runs {@code mosquitto_sub -V mqttv5
 * --retain-as-published -F %j} (MQTT 5's subscription option) and reads its JSON lines (payloads come as strings).
 */
final class RetainRecorder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final List<HaRules.Published> received = new ArrayList<>();
    /** When each message of {@link #received} arrived (epoch millis), same index. */
    private final List<Long> arrivals = new ArrayList<>();
    private final Thread reader;

    RetainRecorder(int port, String filter) throws Exception {
        ItTools.requireTool("mosquitto_sub");
        process = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-V", "mqttv5",
                "--retain-as-published", "-q", "1", "-F", "%j", "-t", filter, "-i", "it-ha-recorder-" + System.nanoTime())
                .redirectErrorStream(true).start();
        reader = new Thread(this::read, "retain-recorder");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(300); // mosquitto_sub has subscribed (it prints nothing until a message comes)
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode m = JSON.readTree(line);
                JsonNode payload = m.path("payload");
                String text = payload.isNull() || payload.isMissingNode() ? "" : payload.isTextual() ? payload.asText()
                        : JSON.writeValueAsString(payload);
                synchronized (received) {
                    received.add(new HaRules.Published(m.path("topic").asText(), text, m.path("retain").asInt() == 1));
                    arrivals.add(System.currentTimeMillis());
                    received.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was closed
        }
    }

    List<HaRules.Published> snapshot() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** When each message of {@link #snapshot()} arrived (epoch millis). */
    List<Long> arrivals() {
        synchronized (received) {
            return new ArrayList<>(arrivals);
        }
    }

    /** Waits until a message matching {@code what} arrived; false at the timeout. */
    boolean await(Predicate<HaRules.Published> what, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (received) {
            while (received.stream().noneMatch(what)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return true;
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
        reader.join(2000);
    }
}
