package org.p1powermeter.p1;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.p1powermeter.measure.Extraction;
import org.p1powermeter.measure.Layout;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.measure.MeasurementType;

/**
 * Issue 7, "every data object as a measurement": every object of every corpus telegram is known (a measurement or a
 * text object), and every number dsmr_parser's own tests expect (manifest.json) is published with that value in the
 * unit of its row: real telegrams of Dutch, Belgian, Austrian, German, Hungarian meters, DSMR 2.2 to 5.
 */
class MeasurementCorpusTest {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.p1powermeter.p1.ParserCorpusTest#filesWithExpectedValues")
    void everyObjectIsKnownAndEveryExpectedNumberIsPublishedAsSent(JsonNode file) {
        String name = file.get("file").asText();
        Telegram telegram = new TelegramParser(ParserCorpusTest.zoneFor(name)).parse(TestTelegrams.corpus(name));
        Extraction x = new MeasurementExtractor(ParserCorpusTest.zoneFor(name)).extract(telegram);
        List<Executable> checks = new ArrayList<>();
        Set<String> unknown = x.unknown().stream().map(ObisId::toString).collect(Collectors.toSet());
        checks.add(() -> assertEquals(Set.of(), unknown, "objects in neither table"));
        for (JsonNode expected : file.get("expected")) {
            String obis = expected.get("obis").asText();
            String value = expected.get("value").isNull() ? null : expected.get("value").asText();
            if (value == null || !NUMBER.matcher(value).matches() || !obis.matches("\\d+-\\d+:[\\d.]+")) {
                continue;
            }
            ObisId id = ObisId.parse(obis);
            List<Measurement> published = x.measurements().stream()
                    .filter(m -> m.obis().equals(id) && m.type().layout() == Layout.VALUE).toList();
            if (published.isEmpty() && (isNotAMeasurement(id) || x.skipped().stream().anyMatch(k -> k.obis().equals(id)
                    && k.reason() == org.p1powermeter.measure.SkipReason.DEAD_MBUS_CHANNEL))) {
                continue; // a dead M-Bus channel (placeholder time, no unit) is skipped on purpose
            }
            String unit = expected.get("unit").isNull() ? null : expected.get("unit").asText();
            checks.add(() -> {
                assertEquals(1, published.size(), obis + " is published once: " + x.skipped());
                Measurement m = published.get(0);
                int exponent = m.type().meterUnit().exponentFrom(unit);
                BigDecimal inRowUnit = new BigDecimal(value).movePointRight(exponent);
                assertEquals(0, inRowUnit.compareTo(m.meterValue()), obis + ": " + value + " " + unit + " is "
                        + m.meterValuePlain() + " " + m.type().meterUnit().symbol());
            });
        }
        assertAll(name, checks);
        assertTrue(x.measurements().size() > 0, name);
    }

    /** Text objects (ids, device types, tariff code as text) that dsmr_parser reads as numbers. */
    private static boolean isNotAMeasurement(ObisId id) {
        return org.p1powermeter.measure.TextObject.of(id) != null && !isRow(id);
    }

    private static boolean isRow(ObisId id) {
        for (MeasurementType t : MeasurementType.values()) {
            if (t.obis().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
