package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.SendGroup;
import org.p1powermeter.p1.Crc16Arc;
import org.p1powermeter.p1.FramerOptions;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramFramer;
import org.p1powermeter.vscp.VscpEvent;
import org.p1powermeter.vscp.VscpJson;

/**
 * Issue 7, defect 4: two gas meters (channels 1 and 2) published on one topic and GUID, so a consumer could not tell
 * them apart. Each channel is its own sensor now, and its device type and equipment id travel in headers.
 */
class BridgeRouteTwoGasMetersTest extends BridgeRouteTestSupport {

    /** The corpus AM550 telegram's M-Bus part with a live gas meter on channel 1 too. */
    private static final String TELEGRAM = "/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(200426223325S)\r\n"
            + "0-0:96.1.1(4530303434303037333832323436303139)\r\n1-0:1.8.1(002130.115*kWh)\r\n"
            + "0-1:24.1.0(003)\r\n0-1:96.1.0(4730303339303031393336393930363138)\r\n"
            + "0-1:24.2.1(200426223001S)(01111.111*m3)\r\n"
            + "0-2:24.1.0(003)\r\n0-2:96.1.0(4730303339303031393336393930363139)\r\n"
            + "0-2:24.2.1(200426223001S)(00246.138*m3)\r\n!";

    @Override
    Set<SendGroup> sentGroups() {
        return EnumSet.of(SendGroup.MBUS);
    }

    private static RawTelegram framed() {
        String text = TELEGRAM + String.format("%04X", Crc16Arc.compute(TELEGRAM.getBytes(StandardCharsets.ISO_8859_1)));
        List<RawTelegram> out = new ArrayList<>();
        TelegramFramer framer = new TelegramFramer(FramerOptions.defaults(), out::add);
        framer.feed(text.getBytes(StandardCharsets.ISO_8859_1));
        framer.endOfInput();
        return out.get(0);
    }

    @Test
    void eachGasMeterHasItsOwnTopicGuidSensorIndexNoteAndDeviceHeaders() throws Exception {
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(2);
        template.sendBody("direct:telegrams", framed());
        mqtt.assertIsSatisfied();
        Message ch1 = mqtt.getExchanges().get(0).getMessage();
        Message ch2 = mqtt.getExchanges().get(1).getMessage();
        VscpEvent e1 = VscpJson.fromJson(ch1.getBody(String.class));
        VscpEvent e2 = VscpJson.fromJson(ch2.getBody(String.class));
        assertEquals("1111.111", e1.measurement().value().toPlainString());
        assertEquals("246.138", e2.measurement().value().toPlainString());
        assertNotEquals(topic(ch1), topic(ch2));
        assertNotEquals(e1.guid(), e2.guid());
        assertEquals(List.of(36, 86), List.of(e1.nickname(), e2.nickname()), "default ids: 36 + 50 x (channel - 1)");
        assertEquals(List.of(36, 86), List.of(e1.measurement().sensorIndex(), e2.measurement().sensorIndex()));
        assertEquals(List.of("Gas meter reading 1", "Gas meter reading 2"), List.of(e1.note(), e2.note()));
        assertEquals(List.of("gas_volume_1", "gas_volume_2"), List.of(name(ch1), name(ch2)));
        assertEquals(List.of(1, 2), List.of(ch1.getHeader(P1Constants.MBUS_CHANNEL), ch2.getHeader(P1Constants.MBUS_CHANNEL)));
        assertEquals(List.of(3, 3), List.of(ch1.getHeader(P1Constants.MBUS_DEVICE_TYPE),
                ch2.getHeader(P1Constants.MBUS_DEVICE_TYPE)));
        assertEquals(List.of("G0039001936990618", "G0039001936990619"), List.of(
                ch1.getHeader(P1Constants.MBUS_EQUIPMENT_ID), ch2.getHeader(P1Constants.MBUS_EQUIPMENT_ID)));
        assertEquals("E0044007382246019", ch1.getHeader(P1Constants.METER_ID));
        assertEquals("counter", ch1.getHeader(P1Constants.VALUE_KIND));
    }

    private static String topic(Message m) {
        return m.getHeader("CamelPahoOverrideTopic", String.class);
    }

    private static String name(Message m) {
        return m.getHeader(P1Constants.MEASUREMENT_NAME, String.class);
    }
}
