package org.p1powermeter.app.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.FileSetting;
import org.p1powermeter.app.config.SettingOrigin;
import org.p1powermeter.app.config.TlsSettings;

/** Loading the PEM files: what openssl makes works; anything else is one clear line naming file, key and value. */
class TlsSocketFactoriesTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.Issued server;
    static TestPki.Issued client;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.create(dir.resolve("pki"), "p1 unit test CA");
        server = pki.server("server", "IP:127.0.0.1,DNS:localhost");
        client = pki.client("client");
    }

    private static FileSetting setting(String key, Path path) {
        return new FileSetting(key, path, SettingOrigin.file(SettingOrigin.Kind.INI, "config.ini", 7));
    }

    private static Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String caProblem(Path file) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TlsSocketFactories.trustManagers(setting("ca_file", file)));
        assertEquals(1, e.problems().size());
        return e.getMessage();
    }

    private static String keyProblem(Path cert, Path key) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TlsSocketFactories.keyManagers(setting("cert_file", cert), setting("key_file", key)));
        assertEquals(1, e.problems().size());
        return e.getMessage();
    }

    @Test
    void trustsEveryCertificateOfTheCaFile() throws Exception {
        Path two = write("two-cas.pem", Files.readString(pki.caCert()) + "\n"
                + Files.readString(TestPki.create(dir.resolve("other"), "other CA").caCert()));
        TrustManager[] managers = TlsSocketFactories.trustManagers(setting("ca_file", two));
        X509TrustManager trust = (X509TrustManager) managers[0];
        assertEquals(java.util.Set.of("CN=p1 unit test CA", "CN=other CA"), java.util.Arrays.stream(trust.getAcceptedIssuers())
                .map(c -> c.getSubjectX500Principal().getName()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void loadsAClientCertificateWithItsPkcs8Key() throws Exception {
        assertTrue(Files.readString(client.key()).contains("BEGIN PRIVATE KEY"), "openssl writes PKCS#8");
        KeyManager[] managers = TlsSocketFactories.keyManagers(setting("cert_file", client.cert()),
                setting("key_file", client.key()));
        X509KeyManager keys = (X509KeyManager) managers[0];
        assertEquals("CN=client", keys.getCertificateChain("client")[0].getSubjectX500Principal().getName());
        assertEquals("EC", keys.getPrivateKey("client").getAlgorithm());
    }

    @Test
    void acceptsATraditionalRsaKey() throws Exception {
        Path rsa = pki.traditionalKey(server.key());
        assertTrue(Files.readString(rsa).contains("BEGIN RSA PRIVATE KEY"));
        X509KeyManager keys = (X509KeyManager) TlsSocketFactories.keyManagers(setting("cert_file", server.cert()),
                setting("key_file", rsa))[0];
        assertEquals("RSA", keys.getPrivateKey("client").getAlgorithm());
    }

    @Test
    void aTraditionalEcKeyIsRefusedWithTheConversionCommand() throws Exception {
        Path ec = pki.traditionalKey(client.key());
        assertTrue(Files.readString(ec).contains("BEGIN EC PRIVATE KEY"));
        assertEquals("config.ini:7: key_file = '" + ec + "' holds a key in an unsupported format (EC PRIVATE KEY): "
                + "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8.pem", keyProblem(client.cert(), ec));
    }

    @Test
    void anEncryptedKeyIsRefusedWithTheConversionCommand() throws Exception {
        Path encrypted = pki.encryptedKey(client.key());
        String problem = keyProblem(client.cert(), encrypted);
        assertTrue(problem.startsWith("config.ini:7: key_file = '" + encrypted + "' holds an encrypted private key"),
                problem);
        assertTrue(problem.contains("openssl pkcs8 -topk8 -nocrypt"), problem);
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        assertEquals("config.ini:7: key_file = '" + server.key() + "' is not the private key of the certificate in "
                + client.cert() + " (config.ini:7: cert_file)", keyProblem(client.cert(), server.key()));
    }

    @Test
    void aFileWithoutPemBlocksIsRefused() throws Exception {
        Path garbage = write("garbage.pem", "this is not a certificate\n");
        assertEquals("config.ini:7: ca_file = '" + garbage + "' is not a PEM file"
                + " (no -----BEGIN ...----- / -----END ...----- block)", caProblem(garbage));
    }

    @Test
    void aCertificateBlockWithGarbageInsideIsRefused() throws Exception {
        String junk = Base64.getMimeEncoder().encodeToString(new byte[300]);
        Path damaged = write("damaged.pem", "-----BEGIN CERTIFICATE-----\n" + junk + "\n-----END CERTIFICATE-----\n");
        assertEquals("config.ini:7: ca_file = '" + damaged + "' has a CERTIFICATE block (number 1)"
                + " that is not a valid X.509 certificate", caProblem(damaged));
        Path notBase64 = write("bad64.pem", "-----BEGIN CERTIFICATE-----\n%%%%\n-----END CERTIFICATE-----\n");
        assertEquals("config.ini:7: ca_file = '" + notBase64 + "' has a CERTIFICATE block that is not valid base64",
                caProblem(notBase64));
    }

    @Test
    void aKeyGivenAsCaFileIsRefusedWithoutShowingTheKey() throws Exception {
        String problem = caProblem(client.key());
        assertEquals("config.ini:7: ca_file = '" + client.key() + "' holds a PRIVATE KEY block where only"
                + " certificates belong (-----BEGIN CERTIFICATE-----)", problem);
        String keyText = Files.readString(client.key());
        for (String line : keyText.split("\n")) {
            if (!line.startsWith("-----")) {
                assertFalse(problem.contains(line), "the key's content stays out of the message");
            }
        }
    }

    @Test
    void aCertificateGivenAsKeyFileIsRefused() {
        assertEquals("config.ini:7: key_file = '" + client.cert() + "' holds no private key"
                + " (-----BEGIN PRIVATE KEY-----)", keyProblem(client.cert(), client.cert()));
    }

    @Test
    void aVanishedFileIsAProblemLine() {
        Path gone = dir.resolve("gone.pem");
        assertEquals("config.ini:7: ca_file = '" + gone + "' cannot be read (NoSuchFileException)", caProblem(gone));
    }

    @Test
    void withoutACaFileTheJdkTrustStoreIsUsed() throws Exception {
        assertNotNull(TlsSocketFactories.create(TlsSettings.NONE));
        TlsSettings withClient = new TlsSettings(Optional.empty(), Optional.of(setting("cert_file", client.cert())),
                Optional.of(setting("key_file", client.key())));
        assertNotNull(TlsSocketFactories.create(withClient));
    }
}
