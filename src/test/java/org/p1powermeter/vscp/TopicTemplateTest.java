package org.p1powermeter.vscp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTemplateTest {

    private static final VscpEvent VOLTAGE = new VscpEvent(0x8060, 0, Instant.parse("2026-11-25T08:24:19Z"), 0, 1040, 16,
            Guid.parse("FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:01:15"), new byte[] {21, 3, 4, 0, '1', 0}, "Voltage L1",
            new VscpEvent.Measurement(BigDecimal.ONE, 0, 21, 3, 4));
    private static final String G = "FF:FF:FF:FF:FF:FF:FF:FE:B8:27:EB:8B:57:15:01:15";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "vscp/{xguid}/{xclass}/{xtype}                                  | vscp/" + G + "/1040/16",
            "vscp/{guid}/{class}/{type}                                     | vscp/" + G + "/1040/16",
            "vscp/{guid}/{class}/{type}/{nickname}/{sensorindex}/{zone}/{subzone} | vscp/" + G + "/1040/16/277/21/3/4",
            "vscp/{{guid}}/{{class}}/{{type}}/{{nickname}}/{{sensor-index}} | vscp/" + G + "/1040/16/277/21",
            "home/meter/{xtype}-{sensorindex}                               | home/meter/16-21",
            "plain/topic                                                    | plain/topic",
    })
    void rendersPlaceholdersInDecimal(String template, String expected) {
        assertEquals(expected, TopicTemplate.parse(template).render(VOLTAGE));
    }

    @Test
    void pythonDefaultIsTheSeedTopic() {
        assertEquals("vscp/" + G + "/1040/16", TopicTemplate.parse(TopicTemplate.PYTHON_DEFAULT).render(VOLTAGE));
        assertEquals(TopicTemplate.PYTHON_DEFAULT, TopicTemplate.parse(TopicTemplate.PYTHON_DEFAULT).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vscp/+/{class}", "vscp/#", "vscp/\0/x", "vscp/{colour}", "vscp/{guid", "vscp/guid}",
            "vscp/{}", ""})
    void rejectsWildcardsNulUnknownPlaceholdersAndBadBraces(String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicTemplate.parse(template));
        assertTrue(e.getMessage().contains("topic template"), e.getMessage());
    }

    @Test
    void rejectionNamesTheUnknownPlaceholder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicTemplate.parse("vscp/{xguid}/{colour}"));
        assertTrue(e.getMessage().contains("{colour}"), e.getMessage());
    }
}
