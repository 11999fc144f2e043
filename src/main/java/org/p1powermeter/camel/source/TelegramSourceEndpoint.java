package org.p1powermeter.camel.source;

import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.p1powermeter.p1.CrcPolicy;
import org.p1powermeter.p1.DecryptionKeys;

/** Options shared by the P1 sources: how telegrams are framed and checked. */
public abstract class TelegramSourceEndpoint extends DefaultEndpoint {

    @UriParam(defaultValue = "AUTO", enums = "AUTO,REQUIRED,OFF",
            description = "CRC policy: AUTO (a CRC that is present must match), REQUIRED, OFF")
    private CrcPolicy crcPolicy = CrcPolicy.AUTO;
    @UriParam(defaultValue = "16384", description = "Largest telegram in bytes; a longer one is dropped and the framer resynchronises")
    @Metadata
    private int maxTelegramBytes = 16384;

    @UriParam(label = "security", secret = true, description = "The meter's AES-128 key (32 hex digits) when its P1"
            + " port is encrypted (Luxembourg Smarty, some Austrian meters); the stream is then read as DLMS frames."
            + " Use a #bean reference to keep the key out of the URI")
    private String decryptionKey;
    @UriParam(label = "security", secret = true, description = "The authentication key (32 hex digits) the GCM tag is"
            + " checked with; empty = the key every Smarty meter uses (00112233445566778899AABBCCDDEEFF)")
    private String authenticationKey;
    @UriParam(label = "security", description = "The keys of an encrypted port as a bean (#name) instead of"
            + " decryptionKey and authenticationKey: nothing secret in the URI")
    private DecryptionKeys keys;

    @UriParam(defaultValue = "0", description = "Emit at most this many telegrams, then ignore the rest (1 = one-shot); 0 = no limit")
    private long maxTelegrams;

    protected TelegramSourceEndpoint(String uri, Component component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("P1 endpoints are sources only: " + getEndpointUri());
    }

    public CrcPolicy getCrcPolicy() {
        return crcPolicy;
    }

    /** CRC policy: AUTO (a CRC that is present must match), REQUIRED, OFF. */
    public void setCrcPolicy(CrcPolicy crcPolicy) {
        this.crcPolicy = crcPolicy;
    }

    public String getDecryptionKey() {
        return decryptionKey;
    }

    /** The meter's AES-128 key (32 hex digits) when its P1 port is encrypted; empty or null = not encrypted. */
    public void setDecryptionKey(String decryptionKey) {
        this.decryptionKey = decryptionKey;
    }

    public String getAuthenticationKey() {
        return authenticationKey;
    }

    /** The authentication key (32 hex digits); empty = the Smarty key. */
    public void setAuthenticationKey(String authenticationKey) {
        this.authenticationKey = authenticationKey;
    }

    public DecryptionKeys getKeys() {
        return keys;
    }

    /** The keys of an encrypted port as an object (a #bean reference), instead of the hex options. */
    public void setKeys(DecryptionKeys keys) {
        this.keys = keys;
    }

    /** The keys of an encrypted port, or null when neither {@code keys} nor {@code decryptionKey} is set. */
    public DecryptionKeys decryptionKeys() {
        if (keys != null) {
            return keys;
        }
        if (decryptionKey == null || decryptionKey.isBlank()) {
            return null;
        }
        try {
            return DecryptionKeys.parse(decryptionKey, authenticationKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(getEndpointBaseUri() + ": " + e.getMessage());
        }
    }

    public long getMaxTelegrams() {
        return maxTelegrams;
    }

    /** Emit at most this many telegrams, then ignore the rest (1 = one-shot); 0 = no limit. */
    public void setMaxTelegrams(long maxTelegrams) {
        this.maxTelegrams = maxTelegrams;
    }

    public int getMaxTelegramBytes() {
        return maxTelegramBytes;
    }

    /** Largest telegram in bytes; a longer one is dropped and the framer resynchronises. */
    public void setMaxTelegramBytes(int maxTelegramBytes) {
        this.maxTelegramBytes = maxTelegramBytes;
    }
}
