package org.p1powermeter.vscp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The GUID of one meter in a fleet ({@code [GENERAL] mode = bridge}), derived from its meter id (the equipment id
 * of {@code org.p1powermeter.measure.MeterId}), so that every instance gives a meter the same GUID and consumers
 * can tell meters apart on the shared topics:
 *
 * <pre>
 *   FF:FF:FF:FF:FF:FF:FF:FE : d0|02&amp;FE : d1 : d2 : d3 : d4 : d5 : id&gt;&gt;8 : id&amp;FF
 *   d = SHA-256(meter id as UTF-8 text)
 * </pre>
 *
 * That is the Ethernet form of a VSCP GUID with a made-up MAC: the first six bytes of the hash, with the
 * "locally administered" bit set and the multicast bit cleared (as IEEE 802 requires of a MAC no vendor assigned),
 * so it never equals a real interface's MAC. The two low bytes stay the per-measurement id, as in standalone mode.
 * 46 bits of hash: among 10,000 meters two share a GUID with a probability of about 7 in 10 million.
 */
public final class MeterGuid {

    private MeterGuid() {
    }

    /** The GUID of the meter with this id, with id 0 in bytes 14–15. */
    public static Guid of(String meterId) {
        byte[] digest = sha256(meterId.getBytes(StandardCharsets.UTF_8));
        byte[] mac = new byte[6];
        System.arraycopy(digest, 0, mac, 0, 6);
        mac[0] = (byte) ((mac[0] | 0x02) & 0xFE);
        return Guid.fromMac(mac, 0);
    }

    private static byte[] sha256(byte[] text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
