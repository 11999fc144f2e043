package org.p1powermeter.p1;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The keys of an encrypted P1 port (§7 of docs/p1-telegrams.md): the meter's 16-byte encryption key (GUEK) from
 * the grid operator and the 16-byte authentication key (AK) that goes into the GCM tag. Luxembourg's Smarty meters
 * all use {@link #SMARTY_AUTHENTICATION_KEY}; some Austrian meters come with their own.
 *
 * <p>Never printed: {@link #toString()} shows no key, and the parse errors do not echo the text they were given.
 */
public final class DecryptionKeys {

    /** The AK every Luxembourg Smarty meter uses, the default when none is configured. */
    public static final String SMARTY_AUTHENTICATION_KEY = "00112233445566778899AABBCCDDEEFF";
    private static final int KEY_BYTES = 16;

    private final byte[] encryptionKey;
    private final byte[] authenticationKey;

    private DecryptionKeys(byte[] encryptionKey, byte[] authenticationKey) {
        this.encryptionKey = encryptionKey;
        this.authenticationKey = authenticationKey;
    }

    /**
     * Parses the two keys as 32 hex digits each (spaces and colons between digits are allowed); an empty
     * {@code authenticationKeyHex} means {@link #SMARTY_AUTHENTICATION_KEY}.
     *
     * @throws IllegalArgumentException naming which key is wrong and how, never its text
     */
    public static DecryptionKeys parse(String encryptionKeyHex, String authenticationKeyHex) {
        byte[] ek = key(encryptionKeyHex, "decryption key");
        String ak = authenticationKeyHex == null || authenticationKeyHex.isBlank() ? SMARTY_AUTHENTICATION_KEY
                : authenticationKeyHex;
        return new DecryptionKeys(ek, key(ak, "authentication key"));
    }

    /** Keys from bytes (16 each), for tests and embedding code. */
    public static DecryptionKeys of(byte[] encryptionKey, byte[] authenticationKey) {
        if (encryptionKey.length != KEY_BYTES || authenticationKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-128 keys are 16 bytes");
        }
        return new DecryptionKeys(encryptionKey.clone(), authenticationKey.clone());
    }

    /** Null when {@code text} is a well-formed key (32 hex digits), else what is wrong with it (without the text). */
    public static String problem(String text) {
        String digits = text.replaceAll("[\\s:]", "");
        if (digits.length() != 2 * KEY_BYTES) {
            return "is not 32 hex digits (it has " + digits.length() + " characters)";
        }
        if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return "is not 32 hex digits (it has characters other than 0-9 and A-F)";
        }
        return null;
    }

    private static byte[] key(String text, String what) {
        String complaint = text == null ? "is missing" : problem(text);
        if (complaint != null) {
            throw new IllegalArgumentException("the " + what + " " + complaint);
        }
        return HexFormat.of().parseHex(text.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT));
    }

    byte[] encryptionKey() {
        return encryptionKey;
    }

    byte[] authenticationKey() {
        return authenticationKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecryptionKeys k && Arrays.equals(encryptionKey, k.encryptionKey)
                && Arrays.equals(authenticationKey, k.authenticationKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encryptionKey) * 31 + Arrays.hashCode(authenticationKey);
    }

    /** Shows no key. */
    @Override
    public String toString() {
        return "DecryptionKeys[****]";
    }
}
