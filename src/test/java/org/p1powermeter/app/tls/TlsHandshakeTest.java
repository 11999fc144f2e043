package org.p1powermeter.app.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.app.config.FileSetting;
import org.p1powermeter.app.config.SettingOrigin;
import org.p1powermeter.app.config.TlsSettings;

/**
 * Handshakes between the factory's client sockets and an in-process TLS server on 127.0.0.1, with endpoint
 * identification on as Paho switches it on: the CA file is what is trusted, and the server's name is checked.
 */
class TlsHandshakeTest {
    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void makeCa() throws Exception {
        pki = TestPki.create(dir.resolve("pki"), "p1 handshake CA");
    }

    private static FileSetting setting(String key, Path path) {
        return new FileSetting(key, path, SettingOrigin.DEFAULT);
    }

    private static TlsSettings trusting(Path ca) {
        return new TlsSettings(Optional.of(setting("ca_file", ca)), Optional.empty(), Optional.empty());
    }

    /** Serves one handshake with this certificate; returns the protocol the client negotiated. */
    private static String handshake(TestPki.Issued serverCert, SSLSocketFactory client) throws Exception {
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(TlsSocketFactories.keyManagers(setting("cert_file", serverCert.cert()),
                setting("key_file", serverCert.key())), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    s.getOutputStream().write(42);
                    s.getOutputStream().flush();
                } catch (Exception expectedWhenTheClientRefuses) {
                    // the client side reports the outcome
                }
            });
            try (SSLSocket socket = (SSLSocket) client.createSocket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", listener.getLocalPort()), 10_000);
                socket.setSoTimeout(10_000);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                assertEquals(42, socket.getInputStream().read());
                return socket.getSession().getProtocol();
            } finally {
                served.get(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void connectsToAServerWhoseCertificateNamesTheAddress() throws Exception {
        TestPki.Issued good = pki.server("good", "IP:127.0.0.1,DNS:localhost");
        String protocol = handshake(good, TlsSocketFactories.create(trusting(pki.caCert())));
        assertTrue(ModernTlsSocketFactory.PROTOCOLS.contains(protocol), protocol);
    }

    @Test
    void refusesACertificateForAnotherName() throws Exception {
        TestPki.Issued other = pki.server("other", "DNS:other.example");
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> handshake(other, TlsSocketFactories.create(trusting(pki.caCert()))));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void refusesACertificateOfAnotherCa() throws Exception {
        TestPki.Issued good = pki.server("good2", "IP:127.0.0.1");
        Path otherCa = TestPki.create(dir.resolve("other-ca"), "another CA").caCert();
        assertThrows(SSLHandshakeException.class,
                () -> handshake(good, TlsSocketFactories.create(trusting(otherCa))));
    }

    @Test
    void offersOnlyTls13And12() throws Exception {
        try (SSLSocket socket = (SSLSocket) TlsSocketFactories.create(TlsSettings.NONE).createSocket()) {
            assertEquals(ModernTlsSocketFactory.PROTOCOLS, java.util.List.of(socket.getEnabledProtocols()));
        }
    }
}
