package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.app.tls.TestPki;

/**
 * The packaged jar publishing over TLS to a real Mosquitto with a TLS listener on 127.0.0.1, using certificates
 * made by openssl for this run. The events are read back through a plain listener of the same broker.
 */
class BridgeTlsIT {
    private static final String GUID = "00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:00";

    @TempDir
    static Path pkiDir;
    static TestPki pki;
    static TestPki.Issued server;
    static TestPki.Issued wrongNameServer;
    static TestPki.Issued client;

    @TempDir
    Path dir;
    private Mosquitto broker;
    private int tlsPort;

    @BeforeAll
    static void makeCertificates() throws Exception {
        ItTools.requireTool("openssl");
        pki = TestPki.create(pkiDir, "p1 IT CA");
        server = pki.server("broker", "IP:127.0.0.1,DNS:localhost");
        wrongNameServer = pki.server("other", "DNS:other.example");
        client = pki.client("bridge");
    }

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private void startBroker(TestPki.Issued serverCert, boolean requireClientCertificate) throws Exception {
        tlsPort = ItTools.freeLoopbackPort();
        String tls = "listener " + tlsPort + " 127.0.0.1\n"
                + "cafile " + pki.caCert() + "\ncertfile " + serverCert.cert() + "\nkeyfile " + serverCert.key() + "\n"
                + (requireClientCertificate ? "require_certificate true\n" : "");
        broker = Mosquitto.start(dir.resolve("broker"), ItTools.freeLoopbackPort(), null, null, tls);
    }

    private BridgeProcess runOneShot(String mqttLines) throws Exception {
        Path capture = Files.write(dir.resolve("capture.txt"), SwedishTelegram.bytes());
        Path config = Files.writeString(dir.resolve("config.ini"), "[VSCP]\nguid=" + GUID + "\n[MQTT]\n"
                + "url=ssl://127.0.0.1:" + tlsPort + "\n" + mqttLines + "\n");
        return BridgeProcess.start(dir, List.of("-c", config.toString(), "-i", capture.toString(), "-s"));
    }

    private void assertTwentySixEventsArrive(String mqttLines) throws Exception {
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), null, null, "vscp/#");
                BridgeProcess bridge = runOneShot(mqttLines)) {
            assertEquals(0, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            List<MqttRecorder.Received> got = recorder.await(26, 10, TimeUnit.SECONDS);
            assertEquals(26, got.size(), "one event per measurement of the telegram");
            assertTrue(got.get(0).topic().startsWith("vscp/00:00:00:00:00:00:00:00:00:00:00:00:FF:FF:00:"),
                    got.get(0).topic());
        }
    }

    @Test
    void publishesOverTlsTrustingTheCaFile() throws Exception {
        startBroker(server, false);
        assertTwentySixEventsArrive("ca_file=" + pki.caCert());
    }

    @Test
    void presentsTheClientCertificateToABrokerThatRequiresOne() throws Exception {
        startBroker(server, true);
        assertTwentySixEventsArrive("ca_file=" + pki.caCert() + "\ncert_file=" + client.cert()
                + "\nkey_file=" + client.key());
    }

    @Test
    void withoutTheClientCertificateTheBrokerRefusesTheRun() throws Exception {
        startBroker(server, true);
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), null, null, "vscp/#");
                BridgeProcess bridge = runOneShot("ca_file=" + pki.caCert())) {
            assertEquals(1, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            assertTrue(recorder.snapshot().isEmpty(), "nothing was published");
        }
    }

    @Test
    void aServerCertificateForAnotherNameFailsTheRun() throws Exception {
        startBroker(wrongNameServer, false);
        try (MqttRecorder recorder = new MqttRecorder(broker.url(), null, null, "vscp/#");
                BridgeProcess bridge = runOneShot("ca_file=" + pki.caCert())) {
            assertEquals(1, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            assertTrue(recorder.snapshot().isEmpty(), "nothing was published");
            String err = bridge.stderr();
            assertTrue(err.lines().anyMatch(line -> line.contains("MQTT broker ssl://127.0.0.1:")
                    && line.contains("No subject alternative names matching IP address 127.0.0.1")), err);
            assertTrue(err.contains("events were not delivered (the broker did not take them within delivery_timeout)"), err);
        }
    }

    @Test
    void aGarbledCaFileIsAConfigurationError() throws Exception {
        startBroker(server, false);
        Path garbled = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        try (BridgeProcess bridge = runOneShot("ca_file=" + garbled)) {
            assertEquals(2, bridge.waitFor(60, TimeUnit.SECONDS), bridge::toString);
            String err = bridge.stderr();
            assertTrue(err.contains("config.ini:5: ca_file = '" + garbled + "' is not a PEM file"), err);
            assertFalse(err.contains("Exception"), "one clear line, no stack trace:\n" + err);
        }
    }
}
