package org.p1powermeter.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bench's subscriber: a bare MQTT 3.1.1 client on one socket that subscribes to {@code vscp/#}, counts each
 * PUBLISH and keeps its receipt time ({@code System.nanoTime}, this JVM's clock) as it is read off the socket.
 * No client library: a Paho subscriber (a receiver thread handing each message to a callback thread) topped out
 * near 40,000 messages/s here and made the subscriber, not the bridge, the limit of the throughput figure. QoS 1
 * messages are acknowledged in batches (PUBACKs written out when nothing more is buffered to read).
 */
final class CountingSubscriber implements AutoCloseable {

    final AtomicInteger count = new AtomicInteger();
    private final long[] receipts;
    private final Socket socket;
    private final Thread reader;
    volatile long firstNanos;
    volatile long lastNanos;
    private volatile String failure;

    CountingSubscriber(String url, int qos, int expected) throws IOException {
        this(url, qos, expected, "vscp/#");
    }

    /** @param filter the topic filter counted (vscp/# for VSCP events; p1/+/state for Home Assistant states) */
    CountingSubscriber(String url, int qos, int expected, String filter) throws IOException {
        receipts = new long[expected];
        URI uri = URI.create(url);
        socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        socket.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 14);
        byte[] clientId = ("route-bench-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream connect = new ByteArrayOutputStream();
        connect.write(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 0}); // MQTT 3.1.1, clean session, no keep-alive
        string(connect, clientId);
        packet(out, 0x10, connect.toByteArray());
        out.flush();
        if (in.readUnsignedByte() != 0x20 || in.readUnsignedByte() != 2 || in.readUnsignedByte() > 1 || in.readUnsignedByte() != 0) {
            throw new IOException("the broker refused the bench subscriber's CONNECT");
        }
        ByteArrayOutputStream subscribe = new ByteArrayOutputStream();
        subscribe.write(new byte[] {0, 1});
        string(subscribe, filter.getBytes(StandardCharsets.US_ASCII));
        subscribe.write(qos);
        packet(out, 0x82, subscribe.toByteArray());
        out.flush();
        int suback = in.readUnsignedByte();
        byte[] body = new byte[remainingLength(in)];
        in.readFully(body);
        if (suback != 0x90 || body[body.length - 1] != qos) {
            throw new IOException("the broker did not grant QoS " + qos + " on " + filter);
        }
        reader = new Thread(() -> read(in, out), "bench-subscriber");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(DataInputStream in, OutputStream out) {
        byte[] body = new byte[1 << 16];
        try {
            while (true) {
                int header = in.readUnsignedByte();
                int length = remainingLength(in);
                if (length > body.length) {
                    body = new byte[length];
                }
                in.readFully(body, 0, length);
                if ((header & 0xF0) == 0x30) {
                    long now = System.nanoTime();
                    int n = count.getAndIncrement();
                    if (n == 0) {
                        firstNanos = now;
                    }
                    if (n < receipts.length) {
                        receipts[n] = now;
                    }
                    lastNanos = now;
                    if ((header & 0x06) == 0x02) { // QoS 1: PUBACK with the packet id after the topic
                        int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
                        out.write(new byte[] {0x40, 2, body[2 + topicLength], body[3 + topicLength]});
                    }
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (EOFException | java.net.SocketException closed) {
            // closed by close() or the broker
        } catch (IOException e) {
            failure = e.toString();
        }
    }

    long[] receipts() {
        return receipts;
    }

    /** Waits until every expected event arrived, or nothing arrived for {@code quiet}. */
    void awaitAll(long quiet, TimeUnit unit) throws InterruptedException {
        int seen = -1;
        long since = System.nanoTime();
        while (count.get() < receipts.length) {
            int now = count.get();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > unit.toNanos(quiet)) {
                break;
            }
            Thread.sleep(20);
        }
        if (failure != null) {
            System.out.println("bench subscriber failed: " + failure);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        reader.join(5000);
    }

    private static void packet(OutputStream out, int type, byte[] body) throws IOException {
        out.write(type);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.write(body);
    }

    private static void string(ByteArrayOutputStream out, byte[] text) {
        out.write(text.length >> 8);
        out.write(text.length & 0xFF);
        out.writeBytes(text);
    }

    private static int remainingLength(DataInputStream in) throws IOException {
        int value = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.readUnsignedByte();
            value |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0 && shift < 28);
        return value;
    }
}
