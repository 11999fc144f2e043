package org.p1powermeter.app.config;

import java.util.List;

/**
 * The configuration (or command line) is wrong. {@link #problems()} holds one line per problem, each naming the key,
 * the value and where it was read; {@link #getMessage()} joins them. The app exits with code 2.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The exit code the app uses for a configuration or usage error. */
    public static final int EXIT_CODE = 2;

    private final List<String> problems;

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), requireSome(problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static List<String> requireSome(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems;
    }
}
