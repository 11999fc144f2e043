package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.p1.FrameEncrypter;

/**
 * The packaged jar reading a capture of an encrypted meter ({@code -i}, {@code decryption_key}): the good frames
 * become events, an altered one is counted and logged with what to check, and the key appears in no output, not
 * even with {@code -d}, which prints every setting.
 */
class EncryptedCaptureIT {

    private static final String KEY = "5A17C0DE5A17C0DE00AB00CD00EF0011";

    @TempDir
    Path dir;

    @Test
    void aCaptureOfAnEncryptedMeterIsDecryptedAndTheKeyIsNeverShown() throws Exception {
        FrameEncrypter meter = new FrameEncrypter(KEY, "00112233445566778899AABBCCDDEEFF");
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        capture.writeBytes(meter.frame(SwedishTelegram.bytes(), 100));
        byte[] altered = meter.frame(SwedishTelegram.bytes(), 101);
        altered[altered.length - 1] ^= 1;
        capture.writeBytes(altered);
        capture.writeBytes(meter.frame(SwedishTelegram.bytes(), 102));
        Path file = dir.resolve("smarty.bin");
        Files.write(file, capture.toByteArray());
        try (BridgeProcess p = BridgeProcess.start(dir, List.of("-n", "-d", "-i", file.toString(),
                "--set", "decryption_key=" + KEY.toLowerCase(Locale.ROOT),
                "--set", "guid=01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:00:00"))) {
            assertEquals(0, p.waitFor(60, TimeUnit.SECONDS), p::toString);
            List<String> events = p.stdout().lines().filter(l -> l.startsWith("{\"topic\"")).toList();
            assertEquals(52, events.size(), "26 events of each of the two good frames\n" + p);
            String all = (p.stdout() + p.stderr()).toUpperCase(Locale.ROOT);
            assertFalse(all.contains(KEY.substring(0, 8)) || all.contains(KEY.substring(16)), "the key leaked:\n" + p);
            assertTrue(p.stderr().contains("decryption_key = ****"), p.stderr());
            assertTrue(p.stderr().contains("encrypted frame dropped, TAG_MISMATCH (frame counter 101): the decryption key"
                    + " is right but the GCM tag does not match: check authentication_key"), p.stderr());
        }
    }
}
