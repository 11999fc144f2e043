package org.p1powermeter.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileReadsAsZero() throws IOException {
        try (AckFile ack = AckFile.open(dir)) {
            assertEquals(0, ack.read());
        }
    }

    @Test
    void theLastWrittenSequenceIsReadBackAfterAReopen() throws IOException {
        try (AckFile ack = AckFile.open(dir)) {
            ack.read();
            for (long s = 1; s <= 5; s++) {
                ack.write(s * 1000);
            }
        }
        try (AckFile ack = AckFile.open(dir)) {
            assertEquals(5000, ack.read());
            ack.write(6000); // goes into the older slot: both slots stay readable
        }
        try (AckFile ack = AckFile.open(dir)) {
            assertEquals(6000, ack.read());
        }
        assertEquals(60, Files.size(dir.resolve(AckFile.NAME)), "two fixed-size slots, rewritten in place");
    }

    @Test
    void aTornWriteFallsBackToThePreviousPositionNeverPastIt() throws IOException {
        try (AckFile ack = AckFile.open(dir)) {
            ack.read();
            ack.write(999); // slot 0
            ack.write(1000); // slot 1
        }
        // a crash in the middle of writing slot 1: its first digits are new, the rest still the older value
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(AckFile.NAME).toFile(), "rw")) {
            f.seek(30 + 16);
            f.write("9999".getBytes(StandardCharsets.US_ASCII)); // ...00009999: larger than what was delivered
        }
        try (AckFile ack = AckFile.open(dir)) {
            assertEquals(999, ack.read(), "the damaged slot's checksum fails; the other slot holds the previous position");
        }
    }

    @Test
    void theOlderOneNumberFormatIsRead() throws IOException {
        Files.writeString(dir.resolve(AckFile.NAME), "4242\n", StandardCharsets.US_ASCII);
        try (AckFile ack = AckFile.open(dir)) {
            assertEquals(4242, ack.read());
            ack.write(4300);
        }
        try (AckFile ack = AckFile.open(dir)) {
            assertEquals(4300, ack.read());
        }
    }

    @Test
    void garbageReadsAsZeroSoEverythingIsSentAgain() throws IOException {
        Files.writeString(dir.resolve(AckFile.NAME), "not a number at all, and longer than two slots of the file format",
                StandardCharsets.US_ASCII);
        try (AckFile ack = AckFile.open(dir)) {
            assertEquals(0, ack.read());
        }
    }
}
