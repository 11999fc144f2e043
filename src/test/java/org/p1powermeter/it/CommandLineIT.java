package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's command line: help, dry runs from a capture file and from stdin, config errors. */
class CommandLineIT {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryFlagAndExitsZero() throws Exception {
        try (BridgeProcess p = BridgeProcess.start(dir, List.of("-h"))) {
            assertEquals(0, p.waitFor(30, TimeUnit.SECONDS));
            String help = p.stdout();
            for (String flag : List.of("--help", "--config", "--verbose", "--debug", "--oneshot", "--input", "--dry-run", "--demo")) {
                assertTrue(help.contains(flag), "help mentions " + flag + ":\n" + help);
            }
        }
    }

    @Test
    void dryRunOfACaptureFilePrintsOneJsonLinePerEventAndExits() throws Exception {
        Path capture = dir.resolve("capture.txt");
        byte[] telegram = SwedishTelegram.bytes();
        byte[] two = new byte[telegram.length * 2 + 5];
        System.arraycopy(telegram, 0, two, 0, telegram.length);
        System.arraycopy("noise".getBytes(), 0, two, telegram.length, 5);
        System.arraycopy(telegram, 0, two, telegram.length + 5, telegram.length);
        Files.write(capture, two);
        try (BridgeProcess p = BridgeProcess.start(dir, List.of("-n", "-i", capture.toString(),
                "--set", "guid=01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:00:00"))) {
            assertEquals(0, p.waitFor(30, TimeUnit.SECONDS), p::toString);
            List<String> lines = p.stdout().lines().toList();
            assertEquals(52, lines.size(), "26 events per telegram, 2 telegrams");
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertEquals("vscp/01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:00:01/1040/13", first.get("topic").asText());
            assertEquals("Meter reading active energy out", first.get("payload").get("vscpNote").asText());
        }
    }

    @Test
    void aCaptureThatEndsRightAfterTheCrcGivesItsLastTelegramAndExitsZero() throws Exception {
        // issue 7, defect 1: peer tools and gateways strip the final CR LF; this was TRUNCATED and exit 1
        Path capture = dir.resolve("stripped.txt");
        byte[] telegram = SwedishTelegram.bytes();
        Files.write(capture, java.util.Arrays.copyOf(telegram, telegram.length - 2));
        for (List<String> input : List.of(List.of("-i", capture.toString()), List.of("-i", "-"))) {
            List<String> args = new java.util.ArrayList<>(List.of("-n"));
            args.addAll(input);
            try (BridgeProcess p = input.contains("-") ? BridgeProcess.start(dir, args, capture.toFile())
                    : BridgeProcess.start(dir, args)) {
                assertEquals(0, p.waitFor(30, TimeUnit.SECONDS), p::toString);
                assertEquals(26, p.stdout().lines().count(), p::toString);
            }
        }
    }

    @Test
    void dryRunReadsStandardInput() throws Exception {
        Path capture = dir.resolve("capture.txt");
        Files.write(capture, SwedishTelegram.bytes());
        try (BridgeProcess p = BridgeProcess.start(dir, List.of("--dry-run", "--input", "-"), capture.toFile())) {
            assertEquals(0, p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(26, p.stdout().lines().count());
        }
    }

    @Test
    void aBadConfigValueIsOneClearLineAndExitCodeTwo() throws Exception {
        Path config = dir.resolve("config.ini");
        Files.writeString(config, "[VSCP]\nzone=300\n");
        try (BridgeProcess p = BridgeProcess.start(dir, List.of("-c", config.toString(), "-n", "-i", "-"))) {
            assertEquals(2, p.waitFor(30, TimeUnit.SECONDS));
            String err = p.stderr();
            assertTrue(err.contains("zone") && err.contains("300") && err.contains("config.ini:2"), err);
        }
    }

    @Test
    void aMissingRouteFileStopsTheRunBeforeTheSpoolIsOpened() throws Exception {
        Path config = dir.resolve("config.ini");
        Files.writeString(config, "[GENERAL]\nroutes = routes/missing.camel.yaml\n[SPOOL]\nspool_dir = "
                + dir.resolve("spool") + "\n");
        Path capture = dir.resolve("capture.txt");
        Files.write(capture, SwedishTelegram.bytes());
        try (BridgeProcess p = BridgeProcess.start(dir, List.of("-c", config.toString(), "-i", capture.toString()))) {
            assertEquals(2, p.waitFor(30, TimeUnit.SECONDS), p::toString);
            String err = p.stderr();
            assertTrue(err.contains(config + ":2: routes = 'routes/missing.camel.yaml' names the route file "
                    + dir.resolve("routes/missing.camel.yaml") + ", which does not exist"), "relative to the config's folder: " + err);
            assertFalse(Files.exists(dir.resolve("spool")), "nothing started: no spool directory");
            assertEquals("", p.stdout());
        }
    }

    @Test
    void aMissingConfigFileIsAnError() throws Exception {
        try (BridgeProcess p = BridgeProcess.start(dir, List.of("-c", dir.resolve("nope.ini").toString()))) {
            assertEquals(2, p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(p.stderr().contains("nope.ini"), p.stderr());
        }
    }
}
