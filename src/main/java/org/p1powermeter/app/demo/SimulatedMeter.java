package org.p1powermeter.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.p1powermeter.p1.Crc16Arc;

/**
 * A meter that is not there: replays a bundled real telegram (a Swedish Ellevio meter) once per interval as an
 * endless {@link InputStream}, with its time set to now, its power values wandering, its energy registers
 * counting up, and its CRC recomputed, so everything downstream sees what a real P1 port sends.
 */
public final class SimulatedMeter extends InputStream {

    /** The bundled telegram the simulation starts from. */
    public static final String TEMPLATE = "/demo/sweden-ellevio.telegram";
    private static final DateTimeFormatter P1_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final List<String> lines;
    private final long intervalMillis;
    private final Clock clock;
    private final ZoneId zone;
    private final Random random = new Random(1);
    private byte[] current = new byte[0];
    private int position;
    private long tick;
    private long nextAt;

    public SimulatedMeter(long intervalMillis, Clock clock, ZoneId zone) {
        this.lines = templateLines();
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= current.length) {
            waitForNextTelegram();
            current = nextTelegram();
            position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    private void waitForNextTelegram() throws IOException {
        long now = clock.millis();
        if (nextAt > now) {
            try {
                Thread.sleep(nextAt - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("simulated meter stopped");
            }
        }
        nextAt = Math.max(now, nextAt) + intervalMillis;
    }

    /** The next telegram: bytes from {@code /} through {@code !CRC CR LF}. */
    public byte[] nextTelegram() {
        tick++;
        StringBuilder sb = new StringBuilder(1024);
        for (String line : lines) {
            sb.append(vary(line)).append("\r\n");
        }
        sb.append('!');
        byte[] body = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        String crc = String.format("%04X\r\n", Crc16Arc.compute(body, 0, body.length));
        byte[] out = new byte[body.length + crc.length()];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(crc.getBytes(StandardCharsets.ISO_8859_1), 0, out, body.length, crc.length());
        return out;
    }

    private String vary(String line) {
        int open = line.indexOf('(');
        if (open < 0 || line.startsWith("/")) {
            return line;
        }
        String obis = line.substring(0, open);
        if (obis.equals("0-0:1.0.0")) {
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
            boolean summer = zone.getRules().isDaylightSavings(now.toInstant());
            return obis + "(" + P1_TIME.format(now) + (summer ? 'S' : 'W') + ")";
        }
        int star = line.indexOf('*', open);
        int close = line.indexOf(')', open);
        if (close < 0) {
            return line;
        }
        String number = line.substring(open + 1, star > 0 ? star : close);
        BigDecimal base = new BigDecimal(number);
        BigDecimal varied = vary(obis, base);
        return obis + "(" + sameWidth(varied, number) + line.substring(star > 0 ? star : close);
    }

    private BigDecimal vary(String obis, BigDecimal base) {
        if (obis.contains(".8.")) {
            return base.add(BigDecimal.valueOf(tick * 3L, 3)); // registers count up 3 Wh per telegram
        }
        if (base.signum() == 0) {
            return base;
        }
        double factor = 1 + (random.nextDouble() - 0.5) * 0.1; // ±5 %
        return base.multiply(BigDecimal.valueOf(factor));
    }

    private static String sameWidth(BigDecimal value, String template) {
        int dot = template.indexOf('.');
        int decimals = dot < 0 ? 0 : template.length() - dot - 1;
        String text = value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        StringBuilder sb = new StringBuilder();
        for (int i = text.length(); i < template.length(); i++) {
            sb.append('0');
        }
        return sb.append(text).toString();
    }

    private static List<String> templateLines() {
        try (InputStream in = SimulatedMeter.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            List<String> result = new ArrayList<>();
            for (String line : text.split("\r\n")) {
                if (line.startsWith("!")) {
                    break;
                }
                result.add(line);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
