package org.p1powermeter.app.demo;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/** The embedded MQTT broker of {@code --demo}: Moquette on 127.0.0.1, a free port, anonymous, in memory. */
public final class DemoBroker implements AutoCloseable {

    private final Server server = new Server();
    private final int port;

    private DemoBroker(int port) {
        this.port = port;
    }

    public static DemoBroker start() throws IOException {
        int port = freeLoopbackPort();
        Properties props = new Properties();
        props.setProperty("host", "127.0.0.1");
        props.setProperty("port", Integer.toString(port));
        props.setProperty("allow_anonymous", "true");
        props.setProperty("persistence_enabled", "false");
        props.setProperty("telemetry_enabled", "false");
        props.setProperty("websocket_port", "disabled");
        DemoBroker broker = new DemoBroker(port);
        broker.server.startServer(new MemoryConfig(props));
        return broker;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
