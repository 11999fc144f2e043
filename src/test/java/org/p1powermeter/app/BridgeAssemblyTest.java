package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.p1powermeter.camel.spool.P1SpoolConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.SettingsLoader;
import org.p1powermeter.camel.P1Beans;
import org.p1powermeter.camel.source.P1SerialEndpoint;
import org.p1powermeter.spool.publish.BufferedSocketFactory;

/** The settings reach the Camel URIs the app builds. */
class BridgeAssemblyTest {

    private static BridgeSettings load(String... assignments) throws Exception {
        SettingsLoader loader = new SettingsLoader();
        for (String a : assignments) {
            loader.commandLineSetting(a, "--set");
        }
        return loader.load();
    }

    @Test
    void serialSettingsBecomeTheSourceUri() throws Exception {
        String uri = new BridgeAssembly(load("serial_port=/dev/ttyACM0", "serial_baudrate=9600", "serial_databits=7",
                "serial_parity=even", "serial_timeout=30", "crc=required", "serial_autodetect=true")).serialUri();
        assertEquals("p1serial:/dev/ttyACM0?baudRate=9600&dataBits=7&parity=even&stopBits=1&telegramTimeout=30"
                + "&crcPolicy=REQUIRED&autoDetect=true", uri);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.5, 500", "2.5, 2.5, 2500", "20, 20, 20000", "0.001, 0.001, 1", "1.0, 1, 1000"})
    void aFractionalSerialTimeoutReachesTheEndpointToTheMillisecond(String setting, String uriText, long millis)
            throws Exception {
        String uri = new BridgeAssembly(load("serial_timeout=" + setting)).serialUri();
        assertTrue(uri.contains("&telegramTimeout=" + uriText + "&"), uri);
        try (CamelContext context = new DefaultCamelContext()) {
            P1SerialEndpoint endpoint = context.getEndpoint(uri, P1SerialEndpoint.class);
            assertEquals(Duration.ofMillis(millis), endpoint.telegramTimeoutDuration());
        }
    }

    @Test
    void theDefaultsAreThePythonScriptsPortAt115200WithoutAutoDetect() throws Exception {
        String uri = new BridgeAssembly(load()).serialUri();
        assertTrue(uri.startsWith("p1serial:/dev/ttyUSB1?baudRate=115200&dataBits=8&parity=none"), uri);
        assertTrue(uri.endsWith("&autoDetect=false"), uri);
    }

    @Test
    void aDryRunPrintsInsteadOfPublishing() throws Exception {
        BridgeAssembly assembly = new BridgeAssembly(load("sinks=direct:mqtt,direct:file-sink"));
        assertEquals("direct:print", assembly.sinks(true));
        assertEquals("direct:mqtt,direct:file-sink", assembly.sinks(false));
    }

    @Test
    void theMqttSinkIsOneP1spoolUriWithTheConfigAndNoPassword() throws Exception {
        BridgeAssembly assembly = new BridgeAssembly(load("user=vscp", "password=s3cret pass"));
        String uri = assembly.mqttUri("tcp://127.0.0.1:1883", Path.of("/var/lib/p1 spool"), true);
        assertTrue(uri.startsWith("p1spool:p1?"), uri);
        assertTrue(uri.contains("&brokerUrl=tcp%3A%2F%2F127.0.0.1%3A1883&"), uri);
        assertTrue(uri.contains("&userName=vscp&"), uri);
        assertTrue(uri.contains("&spoolDir=%2Fvar%2Flib%2Fp1+spool&maxSize=67108864&"), uri);
        assertTrue(uri.endsWith("&whenFull=WAIT"), uri);
        assertFalse(uri.contains("s3cret"), "the password is set on the component, in no URI");
        assertEquals("s3cret pass", assembly.spoolComponent().getConfiguration().getPassword());
        assertTrue(assembly.mqttUri("tcp://h:1883", Path.of("s"), false).endsWith("&whenFull=DROP_OLDEST"));
        assertTrue(new P1SpoolConfiguration().connectOptions().getSocketFactory() instanceof BufferedSocketFactory,
                "a plain tcp:// broker gets sockets with buffered input");
    }

    @Test
    void theDemoNeverHandsTheConfiguredLoginToItsEmbeddedBroker() throws Exception {
        BridgeSettings settings = load("user=meter", "password=s3cret-pass");
        BridgeAssembly real = new BridgeAssembly(settings);
        assertTrue(real.mqttUri("tcp://127.0.0.1:1883", Path.of("s"), false).contains("&userName=meter"));
        assertEquals("s3cret-pass", real.spoolComponent().getConfiguration().getPassword());
        BridgeAssembly demo = new BridgeAssembly(settings, true);
        String uri = demo.mqttUri("tcp://127.0.0.1:1883", Path.of("s"), false);
        assertTrue(!uri.contains("userName") && !uri.contains("meter"), uri);
        assertEquals(null, demo.spoolComponent().getConfiguration().getPassword());
    }

    @Test
    void extraRouteFilesAreLoadedAfterTheShippedRoute() throws Exception {
        String pattern = new BridgeAssembly(load("routes=routes/examples/file-sink.camel.yaml,classpath:routes/p1-bridge.camel.yaml"))
                .routesPattern();
        assertEquals(List.of(P1Beans.ROUTE, "file:" + Path.of("routes/examples/file-sink.camel.yaml").toAbsolutePath(),
                "classpath:routes/p1-bridge.camel.yaml"), List.of(pattern.split(",")));
        assertEquals(P1Beans.ROUTE, new BridgeAssembly(load()).routesPattern(), "no routes: only the shipped one");
    }

    @Test
    void aMissingRouteFileIsAConfigurationErrorBeforeAnythingIsAssembled() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load("routes=routes/nope.camel.yaml"));
        assertEquals(List.of("command line --set: routes = 'routes/nope.camel.yaml' names the route file"
                + " routes/nope.camel.yaml, which does not exist"), e.problems());
    }
}
