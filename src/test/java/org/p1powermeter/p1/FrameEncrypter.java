package org.p1powermeter.p1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds encrypted P1 frames as a Smarty or Austrian meter sends them (docs/p1-telegrams.md §7), with the JDK's
 * AES-GCM: {@code DB 08 title 82 len SC counter ciphertext tag(12)}, IV = title ‖ counter, AAD = SC ‖ AK.
 */
public final class FrameEncrypter {

    static final String TITLE = "SAGgp\u0001\u00BDT"; // 53 41 47 67 70 01 BD 54, as in openHAB's vector

    private final byte[] key;
    private final byte[] authenticationKey;
    private final byte[] title;

    public FrameEncrypter(String keyHex, String authenticationKeyHex) {
        this(keyHex, authenticationKeyHex, TITLE.getBytes(StandardCharsets.ISO_8859_1));
    }

    FrameEncrypter(String keyHex, String authenticationKeyHex, byte[] title) {
        this.key = HexFormat.of().parseHex(keyHex);
        this.authenticationKey = HexFormat.of().parseHex(authenticationKeyHex);
        this.title = title.clone();
    }

    /** An authenticated and encrypted frame (security byte 30). */
    public byte[] frame(byte[] telegram, long counter) {
        return frame(telegram, counter, 0x30);
    }

    byte[] frame(byte[] telegram, long counter, int securityByte) {
        try {
            byte[] iv = new byte[12];
            System.arraycopy(title, 0, iv, 0, 8);
            for (int i = 0; i < 4; i++) {
                iv[8 + i] = (byte) (counter >>> (24 - 8 * i));
            }
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(96, iv));
            gcm.updateAAD(new byte[] {(byte) securityByte});
            gcm.updateAAD(authenticationKey);
            byte[] sealed = gcm.doFinal(telegram); // ciphertext ‖ 12-byte tag
            int length = 1 + 4 + sealed.length;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0xDB);
            out.write(8);
            out.writeBytes(title);
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xFF);
            out.write(securityByte);
            out.writeBytes(new byte[] {iv[8], iv[9], iv[10], iv[11]});
            out.writeBytes(sealed);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
