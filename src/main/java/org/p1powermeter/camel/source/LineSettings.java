package org.p1powermeter.camel.source;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Locale;

/**
 * The serial line settings a port is opened with, e.g. 115200 8N1.
 *
 * @param baudRate bits per second
 * @param dataBits 5–8
 * @param parity   none, even, odd, mark or space
 * @param stopBits 1, 1.5 or 2
 */
public record LineSettings(int baudRate, int dataBits, String parity, String stopBits) {

    /** DSMR 4/5, e-MUCS, Sweden, Luxembourg, Austria. */
    public static final LineSettings DSMR4 = new LineSettings(115200, 8, "none", "1");
    /** DSMR 2.2/3 (older Dutch meters). */
    public static final LineSettings DSMR3 = new LineSettings(9600, 7, "even", "1");

    /** The other of {@link #DSMR4} and {@link #DSMR3}: what auto-detection tries next. */
    public LineSettings alternative() {
        return equals(DSMR4) ? DSMR3 : DSMR4;
    }

    /** e.g. {@code 115200 8N1}. */
    @Override
    public String toString() {
        return baudRate + " " + dataBits + parity.toUpperCase(Locale.ROOT).charAt(0) + stopBits;
    }

    /**
     * A hint for a port that sent no telegram for the timeout with these settings: {@code bytes} read since the last
     * telegram (or since the port was opened), {@code telegramsBefore} when telegrams did arrive since it was opened.
     * Only bytes that arrived in that time are "bytes that frame no telegram"; a meter that stopped sending is not.
     */
    String silenceHint(long bytes, boolean telegramsBefore) {
        if (bytes == 0) {
            return telegramsBefore
                    ? "no bytes since the last telegram: the meter stopped sending (check the cable and the meter)"
                    : "no bytes at all: check the cable, that the adapter inverts the signal, and that the grid operator"
                            + " enabled the P1 port";
        }
        if (telegramsBefore) {
            return bytes + " bytes since the last telegram, none of them a whole valid telegram (a loose cable or"
                    + " interference?)";
        }
        return baudRate == 9600
                ? bytes + " bytes arrived but none frames a telegram: DSMR 4/5 and most meters send 115200 8N1"
                        + " (serial_baudrate=115200, serial_databits=8, serial_parity=none)"
                : bytes + " bytes arrived but none frames a telegram: DSMR 2.2/3 meters send 9600 7E1"
                        + " (serial_baudrate=9600, serial_databits=7, serial_parity=even)";
    }

    int jSerialCommStopBits() {
        switch (stopBits) {
            case "2": return SerialPort.TWO_STOP_BITS;
            case "1.5": return SerialPort.ONE_POINT_FIVE_STOP_BITS;
            default: return SerialPort.ONE_STOP_BIT;
        }
    }

    int jSerialCommParity() {
        switch (parity.toLowerCase(Locale.ROOT)) {
            case "even": return SerialPort.EVEN_PARITY;
            case "odd": return SerialPort.ODD_PARITY;
            case "mark": return SerialPort.MARK_PARITY;
            case "space": return SerialPort.SPACE_PARITY;
            default: return SerialPort.NO_PARITY;
        }
    }
}
