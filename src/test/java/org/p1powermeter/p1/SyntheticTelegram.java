package org.p1powermeter.p1;

import java.nio.charset.StandardCharsets;

/** Builds telegrams for tests: text (ISO-8859-1, one byte per char) up to and including "!" plus a trailer. */
final class SyntheticTelegram {

    private SyntheticTelegram() {
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** CRC-16/ARC of the text (which must end with "!"). */
    static int crcOf(String throughBang) {
        return Crc16Arc.compute(latin1(throughBang));
    }

    /** The text, its CRC as 4 upper-case hex digits, and CR LF. */
    static String withCrc(String throughBang) {
        return throughBang + String.format("%04X", crcOf(throughBang)) + "\r\n";
    }

    /** A small valid DSMR-4-style telegram; {@code value} goes into one value group. */
    static String small(String value) {
        return withCrc("/XYZ5 test\r\n\r\n1-0:1.8.1(" + value + "*kWh)\r\n!");
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
