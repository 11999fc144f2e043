package org.p1powermeter.vscp;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * An immutable 16-byte VSCP GUID, byte 0 = MSB. Written as 16 upper-case hex pairs joined by {@code :}.
 * Ethernet-derived GUIDs are {@code FF:FF:FF:FF:FF:FF:FF:FE:} + MAC (6 bytes, MSB first) + {@code id>>8},
 * {@code id&0xFF}; the two low bytes carry a per-measurement id (also the VSCP nickname).
 */
public final class Guid {

    public static final int LENGTH = 16;
    private static final byte[] ETHERNET_PREFIX = {-1, -1, -1, -1, -1, -1, -1, (byte) 0xFE};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final byte[] bytes;
    private final String text;

    private Guid(byte[] bytes) {
        this.bytes = bytes;
        char[] chars = new char[LENGTH * 3 - 1];
        for (int i = 0; i < LENGTH; i++) {
            int b = bytes[i] & 0xFF;
            if (i > 0) {
                chars[i * 3 - 1] = ':';
            }
            chars[i * 3] = HEX[b >>> 4];
            chars[i * 3 + 1] = HEX[b & 0xF];
        }
        this.text = new String(chars);
    }

    /** A GUID from 16 bytes (copied). */
    public static Guid of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a GUID has 16 bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        return new Guid(bytes.clone());
    }

    /** {@code FF:FF:FF:FF:FF:FF:FF:FE} + the 6-byte MAC + {@code id>>8}, {@code id&0xFF}. */
    public static Guid fromMac(byte[] mac6, int id) {
        if (mac6 == null || mac6.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, got " + (mac6 == null ? "null" : mac6.length));
        }
        checkId(id);
        byte[] b = new byte[LENGTH];
        System.arraycopy(ETHERNET_PREFIX, 0, b, 0, 8);
        System.arraycopy(mac6, 0, b, 8, 6);
        b[14] = (byte) (id >>> 8);
        b[15] = (byte) id;
        return new Guid(b);
    }

    /**
     * Parses 16 hex pairs joined by {@code :}, either case, e.g. {@code FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:00:15}.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static Guid parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("GUID is missing (null)");
        }
        String[] parts = text.trim().split(":", -1);
        if (parts.length != LENGTH) {
            throw new IllegalArgumentException("GUID '" + text + "' must be 16 hex pairs joined by ':', found "
                    + parts.length + " part" + (parts.length == 1 ? "" : "s"));
        }
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            String p = parts[i];
            int hi = p.length() == 2 ? hexDigit(p.charAt(0)) : -1;
            int lo = p.length() == 2 ? hexDigit(p.charAt(1)) : -1;
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("GUID '" + text + "': part " + (i + 1) + " '" + p
                        + "' is not two hex digits");
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return new Guid(b);
    }

    /** The same GUID with bytes 14–15 replaced by {@code id} (0–65535). */
    public Guid withId(int id) {
        checkId(id);
        if (nickname() == id) {
            return this;
        }
        byte[] b = bytes.clone();
        b[14] = (byte) (id >>> 8);
        b[15] = (byte) id;
        return new Guid(b);
    }

    /** {@code (GUID[14] << 8) + GUID[15]}. */
    public int nickname() {
        return (bytes[14] & 0xFF) << 8 | (bytes[15] & 0xFF);
    }

    /** A copy of the 16 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The MAC address of the named interface, or, when {@code interfaceNameOrNull} is null or blank, of the first
     * usable interface: not loopback, not virtual, not point-to-point, 6 bytes, not all zero; interfaces that are
     * up are preferred, then the lowest interface index. Empty when there is none (or the name is unknown).
     */
    public static Optional<byte[]> macOf(String interfaceNameOrNull) {
        try {
            if (interfaceNameOrNull != null && !interfaceNameOrNull.isBlank()) {
                NetworkInterface named = NetworkInterface.getByName(interfaceNameOrNull.trim());
                return named == null ? Optional.empty() : usableMac(named);
            }
            Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            if (all == null) {
                return Optional.empty();
            }
            List<NetworkInterface> candidates = new ArrayList<>();
            for (NetworkInterface nic : java.util.Collections.list(all)) {
                if (!nic.isLoopback() && !nic.isVirtual() && !nic.isPointToPoint() && usableMac(nic).isPresent()) {
                    candidates.add(nic);
                }
            }
            candidates.sort(Comparator.comparing((NetworkInterface nic) -> !isUp(nic))
                    .thenComparingInt(NetworkInterface::getIndex));
            return candidates.isEmpty() ? Optional.empty() : usableMac(candidates.get(0));
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> usableMac(NetworkInterface nic) throws SocketException {
        byte[] mac = nic.getHardwareAddress();
        if (mac == null || mac.length != 6) {
            return Optional.empty();
        }
        for (byte b : mac) {
            if (b != 0) {
                return Optional.of(mac);
            }
        }
        return Optional.empty();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static int hexDigit(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        char lower = (char) (ch | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static void checkId(int id) {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("GUID id must be 0-65535, got " + id);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Guid g && Arrays.equals(bytes, g.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Upper-case {@code XX:XX:…} (47 characters). */
    @Override
    public String toString() {
        return text;
    }
}
