package org.p1powermeter.p1;

/** Hex-encoded ASCII ({@code 4B38...}) as meters send ids and messages. */
final class HexText {

    private HexText() {
    }

    static String decodeOrSelf(String text) {
        if (text == null || text.isEmpty() || (text.length() & 1) != 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() / 2);
        for (int i = 0; i < text.length(); i += 2) {
            int hi = Character.digit(text.charAt(i), 16);
            int lo = Character.digit(text.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                return text;
            }
            sb.append((char) (hi << 4 | lo));
        }
        return sb.toString();
    }
}
