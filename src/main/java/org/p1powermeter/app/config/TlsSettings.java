package org.p1powermeter.app.config;

import java.util.Optional;

/**
 * The TLS files of [MQTT], used when the broker URL is {@code ssl://} or {@code wss://}. No {@code caFile} means
 * the JDK's default trust store (a broker with a certificate from a public CA); {@code certFile} and
 * {@code keyFile} are both present (a client certificate) or both absent. The validator checked that each file
 * exists and is readable; their content is read when the connection is set up.
 */
public record TlsSettings(Optional<FileSetting> caFile, Optional<FileSetting> certFile,
        Optional<FileSetting> keyFile) {

    public static final TlsSettings NONE = new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty());

    public TlsSettings {
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("a client certificate needs both its certificate and its key file");
        }
    }

    public boolean hasClientCertificate() {
        return certFile.isPresent();
    }

    /** True when at least one TLS file is set. */
    public boolean anySet() {
        return caFile.isPresent() || certFile.isPresent();
    }

    @Override
    public String toString() {
        return "TlsSettings[caFile=" + caFile.map(f -> f.path().toString()).orElse("")
                + ", certFile=" + certFile.map(f -> f.path().toString()).orElse("")
                + ", keyFile=" + keyFile.map(f -> f.path().toString()).orElse("") + "]";
    }
}
