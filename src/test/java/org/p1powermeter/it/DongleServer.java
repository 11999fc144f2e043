package org.p1powermeter.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Random;

/**
 * A network P1 dongle as the test drives it: a TCP server on 127.0.0.1 that can be closed (connections are then
 * refused) and opened again on the same port, and that writes telegrams in random chunks.
 */
final class DongleServer implements AutoCloseable {

    private final int port;
    private final Random random;
    private ServerSocket server;
    private Socket client;
    private long lastWriteNanos;

    DongleServer(int port, long seed) {
        this.port = port;
        this.random = new Random(seed);
    }

    int port() {
        return port;
    }

    /** Listens (again) on the port. */
    void open() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
    }

    /** Stops listening and drops the connection: the bridge's connection attempts are refused. */
    void refuse() throws IOException {
        dropClient();
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Waits for the bridge to connect, then closes the previous connection (if any); returns System.nanoTime()
     * when the bridge connected.
     */
    long accept(int timeoutMs) throws IOException {
        server.setSoTimeout(timeoutMs);
        try {
            Socket previous = client;
            client = server.accept();
            long at = System.nanoTime();
            if (previous != null) {
                previous.close();
            }
            return at;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the bridge did not connect within " + timeoutMs + " ms");
        }
    }

    /** Writes {@code bytes} in chunks of 1-300 bytes with pauses of 0-15 ms. */
    void sendInChunks(byte[] bytes) throws IOException, InterruptedException {
        sendInChunks(bytes, 0, bytes.length);
    }

    void sendInChunks(byte[] bytes, int from, int to) throws IOException, InterruptedException {
        OutputStream out = client.getOutputStream();
        int at = from;
        while (at < to) {
            int n = Math.min(to - at, 1 + random.nextInt(300));
            out.write(bytes, at, n);
            out.flush();
            at += n;
            Thread.sleep(random.nextInt(16));
        }
        lastWriteNanos = System.nanoTime();
    }

    /** System.nanoTime() at the end of the last {@link #sendInChunks}. */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    /** Closes the connection to the bridge (a dongle that reboots mid-telegram). */
    void dropClient() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public void close() throws IOException {
        refuse();
    }
}
