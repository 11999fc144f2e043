package org.p1powermeter.p1;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts one DLMS general-glo-ciphering frame of an encrypted P1 port with the JDK's AES-128-GCM
 * (docs/p1-telegrams.md §7): IV = system title ‖ frame counter, AAD = security byte ‖ authentication key, 12-byte
 * tag. A frame whose tag fails is decrypted once more without the tag (AES-CTR from the same counter block, which
 * is what GCM encrypts with) only to tell a wrong decryption key (no telegram comes out) from a wrong authentication
 * key or an altered frame (a telegram comes out): either way nothing is passed on. A frame whose security byte does
 * not ask for authentication ({@code 20}) is decrypted without the tag and must hold a telegram whose CRC matches. The frame counter must rise from one authentic frame to the next.
 *
 * <p>Not thread-safe; one per stream.
 */
final class FrameDecrypter {

    static final int TAG_BYTES = 12;
    static final int TITLE_BYTES = 8;
    private static final int AUTHENTICATED = 0x10;

    /** A plain telegram, or why there is none. */
    record Result(byte[] plaintext, DecryptFailure failure, String detail) {
        static Result ok(byte[] plaintext) {
            return new Result(plaintext, null, null);
        }

        static Result failed(DecryptFailure failure, String detail) {
            return new Result(null, failure, detail);
        }
    }

    private final SecretKeySpec key;
    private final byte[] authenticationKey;
    private final Cipher gcm;
    private final Cipher ctr;
    private long lastCounter = -1;

    FrameDecrypter(DecryptionKeys keys) {
        this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
        this.authenticationKey = keys.authenticationKey();
        try {
            this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
            this.ctr = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES-GCM", e);
        }
    }

    /**
     * Decrypts {@code frame[0, total)}, a whole frame from {@code DB} whose security byte is at {@code header}.
     * The frame counter of an authentic frame is remembered.
     */
    Result decrypt(byte[] frame, int header, int total) {
        int sc = frame[header] & 0xFF;
        long counter = ((frame[header + 1] & 0xFFL) << 24) | ((frame[header + 2] & 0xFF) << 16)
                | ((frame[header + 3] & 0xFF) << 8) | (frame[header + 4] & 0xFF);
        byte[] iv = new byte[12];
        System.arraycopy(frame, 2, iv, 0, TITLE_BYTES);
        System.arraycopy(frame, header + 1, iv, TITLE_BYTES, 4);
        int cipherStart = header + 5;
        int cipherLength = total - TAG_BYTES - cipherStart;
        byte[] plain;
        if ((sc & AUTHENTICATED) != 0) {
            try {
                gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
                gcm.updateAAD(new byte[] {(byte) sc});
                gcm.updateAAD(authenticationKey);
                plain = gcm.doFinal(frame, cipherStart, cipherLength + TAG_BYTES);
            } catch (AEADBadTagException e) {
                byte[] candidate = ctrDecrypt(iv, frame, cipherStart, cipherLength);
                return looksLikeTelegram(candidate, false)
                        ? Result.failed(DecryptFailure.TAG_MISMATCH, "frame counter " + counter)
                        : Result.failed(DecryptFailure.WRONG_KEY, "frame counter " + counter + ", " + cipherLength
                                + " bytes that do not decrypt to a telegram");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
            }
        } else {
            plain = ctrDecrypt(iv, frame, cipherStart, cipherLength);
            if (!looksLikeTelegram(plain, true)) {
                return Result.failed(DecryptFailure.WRONG_KEY, "frame counter " + counter + ", security byte "
                        + String.format("%02X", sc) + " (not authenticated): no telegram with a matching CRC inside");
            }
        }
        if (counter <= lastCounter) {
            return Result.failed(DecryptFailure.COUNTER_BACKWARDS, "frame counter " + counter + " after " + lastCounter);
        }
        lastCounter = counter;
        return Result.ok(plain);
    }

    /** Forgets the last frame counter (a new meter). */
    void forgetCounter() {
        lastCounter = -1;
    }

    private byte[] ctrDecrypt(byte[] iv, byte[] frame, int from, int length) {
        byte[] counterBlock = Arrays.copyOf(iv, 16);
        counterBlock[15] = 2; // GCM: J0 = IV ‖ 1, the first block of text is encrypted with inc32(J0)
        try {
            ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counterBlock));
            return ctr.doFinal(frame, from, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed: " + e.getMessage(), e);
        }
    }

    /**
     * Starts with {@code /} and has a {@code !}; with {@code needCrc}, the last {@code !} at the start of a line is
     * followed by four hex digits that are the CRC of the telegram (the only check a frame without a tag has).
     */
    private static boolean looksLikeTelegram(byte[] p, boolean needCrc) {
        if (p.length < 2 || p[0] != '/') {
            return false;
        }
        for (int i = p.length - 1; i > 0; i--) {
            if (p[i] == '!') {
                if (!needCrc) {
                    return true;
                }
                if (p[i - 1] == '\n') {
                    return i + 4 < p.length && hex(p[i + 1]) && hex(p[i + 2]) && hex(p[i + 3]) && hex(p[i + 4])
                            && Integer.parseInt(new String(p, i + 1, 4, java.nio.charset.StandardCharsets.US_ASCII), 16)
                                    == Crc16Arc.compute(p, 0, i + 1);
                }
            }
        }
        return false;
    }

    private static boolean hex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
