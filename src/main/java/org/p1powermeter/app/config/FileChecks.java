package org.p1powermeter.app.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks of the files settings name, done while the settings are validated (before anything starts): the TLS files
 * and the {@code [GENERAL] routes} files. Each check returns what is wrong, to follow the setting's key and value.
 */
final class FileChecks {

    private FileChecks() {
    }

    /** What is wrong with {@code text} as a readable regular file: empty when nothing is. */
    static Optional<String> readableFile(String text) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            return Optional.of("is not a file name");
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of(Files.exists(path) ? "is not a file" : "does not exist");
        }
        if (!Files.isReadable(path)) {
            return Optional.of("cannot be read (check its permissions)");
        }
        return Optional.empty();
    }

    /**
     * One entry of {@code [GENERAL] routes} as it is meant: a relative path or {@code file:} path read from
     * config.ini or application.properties is relative to that file's folder (so a service started in {@code /}
     * finds {@code routes = my-route.yaml} beside its config); from the command line or the environment it stays
     * relative to the working directory. {@code classpath:} entries and unreadable paths are returned as they are.
     */
    static String resolveRoute(String entry, SettingOrigin origin) {
        if (entry.startsWith("classpath:")) {
            return entry;
        }
        boolean prefixed = entry.startsWith("file:");
        String text = prefixed ? entry.substring("file:".length()) : entry;
        try {
            Path path = Path.of(text);
            if (path.isAbsolute() || origin.folder() == null) {
                return entry;
            }
            return (prefixed ? "file:" : "") + origin.resolve(path);
        } catch (InvalidPathException e) {
            return entry;
        }
    }

    /**
     * What is wrong with one entry of {@code [GENERAL] routes} (after {@link #resolveRoute}): a path, a
     * {@code file:} path or a {@code classpath:} resource must name a readable file; a {@code file:} or
     * {@code classpath:} pattern with wildcards ({@code file:routes/*.yaml}) is left to Camel (it may match none).
     */
    static Optional<String> routeFile(String entry) {
        if (entry.startsWith("classpath:")) {
            String resource = entry.substring("classpath:".length());
            String name = resource.startsWith("/") ? resource.substring(1) : resource;
            if (hasWildcard(name) || FileChecks.class.getClassLoader().getResource(name) != null) {
                return Optional.empty();
            }
            return Optional.of("names the route resource " + entry + ", which is not on the class path");
        }
        boolean prefixed = entry.startsWith("file:");
        String path = prefixed ? entry.substring("file:".length()) : entry;
        if (prefixed && hasWildcard(path)) {
            return Optional.empty();
        }
        return readableFile(path).map(complaint -> "names the route file " + path + ", which " + complaint);
    }

    private static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }
}
