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
