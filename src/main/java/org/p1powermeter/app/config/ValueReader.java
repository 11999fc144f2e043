package org.p1powermeter.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from {@link RawSettings}. A bad value adds one problem line naming origin, key and value
 * ({@code config.ini:112: port = '70000' is not …}) and yields a fallback, so every problem is reported at once.
 */
final class ValueReader {
    private static final List<String> TRUE_WORDS = List.of("true", "yes", "on", "1");
    private static final List<String> FALSE_WORDS = List.of("false", "no", "off", "0");
    /** A boolean word followed by stray punctuation, like the sample's {@code one_shot = false:}. */
    private static final Pattern WORD_WITH_JUNK = Pattern.compile("([A-Za-z0-9]+)\\s*([^A-Za-z0-9\\s]+)");

    private final RawSettings raw;
    private final List<String> problems;
    private final List<String> warnings;

    ValueReader(RawSettings raw, List<String> problems, List<String> warnings) {
        this.raw = raw;
        this.problems = problems;
        this.warnings = warnings;
    }

    SettingValue value(String name) {
        return raw.get(name);
    }

    String text(String name) {
        return raw.get(name).text().strip();
    }

    /** Adds a problem: {@code <origin>: <name> = '<value>' <complaint>} (a secret's value as {@value RawSettings#MASK}). */
    void problem(String name, String complaint) {
        problems.add(describe(name) + " " + complaint);
    }

    void warning(String name, String complaint) {
        warnings.add(describe(name) + " " + complaint);
    }

    private String describe(String name) {
        SettingValue value = raw.get(name);
        String shown = SettingCatalog.key(name).isSecret() ? RawSettings.MASK : printable(value.text());
        return value.origin() + ": " + name + " = '" + shown + "'";
    }

    /** true/false, yes/no, on/off, 1/0 in any case; a trailing junk character is tolerated with a warning. */
    boolean bool(String name) {
        String text = text(name);
        Optional<Boolean> exact = booleanWord(text);
        if (exact.isPresent()) {
            return exact.get();
        }
        Matcher junk = WORD_WITH_JUNK.matcher(text);
        if (junk.matches()) {
            Optional<Boolean> word = booleanWord(junk.group(1));
            if (word.isPresent()) {
                warning(name, "is read as " + word.get() + " (ignoring the trailing '" + junk.group(2) + "')");
                return word.get();
            }
        }
        problem(name, "is not a boolean (use true/false, yes/no, on/off or 1/0)");
        return Boolean.parseBoolean(SettingCatalog.key(name).defaultText());
    }

    /** An integer in {@code min..max}. */
    int intInRange(String name, int min, int max, String what) {
        String text = text(name);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, "is not " + what + " (an integer " + min + "-" + max + ")");
        return Integer.parseInt(SettingCatalog.key(name).defaultText());
    }

    /** One of an enum's constants, written in any case; {@code spell} gives each constant's config spelling. */
    <E extends Enum<E>> E choice(String name, Class<E> type, java.util.function.Function<E, String> spell) {
        String text = text(name).toLowerCase(Locale.ROOT);
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            String spelling = spell.apply(constant);
            if (spelling.equals(text)) {
                return constant;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(spelling);
        }
        problem(name, "is not one of " + allowed);
        String fallback = SettingCatalog.key(name).defaultText();
        for (E constant : type.getEnumConstants()) {
            if (spell.apply(constant).equals(fallback)) {
                return constant;
            }
        }
        return type.getEnumConstants()[0];
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        return choice(name, type, constant -> constant.name().toLowerCase(Locale.ROOT));
    }

    /** Text that becomes (part of) an MQTT topic: no wildcards, no NUL. */
    String topicText(String name, boolean mayBeEmpty) {
        String text = raw.get(name).text();
        if (text.indexOf('+') >= 0 || text.indexOf('#') >= 0 || text.indexOf('\0') >= 0) {
            problem(name, "must not contain the MQTT wildcards '+' or '#' or a NUL character");
        } else if (!mayBeEmpty && text.isBlank()) {
            problem(name, "must not be empty");
        }
        return text;
    }

    private static Optional<Boolean> booleanWord(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return Optional.of(Boolean.TRUE);
        }
        if (FALSE_WORDS.contains(word)) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        return text.replace("\0", "\\0");
    }
}
