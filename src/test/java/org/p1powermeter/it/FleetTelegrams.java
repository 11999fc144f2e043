package org.p1powermeter.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.p1powermeter.p1.Crc16Arc;

/**
 * Telegrams of a fleet of simulated meters for the fleet ITs and bench/fleet-bench: a DSMR 5 telegram with the 26
 * measurements of the Swedish sample plus the grid frequency, an equipment id per meter ({@link #meterId}) and a
 * sequence number in the meter time ({@link #BASE} + seq seconds), with a correct CRC. The meter time is what the
 * VSCP events carry as {@code vscpDateTime}, so a subscriber reads the sequence number back from every event.
 */
public final class FleetTelegrams {

    /** The meter time of sequence number 0 (winter time in the meters' zone, Europe/Stockholm). */
    public static final Instant BASE = Instant.parse("2026-01-05T00:00:00Z");
    private static final DateTimeFormatter P1_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss")
            .withZone(ZoneId.of("Europe/Stockholm"));
    private static final String BODY = String.join("\r\n",
            "1-0:2.8.0(00000000.000*kWh)", "1-0:3.8.0(00000021.988*kvarh)", "1-0:4.8.0(00001020.971*kvarh)",
            "1-0:1.7.0(0001.727*kW)", "1-0:2.7.0(0000.000*kW)", "1-0:3.7.0(0000.000*kvar)", "1-0:4.7.0(0000.309*kvar)",
            "1-0:21.7.0(0001.023*kW)", "1-0:41.7.0(0000.350*kW)", "1-0:61.7.0(0000.353*kW)",
            "1-0:22.7.0(0000.000*kW)", "1-0:42.7.0(0000.000*kW)", "1-0:62.7.0(0000.000*kW)",
            "1-0:23.7.0(0000.000*kvar)", "1-0:43.7.0(0000.000*kvar)", "1-0:63.7.0(0000.000*kvar)",
            "1-0:24.7.0(0000.009*kvar)", "1-0:44.7.0(0000.161*kvar)", "1-0:64.7.0(0000.138*kvar)",
            "1-0:32.7.0(240.3*V)", "1-0:52.7.0(240.1*V)", "1-0:72.7.0(241.3*V)",
            "1-0:31.7.0(004.2*A)", "1-0:51.7.0(001.6*A)", "1-0:71.7.0(001.7*A)", "1-0:14.7.0(50.012*Hz)") + "\r\n";

    private FleetTelegrams() {
    }

    /** The equipment id of meter {@code meter}: 17 characters, like a real one ({@code E0000000000000042}). */
    public static String meterId(int meter) {
        return String.format("E%016d", meter);
    }

    /** Meter {@code meter}'s telegram number {@code seq} (1, 2, …): meter time {@link #BASE} + seq s. */
    public static byte[] telegram(int meter, int seq) {
        return telegram(meterId(meter), seq);
    }

    /** A telegram of the meter with this equipment id (null: a telegram that names no meter). */
    public static byte[] telegram(String equipmentId, int seq) {
        StringBuilder text = new StringBuilder(1024);
        text.append("/TST5\\253833635_A\r\n\r\n");
        text.append("0-0:1.0.0(").append(P1_TIME.format(BASE.plusSeconds(seq))).append("W)\r\n");
        if (equipmentId != null) {
            text.append("0-0:96.1.1(").append(HexFormat.of().withUpperCase()
                    .formatHex(equipmentId.getBytes(StandardCharsets.US_ASCII))).append(")\r\n");
        }
        text.append(String.format(java.util.Locale.ROOT, "1-0:1.8.0(%012.3f*kWh)\r\n", 6678.394 + seq * 0.003));
        text.append(BODY).append('!');
        byte[] body = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 6);
        out.writeBytes(body);
        out.writeBytes(String.format("%04X\r\n", Crc16Arc.compute(body)).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The sequence number a VSCP event's {@code vscpDateTime} carries. */
    public static int sequenceOf(String vscpDateTime) {
        return (int) (Instant.parse(vscpDateTime).getEpochSecond() - BASE.getEpochSecond());
    }
}
