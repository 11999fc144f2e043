package org.p1powermeter.app.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one source at a time into {@link RawSettings}. Unknown keys in files and the environment are warnings
 * naming the closest valid key (their value is not applied); an unknown {@code --set} key is an error.
 */
final class SourceReader {
    private final RawSettings raw;
    private final List<String> problems;
    private final List<String> warnings;

    SourceReader(RawSettings raw, List<String> problems, List<String> warnings) {
        this.raw = raw;
        this.problems = problems;
        this.warnings = warnings;
    }

    void readIni(Path file) {
        IniFile ini;
        try {
            ini = IniFile.read(file);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return;
        }
        warnings.addAll(ini.warnings());
        Set<String> unknownSections = new LinkedHashSet<>();
        SettingKey secret = null;
        Path folder = folderOf(file);
        for (IniFile.Entry entry : ini.entries()) {
            String where = ini.fileName() + ":" + entry.line();
            Optional<Section> section = Section.byName(entry.section());
            if (section.isEmpty()) {
                if (unknownSections.add(entry.section())) {
                    warnings.add(where + ": unknown section " + (IniFile.isOneWord(entry.section())
                            ? "[" + entry.section() + "]" : "(a name of more than one word, not shown)")
                            + ", its keys are ignored" + suggestion(entry.section(), sectionNames(), "[", "]"));
                }
                continue;
            }
            Optional<SettingKey> key = SettingCatalog.find(section.get(), entry.key());
            if (key.isPresent()) {
                raw.put(key.get(), entry.value(), ini.originOf(entry).in(folder));
                secret = secret == null && key.get().isSecret() && !entry.value().isEmpty() ? key.get() : secret;
                continue;
            }
            Optional<SettingKey> elsewhere = SettingCatalog.byName(entry.key());
            if (elsewhere.isPresent()) {
                warnings.add(where + ": " + entry.key() + " belongs in [" + elsewhere.get().section().iniName()
                        + "], not [" + section.get().iniName() + "]; it is ignored");
            } else {
                warnings.add(where + ": unknown key " + entry.key() + " in [" + section.get().iniName()
                        + "] is ignored" + suggestion(entry.key(), SettingCatalog.names(section.get()), "", ""));
            }
        }
        if (secret != null) {
            FilePermissionCheck.secretFileWarning(file, secret).ifPresent(warnings::add);
        }
    }

    void readProperties(Path file) {
        String text;
        Properties properties = new Properties();
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            try (Reader reader = new StringReader(text)) {
                properties.load(reader);
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add("cannot read properties file " + file + ": " + e.getMessage());
            return;
        }
        List<String> propertyKeys = new ArrayList<>();
        SettingCatalog.all().forEach(key -> propertyKeys.add(key.propertyKey()));
        SettingKey secret = null;
        for (String name : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("p1.")) {
                continue; // other frameworks' keys (camel.*, logging …) may share the file
            }
            String where = file + ":" + lineOf(text, name);
            Optional<SettingKey> key = SettingCatalog.all().stream()
                    .filter(candidate -> candidate.propertyKey().equals(lower)).findFirst();
            if (key.isEmpty()) {
                warnings.add(where + ": unknown key " + name + " is ignored" + suggestion(lower, propertyKeys, "", ""));
                continue;
            }
            String value = properties.getProperty(name);
            raw.put(key.get(), value, new SettingOrigin(SettingOrigin.Kind.PROPERTIES, where, folderOf(file)));
            secret = secret == null && key.get().isSecret() && !value.isEmpty() ? key.get() : secret;
        }
        if (secret != null) {
            FilePermissionCheck.secretFileWarning(file, secret).ifPresent(warnings::add);
        }
    }

    /** The folder relative paths in {@code file} are relative to. */
    private static Path folderOf(Path file) {
        return file.toAbsolutePath().normalize().getParent();
    }

    void readEnvironment(Map<String, String> environment) {
        List<String> variables = new ArrayList<>();
        SettingCatalog.all().forEach(key -> variables.add(key.environmentVariable()));
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            Optional<Section> section = sectionOfVariable(name);
            if (section.isEmpty()) {
                continue;
            }
            String keyName = name.substring(section.get().environmentPrefix().length()).toLowerCase(Locale.ROOT);
            Optional<SettingKey> key = SettingCatalog.find(section.get(), keyName);
            if (key.isPresent()) {
                raw.put(key.get(), variable.getValue(), SettingOrigin.environment(name));
            } else {
                warnings.add("environment " + name + ": unknown setting is ignored" + suggestion(name, variables, "", ""));
            }
        }
    }

    /**
     * A {@code key=value} from the command line. Messages name the key only, never the value (it may be the
     * password), and not even the key when it is not one word ({@code --set "password hunter2=x"}).
     */
    void readCommandLine(String assignment, String option) {
        int equals = assignment.indexOf('=');
        String keyText = equals <= 0 ? "" : assignment.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        if (!IniFile.isOneWord(keyText)) {
            problems.add("command line " + option + ": expected key=value with a one-word key"
                    + " (the text given is not shown, it may hold a secret)");
            return;
        }
        Optional<SettingKey> key = commandLineKey(keyText);
        if (key.isEmpty()) {
            List<String> names = new ArrayList<>();
            SettingCatalog.all().forEach(candidate -> names.add(candidate.name()));
            String bare = keyText.substring(keyText.lastIndexOf('.') + 1);
            problems.add("command line " + option + " " + keyText + "=...: unknown key " + keyText
                    + " (the value is not shown)" + suggestion(bare, names, "", ""));
            return;
        }
        raw.put(key.get(), assignment.substring(equals + 1), SettingOrigin.commandLine(option));
    }

    private static Optional<SettingKey> commandLineKey(String keyText) {
        String text = keyText.startsWith("p1.") ? keyText.substring(3) : keyText;
        int dot = text.indexOf('.');
        if (dot < 0) {
            return SettingCatalog.byName(text);
        }
        Optional<Section> section = Section.byName(text.substring(0, dot));
        return section.flatMap(found -> SettingCatalog.find(found, text.substring(dot + 1)));
    }

    private static Optional<Section> sectionOfVariable(String name) {
        for (Section section : Section.values()) {
            if (name.startsWith(section.environmentPrefix())) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    private static List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        for (Section section : Section.values()) {
            names.add(section.iniName());
        }
        return names;
    }

    private static String suggestion(String unknown, List<String> candidates, String before, String after) {
        return KeySuggester.closest(unknown, candidates)
                .map(best -> "; did you mean " + before + best + after + "?")
                .orElse("");
    }

    /** The line of the last definition of {@code key} in a properties text (0 if not found, e.g. escaped). */
    private static int lineOf(String text, String key) {
        Pattern definition = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*(?:[=:\\s].*)?$");
        String[] lines = text.split("\r\n|\r|\n", -1);
        int found = 0;
        for (int i = 0; i < lines.length; i++) {
            if (definition.matcher(lines[i]).matches()) {
                found = i + 1;
            }
        }
        return found;
    }
}
