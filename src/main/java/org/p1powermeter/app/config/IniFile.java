package org.p1powermeter.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small reader for the Python script's config.ini: {@code [SECTION]} headers, {@code key = value},
 * {@code key=value} or {@code key: value} lines (split at the first {@code =} or {@code :}), whole-line comments
 * starting with {@code #} or {@code ;}, and blank lines. Section and key names are case-insensitive (keys are kept
 * in lower case). A value in matching quotes loses them; an empty quoted value ({@code guid=''}) is read as empty
 * with a warning. There are no inline comments, so a password may contain {@code #}. Every entry remembers its line.
 * Messages name file:line and what was expected, never the text of a line that does not parse.
 */
public final class IniFile {

    /** Lines that do not parse are never shown: a misspelled {@code password hunter2} would print the password. */
    private static final String NOT_SHOWN = "; the line is not shown, it may hold a secret";

    /** One {@code key = value} line. {@code section} is upper case, {@code key} lower case. */
    public record Entry(String section, String key, String value, int line) {
    }

    private final String fileName;
    private final List<Entry> entries;
    private final List<String> warnings;

    private IniFile(String fileName, List<Entry> entries, List<String> warnings) {
        this.fileName = fileName;
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
    }

    /** Reads a file (UTF-8, a BOM is skipped). A file that cannot be read or parsed is a {@link ConfigException}. */
    public static IniFile read(Path path) throws ConfigException {
        String text;
        try {
            text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        return parse(path.toString(), text);
    }

    /** Parses text; {@code fileName} is only used in messages. */
    public static IniFile parse(String fileName, String text) throws ConfigException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String section = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String where = fileName + ":" + lineNumber;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    problems.add(where + ": malformed section header (expected [NAME] alone on the line)" + NOT_SHOWN);
                } else {
                    section = line.substring(1, line.length() - 1).strip().toUpperCase(Locale.ROOT);
                }
                continue;
            }
            int split = firstDelimiter(line);
            if (split <= 0) {
                problems.add(where + ": expected 'key = value', a [SECTION] header or a comment (# or ;)" + NOT_SHOWN);
                continue;
            }
            String key = line.substring(0, split).strip().toLowerCase(Locale.ROOT);
            if (section == null) {
                problems.add(where + ": " + (isOneWord(key) ? "key " + key : "a 'key = value' line")
                        + " comes before the first [SECTION] header");
                continue;
            }
            if (!isOneWord(key)) {
                warnings.add(where + ": a key of more than one word is ignored (keys are one word, e.g. password)"
                        + NOT_SHOWN);
                continue;
            }
            String value = unquote(line.substring(split + 1).strip(), key, where, warnings);
            Integer earlier = seen.put(section + "/" + key, lineNumber);
            if (earlier != null) {
                warnings.add(where + ": " + key + " is set again in [" + section + "] (line " + earlier
                        + " is ignored, this line wins)");
            }
            entries.add(new Entry(section, key, value, lineNumber));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new IniFile(fileName, entries, warnings);
    }

    public String fileName() {
        return fileName;
    }

    /** Every entry in file order (a key set twice appears twice; the later one wins). */
    public List<Entry> entries() {
        return entries;
    }

    /** Warnings found while reading, each starting with {@code file:line:}. */
    public List<String> warnings() {
        return warnings;
    }

    /** The last entry of {@code key} in {@code section} (both case-insensitive). */
    public Optional<Entry> get(String section, String key) {
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.section().equalsIgnoreCase(section) && entry.key().equalsIgnoreCase(key)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The origin of an entry, e.g. {@code config.ini:24}. */
    public SettingOrigin originOf(Entry entry) {
        return SettingOrigin.file(SettingOrigin.Kind.INI, fileName, entry.line());
    }

    /** True for a key that can be named in a message: one word, so it holds no part of a value. */
    static boolean isOneWord(String key) {
        return !key.isEmpty() && key.chars().noneMatch(Character::isWhitespace);
    }

    private static int firstDelimiter(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private static String unquote(String value, String key, String where, List<String> warnings) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '\'' || first == '"') && value.charAt(value.length() - 1) == first) {
                String inner = value.substring(1, value.length() - 1);
                if (inner.isEmpty()) {
                    warnings.add(where + ": " + key + " = " + value + " is read as empty (write '" + key
                            + "=' for an empty value)");
                }
                return inner;
            }
        }
        return value;
    }
}
