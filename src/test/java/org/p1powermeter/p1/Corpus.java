package org.p1powermeter.p1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The dsmr_parser telegram corpus in src/test/resources/corpus/dsmr_parser and its manifest.json. */
final class Corpus {

    static final String ROOT = "/corpus/dsmr_parser/";
    private static JsonNode manifest;

    private Corpus() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized JsonNode manifest() {
        if (manifest == null) {
            try {
                manifest = new ObjectMapper().readTree(bytes("manifest.json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return manifest;
    }

    static JsonNode entry(String file) {
        for (JsonNode e : manifest()) {
            if (e.get("file").asText().equals(file)) {
                return e;
            }
        }
        throw new IllegalArgumentException("not in manifest: " + file);
    }

    /** The literal telegram files (top level, .txt). */
    static List<String> telegramFiles() {
        List<String> files = new ArrayList<>();
        for (JsonNode e : manifest()) {
            String f = e.get("file").asText();
            if (!f.contains("/") && f.endsWith(".txt")) {
                files.add(f);
            }
        }
        return files;
    }

    static List<String> derivedFiles(String suffix) {
        List<String> files = new ArrayList<>();
        for (JsonNode e : manifest()) {
            String f = e.get("file").asText();
            if (f.startsWith("derived/") && f.endsWith(suffix)) {
                files.add(f);
            }
        }
        return files;
    }

    /** "B9F" → 0xB9F, "" → {@link RawTelegram#NO_CRC}. */
    static int crcValue(String hex) {
        return hex.isEmpty() ? RawTelegram.NO_CRC : Integer.parseInt(hex, 16);
    }

    /** The inclusive end of manifest crc.covered_bytes ("0..886 inclusive (887 bytes)" → 886). */
    static int coveredEnd(JsonNode entry) {
        String covered = entry.get("crc").get("covered_bytes").asText();
        return Integer.parseInt(covered.substring(covered.indexOf("..") + 2, covered.indexOf(' ')));
    }

    /** Each literal corpus telegram, exactly as the framer emits it on its own (noise around it removed). */
    static List<byte[]> telegrams() {
        List<byte[]> out = new ArrayList<>();
        for (String f : telegramFiles()) {
            RecordingListener rec = frame(FramerOptions.defaults(), bytes(f));
            out.add(rec.telegrams().get(0).bytes());
        }
        return out;
    }

    static RecordingListener frame(FramerOptions options, byte[] stream) {
        return frame(options, framer -> framer.feed(stream, 0, stream.length));
    }

    static RecordingListener frame(FramerOptions options, Consumer<TelegramFramer> feeding) {
        RecordingListener rec = new RecordingListener();
        TelegramFramer framer = new TelegramFramer(options, rec);
        feeding.accept(framer);
        framer.endOfInput();
        return rec;
    }
}
