package org.p1powermeter.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * docs/obis-table.md lists every OBIS object the bridge knows exactly as {@link MeasurementType} and
 * {@link TextObject} define it. When this fails, target/obis-table-expected.md holds the two tables as the code has
 * them: copy them into the doc.
 */
class ObisTableDocTest {

    private static final Path DOC = Path.of("docs/obis-table.md");

    static List<String> measurementRows() {
        List<String> rows = new ArrayList<>();
        for (MeasurementType t : MeasurementType.values()) {
            Quantity q = t.quantity();
            String obis = t.isMbus() ? "`0-n:24.2.1`, `0-n:24.2.3`, `0-n:24.3.0`; device type "
                    + IntStream.of(t.mbusMedia()).mapToObj(Integer::toString).collect(Collectors.joining(", "))
                    : "`" + t.obisText() + "`";
            String name = t.isMbus() ? "`" + t.configName() + "_n`" : "`" + t.configName() + "`";
            String index = t.isMbus() ? t.defaultIndex() + " + " + Sensor.MBUS_CHANNEL_STEP + " × (n − 1)"
                    : Integer.toString(t.defaultIndex());
            String scale = q.vscpExponent() == 0 ? "" : " (×10^" + q.vscpExponent() + ")";
            rows.add("| " + obis + " | " + name + " | " + t.defaultNote() + " | " + q.vscpType() + " / " + q.vscpUnit()
                    + (q.vscpUnitSymbol().isEmpty() ? "" : " " + q.vscpUnitSymbol()) + scale + " | "
                    + (t.meterUnit().symbol().isEmpty() ? "–" : t.meterUnit().symbol()) + " | "
                    + t.kind().name().toLowerCase(Locale.ROOT) + " | `" + t.group().flagKey() + "` | " + index + " |");
        }
        return rows;
    }

    static List<String> textRows() {
        List<String> rows = new ArrayList<>();
        for (TextObject t : TextObject.values()) {
            String obis = t.isPerChannel() ? "`0-n:" + t.obis().toString().substring(4) + "`" : "`" + t.obis() + "`";
            rows.add("| " + obis + " | `" + (t.isPerChannel() ? t.key(0).replace("mbus_0_", "mbus_n_") : t.key(0))
                    + "` | " + t.description() + " |");
        }
        return rows;
    }

    private static List<String> section(List<String> doc, String marker) {
        int start = doc.indexOf("<!-- " + marker + " -->");
        int end = doc.indexOf("<!-- /" + marker + " -->");
        return doc.subList(start + 1, end).stream().filter(l -> l.startsWith("| `")).toList();
    }

    @Test
    void theDocTablesAreTheCodeTables() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/obis-table-expected.md"), concat(measurementRows(), textRows()),
                StandardCharsets.UTF_8);
        List<String> doc = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        assertEquals(measurementRows(), section(doc, "measurements"));
        assertEquals(textRows(), section(doc, "texts"));
    }

    @Test
    void thePythonScriptsMeasurementsAreTheOnlyOnesOnByDefault() {
        assertEquals(26, java.util.Arrays.stream(MeasurementType.values()).filter(t -> t.group().isSeed()).count());
        assertEquals(IntStream.rangeClosed(1, 26).boxed().toList(), java.util.Arrays.stream(MeasurementType.values())
                .filter(MeasurementType::isSeed).map(MeasurementType::defaultIndex).toList());
    }

    @Test
    void defaultIndexesAndIdsOfAllSensorsAreDistinctBytes() {
        List<Integer> indexes = Sensor.all().stream().map(Sensor::defaultIndex).toList();
        assertEquals(indexes.size(), indexes.stream().distinct().count(), indexes.toString());
        assertEquals(true, indexes.stream().allMatch(i -> i >= 0 && i <= 255));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.add("");
        all.addAll(b);
        return all;
    }
}
