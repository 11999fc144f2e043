package org.p1powermeter.p1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds {@link RawTelegram}s for parser tests without the framer: finds the {@code !} at a line start. */
final class TestTelegrams {

    static final String CORPUS = "/corpus/dsmr_parser/";

    private TestTelegrams() {
    }

    /** Telegram text with {@code \n} line ends turned into CR LF (ISO-8859-1 bytes). */
    static RawTelegram crlf(String text) {
        return raw(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The bytes from the first {@code /} through the end of the {@code !} line; CRC fields are not checked here. */
    static RawTelegram raw(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && bytes[start] != '/') {
            start++;
        }
        if (start == bytes.length) {
            start = 0;
        }
        int bang = -1;
        for (int i = start + 1; i < bytes.length; i++) {
            if (bytes[i] == '!' && bytes[i - 1] == '\n') {
                bang = i;
                break;
            }
        }
        if (bang < 0) {
            return new RawTelegram(Arrays.copyOfRange(bytes, start, bytes.length), RawTelegram.NO_CRC, 0, -1);
        }
        int end = bang + 1;
        int crc = 0;
        int digits = 0;
        while (end < bytes.length && Character.digit(bytes[end], 16) >= 0) {
            crc = crc << 4 | Character.digit(bytes[end], 16);
            digits++;
            end++;
        }
        while (end < bytes.length && (bytes[end] == '\r' || bytes[end] == '\n') && bytes[end - 1] != '\n') {
            end++;
        }
        int crcGiven = digits == 0 ? RawTelegram.NO_CRC : crc;
        return new RawTelegram(Arrays.copyOfRange(bytes, start, end), crcGiven, crcGiven, bang - start);
    }

    static byte[] corpusBytes(String file) {
        try (InputStream in = TestTelegrams.class.getResourceAsStream(CORPUS + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawTelegram corpus(String file) {
        return raw(corpusBytes(file));
    }
}
