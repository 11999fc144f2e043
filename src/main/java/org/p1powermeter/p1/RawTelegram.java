package org.p1powermeter.p1;

import java.nio.charset.StandardCharsets;

/**
 * One complete telegram as cut from the byte stream by {@link TelegramFramer}: the bytes from {@code /}
 * through the end of the {@code !} line (CRC digits and line end included), with the CRC the framer
 * computed over {@code /} … {@code !} in the same pass.
 *
 * @param bytes       the telegram bytes, never modified after framing
 * @param crcGiven    the CRC written after {@code !} (1–4 hex digits), or {@link #NO_CRC} when absent
 * @param crcComputed CRC-16/ARC over {@code /} through {@code !} inclusive
 * @param bangIndex   index of the {@code !} in {@code bytes}
 */
public record RawTelegram(byte[] bytes, int crcGiven, int crcComputed, int bangIndex) {

    /** {@link #crcGiven()} when the telegram carries no CRC (DSMR 2.2/3 and some gateways). */
    public static final int NO_CRC = -1;

    /**
     * A telegram that was framed (and CRC-checked) before, e.g. by an ingest instance, read back from its bytes: the
     * {@code !} is the last one in {@code bytes}, the CRC digits after it are read and the CRC over {@code /} …
     * {@code !} is computed again, so {@link #crcMatches()} still tells a telegram damaged on the way. Bytes without
     * a {@code !} give a telegram whose {@link #bangIndex()} is the last byte and which has no CRC; the parser then
     * reports what it cannot read. Never throws for any byte array.
     */
    public static RawTelegram of(byte[] bytes) {
        int bang = bytes.length - 1;
        while (bang >= 0 && bytes[bang] != '!') {
            bang--;
        }
        if (bang < 0) {
            return new RawTelegram(bytes, NO_CRC, Crc16Arc.compute(bytes), Math.max(0, bytes.length - 1));
        }
        int given = 0;
        int digits = 0;
        for (int i = bang + 1; i < bytes.length && digits < 4; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                break;
            }
            given = given << 4 | digit;
            digits++;
        }
        return new RawTelegram(bytes, digits == 0 ? NO_CRC : given, Crc16Arc.compute(bytes, 0, bang + 1), bang);
    }

    public boolean hasCrc() {
        return crcGiven != NO_CRC;
    }

    public boolean crcMatches() {
        return crcGiven == crcComputed;
    }

    public int length() {
        return bytes.length;
    }

    /** The telegram as text (ISO-8859-1: one char per byte, never fails). */
    public String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "RawTelegram[" + bytes.length + " bytes, crc " + (hasCrc() ? String.format("%04X", crcGiven) : "none") + "]";
    }
}
