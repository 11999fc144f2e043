package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.SettingsLoader;
import org.p1powermeter.camel.source.P1TcpEndpoint;
import org.p1powermeter.p1.CrcPolicy;

/** {@code serial_port = tcp://HOST:PORT} (or pyserial's {@code socket://}) becomes a {@code p1tcp:} source. */
class TcpSourceSettingsTest {

    private static BridgeSettings load(String... assignments) throws Exception {
        SettingsLoader loader = new SettingsLoader();
        for (String a : assignments) {
            loader.commandLineSetting(a, "--set");
        }
        return loader.load();
    }

    @ParameterizedTest
    @CsvSource({"tcp://192.168.1.40:6638, 192.168.1.40:6638", "socket://dongle.local:23, dongle.local:23",
            "TCP://p1-dongle:2001/, p1-dongle:2001", "tcp://[fd00::5]:82, [fd00::5]:82"})
    void aTcpSerialPortBecomesAP1TcpSourceWithTheSerialTimeoutAndCrc(String serialPort, String address) throws Exception {
        String uri = new BridgeAssembly(load("serial_port=" + serialPort, "serial_timeout=7.5", "crc=required")).serialUri();
        assertEquals("p1tcp:" + address + "?telegramTimeout=7.5&crcPolicy=REQUIRED", uri);
        try (CamelContext context = new DefaultCamelContext()) {
            P1TcpEndpoint endpoint = context.getEndpoint(uri, P1TcpEndpoint.class);
            assertEquals(address, endpoint.getAddress().toString());
            assertEquals(Duration.ofMillis(7500), endpoint.telegramTimeoutDuration());
            assertEquals(CrcPolicy.REQUIRED, endpoint.getCrcPolicy());
            assertEquals(5000, endpoint.getConnectTimeout(), "the default connect timeout");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp://dongle|is not a TCP address: 'dongle' is not HOST:PORT (e.g. 192.168.1.40:6638)",
        "socket://dongle:0|is not a TCP address: a TCP port must be 1-65535, not 0",
        "tcp://dongle:http|is not a TCP address: 'dongle:http' the port is not a number",
        "tcp://fd00::5:23|is not a TCP address: 'fd00::5:23': write an IPv6 address in brackets, e.g. [fd00::5]:23",
    })
    void aBadTcpAddressIsAConfigurationProblem(String serialPort, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> load("serial_port=" + serialPort));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("serial_port = '" + serialPort + "' " + expected.replace("' the", "': the")),
                e.getMessage());
    }

    @Test
    void theComponentRefusesABadUriOption() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Exception e = assertThrows(Exception.class, () -> context.getEndpoint("p1tcp:127.0.0.1:23?telegramTimeout=-1"));
            assertTrue(e.getMessage().contains("telegramTimeout must be 0-86400 seconds"), e.toString());
        }
    }
}
