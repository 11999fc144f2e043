package org.p1powermeter.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IniFileTest {

    @Test
    void readsSectionsKeysAndLineNumbersIgnoringCommentsAndBlankLines() throws Exception {
        IniFile ini = IniFile.parse("my.ini", "# comment\n; other comment\n\n[General]\nOne_Shot = true \nno_vscp=false\n"
                + "[mqtt]\n  host :  broker.local\nurl=ssl://broker:8883\n");
        assertEquals(List.of(new IniFile.Entry("GENERAL", "one_shot", "true", 5),
                new IniFile.Entry("GENERAL", "no_vscp", "false", 6),
                new IniFile.Entry("MQTT", "host", "broker.local", 8),
                new IniFile.Entry("MQTT", "url", "ssl://broker:8883", 9)), ini.entries());
        assertEquals(Optional.of("broker.local"), ini.get("Mqtt", "HOST").map(IniFile.Entry::value));
        assertEquals("my.ini:8", ini.originOf(ini.get("MQTT", "host").orElseThrow()).toString());
        assertTrue(ini.warnings().isEmpty());
    }

    @Test
    void stripsMatchingQuotesAndWarnsAboutEmptyQuotedValues() throws Exception {
        IniFile ini = IniFile.parse("q.ini", "[VSCP]\nguid=''\nnote=\"Voltage L1\"\nodd='half\nempty=\"\"\n");
        assertEquals("", ini.get("VSCP", "guid").orElseThrow().value());
        assertEquals("Voltage L1", ini.get("VSCP", "note").orElseThrow().value());
        assertEquals("'half", ini.get("VSCP", "odd").orElseThrow().value());
        assertEquals(List.of("q.ini:2: guid = '' is read as empty (write 'guid=' for an empty value)",
                "q.ini:5: empty = \"\" is read as empty (write 'empty=' for an empty value)"), ini.warnings());
    }

    @Test
    void keepsHashAndSemicolonInsideValues() throws Exception {
        IniFile ini = IniFile.parse("p.ini", "[MQTT]\npassword=a#b;c\n");
        assertEquals("a#b;c", ini.get("MQTT", "password").orElseThrow().value());
    }

    @Test
    void handlesWindowsLineEndsAndAByteOrderMark() throws Exception {
        IniFile ini = IniFile.parse("w.ini", "\uFEFF[SERIAL]\r\nserial_port=COM3\r\nserial_baudrate=9600\r\n");
        assertEquals(new IniFile.Entry("SERIAL", "serial_baudrate", "9600", 3), ini.entries().get(1));
    }

    @Test
    void warnsWhenAKeyIsSetTwiceAndTheLaterOneWins() throws Exception {
        IniFile ini = IniFile.parse("d.ini", "[MQTT]\nport=1\nport=2\n");
        assertEquals("2", ini.get("MQTT", "port").orElseThrow().value());
        assertEquals(List.of("d.ini:3: port is set again in [MQTT] (line 2 is ignored, this line wins)"), ini.warnings());
    }

    @Test
    void reportsEveryMalformedLineWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> IniFile.parse("bad.ini", "host=x\n[MQTT\n[MQTT]\njust words\n=value\n"));
        String notShown = "; the line is not shown, it may hold a secret";
        assertEquals(List.of("bad.ini:1: key host comes before the first [SECTION] header",
                "bad.ini:2: malformed section header (expected [NAME] alone on the line)" + notShown,
                "bad.ini:4: expected 'key = value', a [SECTION] header or a comment (# or ;)" + notShown,
                "bad.ini:5: expected 'key = value', a [SECTION] header or a comment (# or ;)" + notShown), e.problems());
    }

    @Test
    void aKeyOfMoreThanOneWordIsIgnoredWithAWarningThatDoesNotShowIt() throws Exception {
        IniFile ini = IniFile.parse("w.ini", "[MQTT]\npassword hunter3: x\nhost=h\n");
        assertEquals(List.of(new IniFile.Entry("MQTT", "host", "h", 3)), ini.entries());
        assertEquals(List.of("w.ini:2: a key of more than one word is ignored (keys are one word, e.g. password)"
                + "; the line is not shown, it may hold a secret"), ini.warnings());
    }
}
