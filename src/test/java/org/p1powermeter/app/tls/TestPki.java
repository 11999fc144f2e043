package org.p1powermeter.app.tls;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority made with the {@code openssl} command line, as a user would make one: a CA,
 * server certificates with the names a test chooses (subjectAltName) and client certificates, all as PEM files
 * (keys in openssl's default PKCS#8 form). Without openssl the test is skipped, or fails on CI (CI=true).
 */
public final class TestPki {
    private final Path dir;
    private final Path caCert;
    private final Path caKey;

    /** A certificate and its private key. */
    public record Issued(Path cert, Path key) {
    }

    private TestPki(Path dir) {
        this.dir = dir;
        this.caCert = dir.resolve("ca.pem");
        this.caKey = dir.resolve("ca.key");
    }

    /** A new CA in {@code dir} ({@code ca.pem}, {@code ca.key}). */
    public static TestPki create(Path dir, String caName) throws Exception {
        requireOpenssl();
        Files.createDirectories(dir);
        TestPki pki = new TestPki(dir);
        pki.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", pki.caKey.toString(), "-out", pki.caCert.toString(), "-days", "2", "-subj", "/CN=" + caName,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return pki;
    }

    public Path caCert() {
        return caCert;
    }

    /** A server certificate (RSA key) for these names, e.g. {@code IP:127.0.0.1,DNS:localhost}. */
    public Issued server(String name, String subjectAltNames) throws Exception {
        return issue(name, "rsa:2048", "subjectAltName=" + subjectAltNames + "\nextendedKeyUsage=serverAuth\n");
    }

    /** A client certificate (EC P-256 key). */
    public Issued client(String name) throws Exception {
        return issue(name, "ec", "extendedKeyUsage=clientAuth\n");
    }

    /** The key rewritten in openssl's "traditional" form (BEGIN RSA PRIVATE KEY / BEGIN EC PRIVATE KEY). */
    public Path traditionalKey(Path key) throws Exception {
        Path out = dir.resolve(key.getFileName() + ".traditional.pem");
        openssl("pkey", "-in", key.toString(), "-out", out.toString(), "-traditional");
        return out;
    }

    /** The key encrypted with a password (BEGIN ENCRYPTED PRIVATE KEY). */
    public Path encryptedKey(Path key) throws Exception {
        Path out = dir.resolve(key.getFileName() + ".encrypted.pem");
        openssl("pkcs8", "-topk8", "-in", key.toString(), "-out", out.toString(), "-passout", "pass:test-only");
        return out;
    }

    private Issued issue(String name, String keyType, String extensions) throws Exception {
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".pem");
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, "basicConstraints=CA:FALSE\n" + extensions);
        List<String> newKey = keyType.equals("ec")
                ? List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256")
                : List.of("-newkey", keyType);
        List<String> req = new ArrayList<>(List.of("req", "-new"));
        req.addAll(newKey);
        req.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + name));
        openssl(req.toArray(new String[0]));
        openssl("x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "2", "-out", cert.toString(), "-extfile", ext.toString());
        return new Issued(cert, key);
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed:\n" + output);
        }
    }

    private static void requireOpenssl() {
        boolean found = false;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= new File(d, "openssl").canExecute();
        }
        boolean required = Boolean.getBoolean("p1.it.required") || "true".equalsIgnoreCase(System.getenv("CI"));
        if (!found && required) {
            fail("openssl is not installed (CI must install it: see .ci/run)");
        }
        assumeTrue(found, "openssl is not installed: skipping");
    }
}
