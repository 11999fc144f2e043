package org.p1powermeter.camel.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicFiltersTest {

    @ParameterizedTest
    @CsvSource({
        "#, vscp/{xguid}/{xclass}/{xtype}, true",
        "vscp/#, vscp/{xguid}/{xclass}/{xtype}, true",
        "vscp/+/+/+, vscp/{xguid}/{xclass}/{xtype}, true",
        "vscp/+/+, vscp/{xguid}/{xclass}/{xtype}, false",
        "vscp/+/+/+/+, vscp/{xguid}/{xclass}/{xtype}, false",
        "vscp/FF:FF/1040/13, vscp/{xguid}/{xclass}/{xtype}, true",
        "vscp/FF:FF/1040/13, vscp/{xguid}/x{xclass}/{xtype}, false",
        "home/p1/x1040, home/p1/x{xclass}, true",
        "dsmr/raw, vscp/{xguid}/{xclass}/{xtype}, false",
        "dsmr/#, vscp/{xguid}/{xclass}/{xtype}, false",
        "+, Voltage L1, true",
        "Voltage L1, Voltage L1, true",
        "Voltage L2, Voltage L1, false",
        "#, $SYS/p1/{xtype}, false",
        "$SYS/#, $SYS/p1/{xtype}, true",
    })
    void overlaps(String filter, String template, boolean expected) {
        assertEquals(expected, TopicFilters.overlaps(filter, template), filter + " vs " + template);
    }

    @ParameterizedTest
    @CsvSource({"dsmr/raw,", "a/+/b,", "#,", "a/#/b, has # elsewhere than as the whole last level",
        "a/b#, has # elsewhere than as the whole last level", "a/b+/c, has + inside a level (it must be a whole level)"})
    void problems(String filter, String expected) {
        if (expected == null) {
            assertNull(TopicFilters.problem(filter));
        } else {
            assertEquals(expected, TopicFilters.problem(filter));
        }
    }
}
