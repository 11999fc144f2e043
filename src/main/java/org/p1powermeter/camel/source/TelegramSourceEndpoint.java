package org.p1powermeter.camel.source;

import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.p1powermeter.p1.CrcPolicy;

/** Options shared by the P1 sources: how telegrams are framed and checked. */
public abstract class TelegramSourceEndpoint extends DefaultEndpoint {

    @UriParam(defaultValue = "AUTO", enums = "AUTO,REQUIRED,OFF",
            description = "CRC policy: AUTO (a CRC that is present must match), REQUIRED, OFF")
    private CrcPolicy crcPolicy = CrcPolicy.AUTO;
    @UriParam(defaultValue = "16384", description = "Largest telegram in bytes; a longer one is dropped and the framer resynchronises")
    @Metadata
    private int maxTelegramBytes = 16384;

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
