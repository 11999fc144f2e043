package org.p1powermeter.spool.publish;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is buffered, for Paho's {@code tcp://} connections. Paho reads every packet from
 * the bare socket stream in pieces (the type byte, each length byte, then the rest) and asks {@code available()}
 * before each: three reads and an ioctl per PUBACK, 26 PUBACKs per telegram. With the buffer, the acknowledgements
 * that arrive together are taken in one read, and {@code available()} answers from the buffer while it holds
 * bytes. (TLS sockets need none of this: their record layer already buffers.)
 */
public final class BufferedSocketFactory extends SocketFactory {

    static final int BUFFER_BYTES = 8192;

    @Override
    public Socket createSocket() {
        return new BufferedInputSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket s = new BufferedInputSocket();
        try {
            if (local != null) {
                s.bind(local);
            }
            s.connect(remote);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A socket whose {@link #getInputStream()} is one {@link BufferedInputStream} over the socket's own. */
    private static final class BufferedInputSocket extends Socket {

        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new AvailableFromBuffer(super.getInputStream());
            }
            return in;
        }
    }

    /** {@code available()} without a system call while the buffer holds bytes. */
    private static final class AvailableFromBuffer extends BufferedInputStream {

        AvailableFromBuffer(InputStream in) {
            super(in, BUFFER_BYTES);
        }

        @Override
        public synchronized int available() throws IOException {
            int buffered = count - pos;
            return buffered > 0 ? buffered : super.available();
        }
    }
}
