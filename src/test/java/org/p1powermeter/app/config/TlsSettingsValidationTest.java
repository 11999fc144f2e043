package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [MQTT] ca_file, cert_file, key_file: readable files, cert and key together, only with a TLS url. */
class TlsSettingsValidationTest {
    @TempDir
    Path dir;

    private Path ini(String mqttLines) {
        return TestFiles.write(dir, "config.ini", "[MQTT]\n" + mqttLines + "\n");
    }

    private List<String> problems(String mqttLines) {
        Path ini = ini(mqttLines);
        ConfigException e = assertThrows(ConfigException.class, () -> TestFiles.loadIni(ini));
        return e.problems().stream().map(p -> p.replace(ini.toString(), "config.ini").replace(dir + "/", "")).toList();
    }

    @Test
    void aTlsUrlWithACaFileAndAClientCertificateIsRead() throws Exception {
        Path ca = TestFiles.write(dir, "ca.pem", "x");
        Path cert = TestFiles.write(dir, "client.pem", "x");
        Path key = TestFiles.write(dir, "client.key", "x");
        MqttSettings mqtt = TestFiles.loadIni(ini("url=ssl://broker:8883\nca_file=" + ca + "\ncert_file=" + cert
                + "\nkey_file=" + key)).mqtt();
        assertEquals(ca, mqtt.tls().caFile().orElseThrow().path());
        assertEquals("config.ini:3", mqtt.tls().caFile().orElseThrow().origin().toString()
                .replace(dir.resolve("config.ini").toString(), "config.ini"));
        assertEquals(key, mqtt.tls().keyFile().orElseThrow().path());
        assertTrue(mqtt.tls().hasClientCertificate());
    }

    @Test
    void aTlsUrlWithoutFilesUsesTheJdkTrustStore() throws Exception {
        MqttSettings mqtt = TestFiles.loadIni(ini("url=ssl://broker:8883")).mqtt();
        assertTrue(MqttSettings.isTlsUrl(mqtt.brokerUrl()));
        assertFalse(mqtt.tls().anySet());
    }

    @Test
    void aMissingFileIsAProblem() {
        assertEquals(List.of("config.ini:3: ca_file = 'nope.pem' does not exist"),
                problems("url=ssl://broker:8883\nca_file=" + dir.resolve("nope.pem")));
        Path ini = ini("url=ssl://broker:8883\nca_file=" + dir);
        ConfigException e = assertThrows(ConfigException.class, () -> TestFiles.loadIni(ini));
        assertEquals(List.of(ini + ":3: ca_file = '" + dir + "' is not a file"), e.problems());
    }

    @Test
    void certAndKeyGoTogether() {
        Path cert = TestFiles.write(dir, "client.pem", "x");
        assertEquals(List.of("config.ini:3: cert_file = 'client.pem' needs key_file (the client certificate's private key)"),
                problems("url=ssl://broker:8883\ncert_file=" + cert));
        Path key = TestFiles.write(dir, "client.key", "x");
        assertEquals(List.of("config.ini:3: key_file = 'client.key' needs cert_file (the client certificate)"),
                problems("url=ssl://broker:8883\nkey_file=" + key));
    }

    @Test
    void tlsFilesWithAnUnencryptedUrlAreAProblem() {
        Path ca = TestFiles.write(dir, "ca.pem", "x");
        assertEquals(List.of("config.ini:3: ca_file = 'ca.pem' needs a TLS broker url (url = ssl://host:8883 or"
                + " wss://...), but the url is tcp://broker:1883: the connection would not be encrypted"),
                problems("url=tcp://broker:1883\nca_file=" + ca));
        assertEquals(List.of("config.ini:2: ca_file = 'ca.pem' needs a TLS broker url (url = ssl://host:8883 or"
                + " wss://...), but the url is not set (tcp:// from host and port): the connection would not be encrypted"),
                problems("ca_file=" + ca));
    }
}
