package org.p1powermeter.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.p1powermeter.p1.Crc16Arc;

/**
 * A capture file of the Swedish telegram repeated {@code count} times, each one second later than the one before
 * (0-0:1.0.0 from 2021-02-17 18:40:19 W on, CRC recomputed), so every event's vscpDateTime tells its telegram.
 */
final class ReplayCapture {

    private static final DateTimeFormatter P1_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    static final LocalDateTime FIRST = LocalDateTime.of(2021, 2, 17, 18, 40, 19);

    private ReplayCapture() {
    }

    static Path write(Path file, int count) throws Exception {
        return write(file, 0, count);
    }

    /** Telegrams number {@code first} to {@code first + count - 1}. */
    static Path write(Path file, int first, int count) throws Exception {
        String template = new String(SwedishTelegram.bytes(), StandardCharsets.ISO_8859_1);
        String body = template.substring(0, template.indexOf('!') + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = first; i < first + count; i++) {
            String stamped = body.replace("0-0:1.0.0(210217184019W)",
                    "0-0:1.0.0(" + P1_TIME.format(FIRST.plusSeconds(i)) + "W)");
            byte[] bytes = stamped.getBytes(StandardCharsets.ISO_8859_1);
            out.write(bytes);
            out.write(String.format("%04X\r\n", Crc16Arc.compute(bytes, 0, bytes.length)).getBytes(StandardCharsets.ISO_8859_1));
        }
        Files.write(file, out.toByteArray());
        return file;
    }
}
