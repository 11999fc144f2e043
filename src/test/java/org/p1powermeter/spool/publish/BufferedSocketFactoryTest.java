package org.p1powermeter.spool.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class BufferedSocketFactoryTest {

    @Test
    void packetsSentTogetherAreReadPieceByPieceAndAvailableCountsTheBuffer() throws Exception {
        byte[] threePubacks = {0x40, 0x02, 0x00, 0x01, 0x40, 0x02, 0x00, 0x02, 0x40, 0x02, 0x00, 0x03};
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new BufferedSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket peer = server.accept()) {
            OutputStream out = peer.getOutputStream();
            out.write(threePubacks);
            out.flush();
            InputStream in = client.getInputStream();
            assertSame(in, client.getInputStream(), "one buffered stream per socket");
            DataInputStream data = new DataInputStream(in); // as Paho reads: type byte, length, body
            for (int id = 1; id <= 3; id++) {
                assertEquals(0x40, data.readUnsignedByte());
                assertEquals(2, data.readUnsignedByte());
                byte[] body = new byte[2];
                data.readFully(body);
                assertArrayEquals(new byte[] {0, (byte) id}, body);
                assertEquals(12 - 4 * id, in.available(), "what is left of the burst, from the buffer");
            }
            out.write(0x42);
            out.flush();
            assertEquals(0x42, in.read(), "later bytes arrive through the same stream");
        }
    }

    @Test
    void anUnconnectedSocketConnectsLikeAPlainOne() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new BufferedSocketFactory().createSocket()) {
            client.connect(server.getLocalSocketAddress(), 1000); // how Paho's TCPNetworkModule connects
            try (Socket peer = server.accept()) {
                client.getOutputStream().write(7);
                assertEquals(7, peer.getInputStream().read());
            }
        }
    }
}
