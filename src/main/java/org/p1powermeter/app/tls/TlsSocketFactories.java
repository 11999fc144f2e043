package org.p1powermeter.app.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.FileSetting;
import org.p1powermeter.app.config.TlsSettings;

/**
 * Builds the {@link SSLSocketFactory} of a TLS client (JDK only) from PEM files: the CA certificate(s) to trust
 * (none: the JDK's default trust store) and an optional client certificate chain with its private key. The
 * sockets speak TLS 1.3 or 1.2 only. The factory does not check the server's name: the caller switches on endpoint
 * identification (Paho does with {@code httpsHostnameVerificationEnabled}, its default).
 */
public final class TlsSocketFactories {
    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    private TlsSocketFactories() {
    }

    /** The socket factory for these settings; a missing, unreadable or garbled file is one problem line. */
    public static SSLSocketFactory create(TlsSettings tls) throws ConfigException {
        TrustManager[] trust = tls.caFile().isPresent() ? trustManagers(tls.caFile().get()) : null;
        KeyManager[] keys = tls.hasClientCertificate()
                ? keyManagers(tls.certFile().get(), tls.keyFile().get()) : null;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return new ModernTlsSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Trusts exactly the certificates of the CA file. */
    static TrustManager[] trustManagers(FileSetting caFile) throws ConfigException {
        List<X509Certificate> cas = certificates(caFile);
        try {
            KeyStore store = emptyStore();
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException(caFile.problem("cannot be used as a trust store (" + e.getMessage() + ")"));
        }
    }

    /** Presents the certificate chain of certFile, signed with the key of keyFile (checked to belong together). */
    static KeyManager[] keyManagers(FileSetting certFile, FileSetting keyFile) throws ConfigException {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key;
        try {
            key = PemReader.privateKey(read(keyFile));
        } catch (PemException e) {
            throw new ConfigException(keyFile.problem(e.getMessage()));
        }
        if (!belongTogether(key, chain.get(0).getPublicKey())) {
            throw new ConfigException(keyFile.problem("is not the private key of the certificate in "
                    + certFile.path() + " (" + certFile.origin() + ": " + certFile.key() + ")"));
        }
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY_PASSWORD);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException(certFile.problem("cannot be used as a client certificate with " + keyFile.key()
                    + " (" + e.getMessage() + ")"));
        }
    }

    /** True when a signature made with the private key verifies with the public key. */
    static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        Optional<String> algorithm = signatureAlgorithm(privateKey.getAlgorithm());
        if (algorithm.isEmpty() || !privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        byte[] probe = "p1-power-meter key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm.get());
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Optional<String> signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> Optional.of("SHA256withRSA");
            case "EC" -> Optional.of("SHA256withECDSA");
            case "EdDSA", "Ed25519", "Ed448" -> Optional.of(keyAlgorithm);
            default -> Optional.empty();
        };
    }

    private static List<X509Certificate> certificates(FileSetting file) throws ConfigException {
        try {
            return PemReader.certificates(read(file));
        } catch (PemException e) {
            throw new ConfigException(file.problem(e.getMessage()));
        }
    }

    private static String read(FileSetting file) throws ConfigException {
        try {
            return Files.readString(file.path(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException(file.problem("cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
