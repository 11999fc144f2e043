package org.p1powermeter.app.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads certificates and private keys from PEM text (JDK only). Keys: PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC,
 * Ed25519/Ed448) and PKCS#1 ({@code BEGIN RSA PRIVATE KEY}); other formats get a message with the openssl command
 * that converts them. Messages never quote the file's content.
 */
final class PemReader {
    static final String CONVERT_HINT = "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8.pem";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS");
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, DER. */
    private static final byte[] RSA_ALGORITHM_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemReader() {
    }

    /** One {@code -----BEGIN <label>-----} block: its label and decoded bytes. */
    record Block(String label, byte[] der) {
    }

    static List<Block> blocks(String text) throws PemException {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
                throw new PemException("holds an encrypted " + m.group(1) + ", which is not supported: "
                        + CONVERT_HINT);
            }
            String base64 = body.replaceAll("\\s+", "");
            try {
                blocks.add(new Block(m.group(1), Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw new PemException("has a " + m.group(1) + " block that is not valid base64");
            }
        }
        if (blocks.isEmpty()) {
            throw new PemException("is not a PEM file (no -----BEGIN ...----- / -----END ...----- block)");
        }
        return blocks;
    }

    /** Every certificate of the text, in order (a chain: the leaf first); other blocks are not allowed. */
    static List<X509Certificate> certificates(String text) throws PemException {
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 support", e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(text)) {
            if (!block.label().equals("CERTIFICATE")) {
                throw new PemException("holds a " + block.label() + " block where only certificates belong"
                        + " (-----BEGIN CERTIFICATE-----)");
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException | ClassCastException e) {
                throw new PemException("has a CERTIFICATE block (number " + (certificates.size() + 1)
                        + ") that is not a valid X.509 certificate");
            }
        }
        return certificates;
    }

    /** The one private key of the text. */
    static PrivateKey privateKey(String text) throws PemException {
        List<Block> keys = new ArrayList<>();
        for (Block block : blocks(text)) {
            if (block.label().endsWith("PRIVATE KEY")) {
                keys.add(block);
            }
        }
        if (keys.size() != 1) {
            throw new PemException(keys.isEmpty()
                    ? "holds no private key (-----BEGIN PRIVATE KEY-----)"
                    : "holds " + keys.size() + " private keys, expected one");
        }
        Block key = keys.get(0);
        return switch (key.label()) {
            case "PRIVATE KEY" -> pkcs8(key.der());
            case "RSA PRIVATE KEY" -> pkcs8(rsaPkcs1ToPkcs8(key.der()));
            case "ENCRYPTED PRIVATE KEY" -> throw new PemException(
                    "holds an encrypted private key, which is not supported: " + CONVERT_HINT);
            default -> throw new PemException("holds a key in an unsupported format (" + key.label() + "): "
                    + CONVERT_HINT);
        };
    }

    private static PrivateKey pkcs8(byte[] der) throws PemException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm (or not a key at all): try the next
            }
        }
        throw new PemException("holds a private key that could not be read (not an RSA, EC or EdDSA key in PKCS#8"
                + " form, or damaged)");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: SEQUENCE { 0, rsaEncryption, OCTET STRING }. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM_ID);
        body.write(0x04);
        body.writeBytes(derLength(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(derLength(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
