package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.SettingsLoader;
import org.p1powermeter.camel.P1Beans;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.p1.FramedResource;
import org.p1powermeter.vscp.Guid;

/**
 * Where the events' GUID comes from when [VSCP] guid is empty: the MAC address of one of this machine's real
 * interfaces (as java.net.NetworkInterface reports them), the interface named in guid_interface, or, for the demo
 * on a machine without a MAC, the demo GUID. A machine with no MAC-bearing interface gets the clear error instead.
 */
class BridgeAssemblyGuidTest {

    private static final byte[] ETHERNET_PREFIX = {-1, -1, -1, -1, -1, -1, -1, (byte) 0xFE};

    @TempDir
    Path dir;

    private static BridgeSettings load(String... assignments) throws Exception {
        SettingsLoader loader = new SettingsLoader();
        for (String a : assignments) {
            loader.commandLineSetting(a, "--set");
        }
        return loader.load();
    }

    /** This machine's interfaces with a hardware address a GUID can be made of (6 bytes, not all zero), by name. */
    private static Map<String, byte[]> macInterfaces() throws Exception {
        Map<String, byte[]> macs = new LinkedHashMap<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            byte[] mac = nic.getHardwareAddress();
            if (!nic.isLoopback() && mac != null && mac.length == 6 && !Arrays.equals(mac, new byte[6])) {
                macs.put(nic.getName(), mac);
            }
        }
        return macs;
    }

    @Test
    void anEmptyGuidIsTheEthernetPrefixAndTheMacOfARealInterface() throws Exception {
        Map<String, byte[]> macs = macInterfaces();
        BridgeAssembly assembly = new BridgeAssembly(load("guid="));
        if (macs.isEmpty()) {
            ConfigException e = assertThrows(ConfigException.class, assembly::baseGuid);
            assertTrue(e.getMessage().contains("[VSCP] guid is empty") && e.getMessage().contains("MAC address"),
                    e.getMessage());
            return;
        }
        byte[] guid = assembly.baseGuid().bytes();
        assertArrayEquals(ETHERNET_PREFIX, Arrays.copyOfRange(guid, 0, 8));
        byte[] mac = Arrays.copyOfRange(guid, 8, 14);
        assertTrue(macs.values().stream().anyMatch(m -> Arrays.equals(m, mac)),
                "bytes 8-13 " + Guid.fromMac(mac, 0) + " are the MAC of one of " + macs.keySet());
    }

    @Test
    void eachEventCarriesTheMacGuidWithItsIdInTheTwoLowBytes() throws Exception {
        BridgeSettings settings = load("guid=", "id_current_l3=4660");
        BridgeAssembly assembly = new BridgeAssembly(settings);
        if (macInterfaces().isEmpty()) {
            assertThrows(ConfigException.class, () -> assembly.beans(false, System.out));
            return;
        }
        byte[] base = assembly.baseGuid().bytes();
        Map<String, String> guidByNote = events(assembly.beans(false, new PrintStream(new ByteArrayOutputStream())));
        assertEquals(26, guidByNote.size());
        Set<Integer> ids = new TreeSet<>();
        for (String text : guidByNote.values()) {
            byte[] guid = Guid.parse(text).bytes();
            assertArrayEquals(Arrays.copyOfRange(base, 0, 14), Arrays.copyOfRange(guid, 0, 14), text);
            ids.add(Guid.parse(text).nickname());
        }
        assertEquals(Guid.of(base).withId(0x1234).toString(), guidByNote.get("Current L3"), "id_current_l3 = 4660");
        Set<Integer> expected = new TreeSet<>();
        for (int id = 1; id <= 25; id++) {
            expected.add(id); // the script's defaults id_* = 1..26, but current_l3 set to 4660 above
        }
        expected.add(4660);
        assertEquals(expected, ids);
    }

    @Test
    void guidInterfacePicksThatInterfacesMac() throws Exception {
        Map<String, byte[]> macs = macInterfaces();
        if (macs.isEmpty()) {
            String loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()).getName();
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new BridgeAssembly(load("guid_interface=" + loopback)).baseGuid());
            assertTrue(e.getMessage().contains("guid_interface = " + loopback), e.getMessage());
            return;
        }
        for (Map.Entry<String, byte[]> nic : macs.entrySet()) {
            byte[] guid = new BridgeAssembly(load("guid_interface=" + nic.getKey())).baseGuid().bytes();
            assertArrayEquals(ETHERNET_PREFIX, Arrays.copyOfRange(guid, 0, 8));
            assertArrayEquals(nic.getValue(), Arrays.copyOfRange(guid, 8, 14), "guid_interface = " + nic.getKey());
        }
    }

    @Test
    void anUnknownInterfaceIsAClearErrorNamingTheKeyAndExitCodeTwo() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new BridgeAssembly(load("guid_interface=p1-nosuch0")).baseGuid());
        assertEquals(List.of("[VSCP] guid_interface = p1-nosuch0: no such interface with a MAC address"), e.problems());

        Path capture = dir.resolve("capture.txt");
        Files.write(capture, telegramBytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = P1PowerMeter.run(new String[] {"--set", "guid_interface=p1-nosuch0", "-n", "-i", capture.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("p1-power-meter: [VSCP] guid_interface = p1-nosuch0: no such interface"), stderr);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing was started");
    }

    @Test
    void theDemoFallsBackToTheDemoGuidOnAMachineWithoutAMac() throws Exception {
        BridgeSettings settings = load("guid=");
        BridgeAssembly demo = new BridgeAssembly(settings, true, name -> Optional.empty());
        Guid guid = demo.baseGuid();
        assertEquals(BridgeAssembly.DEMO_GUID, guid);
        assertArrayEquals(ETHERNET_PREFIX, Arrays.copyOfRange(guid.bytes(), 0, 8));
        Map<String, String> guidByNote = events(demo.beans(false, new PrintStream(new ByteArrayOutputStream())));
        assertEquals(26, guidByNote.size(), "the demo's route beans work without a MAC");
        assertEquals(guid.withId(1).toString(), guidByNote.get("Meter reading active energy out"));

        ConfigException e = assertThrows(ConfigException.class,
                () -> new BridgeAssembly(settings, false, name -> Optional.empty()).baseGuid());
        assertTrue(e.getMessage().startsWith("[VSCP] guid is empty and this machine has no network interface"),
                "outside the demo it stays an error: " + e.getMessage());
    }

    @Test
    void theDemoStillUsesAMacAConfiguredGuidOrANamedInterfaceWhenThereIsOne() throws Exception {
        byte[] mac = {0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F};
        assertEquals(Guid.fromMac(mac, 0),
                new BridgeAssembly(load("guid="), true, name -> Optional.of(mac)).baseGuid());
        String configured = "01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:00:00";
        assertEquals(configured, new BridgeAssembly(load("guid=" + configured), true, name -> {
            throw new AssertionError("a configured GUID needs no MAC");
        }).baseGuid().toString());
        List<String> asked = new ArrayList<>();
        ConfigException e = assertThrows(ConfigException.class,
                () -> new BridgeAssembly(load("guid_interface=wlan9"), true, name -> {
                    asked.add(name);
                    return Optional.empty();
                }).baseGuid());
        assertEquals(List.of("wlan9"), asked);
        assertTrue(e.getMessage().contains("guid_interface = wlan9"), "a named interface that is not there stays an error");
    }

    /** The events of the bundled telegram as the app's beans make them: vscpGuid by vscpNote (topic checked too). */
    private static Map<String, String> events(P1Beans beans) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> guidByNote = new LinkedHashMap<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            for (Measurement m : beans.telegrams().measure(FramedResource.frame("/demo/sweden-ellevio.telegram")).measurements()) {
                Exchange exchange = new DefaultExchange(context);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                beans.vscp().marshal(exchange, m, body);
                var event = json.readTree(body.toByteArray());
                String guid = event.get("vscpGuid").asText();
                assertEquals("vscp/" + guid + "/1040/" + event.get("vscpType").asInt(),
                        exchange.getMessage().getHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC));
                assertFalse(guidByNote.containsKey(event.get("vscpNote").asText()), "one event per measurement");
                guidByNote.put(event.get("vscpNote").asText(), guid);
            }
        }
        return guidByNote;
    }

    private static byte[] telegramBytes() throws Exception {
        try (InputStream in = BridgeAssemblyGuidTest.class.getResourceAsStream("/demo/sweden-ellevio.telegram")) {
            return in.readAllBytes();
        }
    }
}
