package org.p1powermeter.p1;

/** Hex-encoded ASCII ({@code 4B38...}) as meters send ids and messages. */
final class HexText {

    private HexText() {
    }

    /**
     * The decoded text, or {@code text} itself when it is not even-length hex or does not decode to printable
     * ASCII (plain-text ids such as {@code ADC3100000158491}, {@code FF} fill).
     */
    static String decodeOrSelf(String text) {
        if (text == null || text.isEmpty() || (text.length() & 1) != 0) {
            return text;
        }
        char[] out = new char[text.length() / 2];
        for (int i = 0; i < text.length(); i += 2) {
            int hi = Character.digit(text.charAt(i), 16);
            int lo = Character.digit(text.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                return text;
            }
            int ch = hi << 4 | lo;
            if ((ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') || ch > 0x7E) {
                return text;
            }
            out[i / 2] = (char) ch;
        }
        return new String(out);
    }
}
