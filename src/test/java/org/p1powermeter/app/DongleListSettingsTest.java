package org.p1powermeter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.p1powermeter.app.config.BridgeSettings;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.SettingsLoader;

/** {@code serial_port} as a list of network dongles: one {@code p1tcp:} source each, in ingest mode only. */
class DongleListSettingsTest {

    private static BridgeSettings load(String... assignments) throws Exception {
        SettingsLoader loader = new SettingsLoader();
        for (String a : assignments) {
            loader.commandLineSetting(a, "--set");
        }
        return loader.load();
    }

    @Test
    void anIngestInstanceReadsEveryDongleOfTheList() throws Exception {
        BridgeAssembly assembly = new BridgeAssembly(load("mode=ingest",
                "serial_port=tcp://10.0.0.5:6638, socket://dongle-2.local:23 ,tcp://[fd00::5]:82/", "crc=required"));
        assertEquals(List.of("p1tcp:10.0.0.5:6638?telegramTimeout=20&crcPolicy=REQUIRED",
                "p1tcp:dongle-2.local:23?telegramTimeout=20&crcPolicy=REQUIRED",
                "p1tcp:[fd00::5]:82?telegramTimeout=20&crcPolicy=REQUIRED"), assembly.tcpUris());
        assertEquals(assembly.tcpUris().get(0), assembly.serialUri(), "the first dongle is the source's own URI");
    }

    @Test
    void oneDongleAndASerialPortStayAsTheyWere() throws Exception {
        assertEquals(List.of("p1tcp:10.0.0.5:6638?telegramTimeout=20&crcPolicy=AUTO"),
                new BridgeAssembly(load("serial_port=tcp://10.0.0.5:6638")).tcpUris());
        assertEquals(List.of(), new BridgeAssembly(load("serial_port=/dev/ttyUSB0")).tcpUris());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "standalone|lists 2 network dongles: more than one is read only in [GENERAL] mode = ingest (into Kafka, keyed"
                + " by meter), not in mode = standalone; name one dongle, or run one bridge per meter",
        "bridge|lists 2 network dongles: more than one is read only in [GENERAL] mode = ingest (into Kafka, keyed"
                + " by meter), not in mode = bridge; name one dongle, or run one bridge per meter",
    })
    void aListIsRefusedOutsideIngestMode(String mode, String expected) {
        String port = "tcp://10.0.0.5:6638,tcp://10.0.0.6:6638";
        ConfigException e = assertThrows(ConfigException.class, () -> load("mode=" + mode, "serial_port=" + port));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("serial_port = '" + port + "' " + expected), e.getMessage());
    }

    @Test
    void aListBesideAnMqttInputIsRefused() {
        String port = "tcp://10.0.0.5:6638,tcp://10.0.0.6:6638";
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("mode=ingest", "serial_port=" + port, "input_topic=dsmr/raw"));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("serial_port = '" + port + "' lists 2 network dongles, but [MQTT] input_topic ="
                + " dsmr/raw is set, which replaces serial_port as the source: run one ingest instance for the dongles"
                + " and one for the topic"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp://10.0.0.5:6638,/dev/ttyUSB0|lists '/dev/ttyUSB0', which is not a network dongle: a list (separated by ',')"
                + " takes only tcp://HOST:PORT or socket://HOST:PORT, one serial port is given alone",
        "tcp://10.0.0.5:6638,tcp://dongle|is not a TCP address: 'dongle' is not HOST:PORT (e.g. 192.168.1.40:6638);"
                + " write tcp://HOST:PORT or socket://HOST:PORT",
        "tcp://10.0.0.5:6638,socket://10.0.0.5:6638/|names the dongle 10.0.0.5:6638 twice",
    })
    void aBadListIsAConfigurationProblemEvenInIngestMode(String port, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> load("mode=ingest", "serial_port=" + port));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("serial_port = '" + port + "' " + expected), e.getMessage());
    }
}
