package org.p1powermeter.app.config;

import java.nio.file.Path;

/**
 * Where a setting's value came from; {@link #toString()} is the prefix of messages about it. {@code folder} is the
 * folder of the file it was read from (config.ini or application.properties), null for the other sources: a
 * relative path in a file is relative to that file's folder ({@link #resolve}).
 */
public record SettingOrigin(Kind kind, String where, Path folder) {

    /** The sources, lowest precedence first. */
    public enum Kind {
        DEFAULT,
        PROPERTIES,
        INI,
        ENVIRONMENT,
        COMMAND_LINE
    }

    public static final SettingOrigin DEFAULT = new SettingOrigin(Kind.DEFAULT, "default");

    /** An origin that is not a file. */
    public SettingOrigin(Kind kind, String where) {
        this(kind, where, null);
    }

    public static SettingOrigin file(Kind kind, String fileName, int line) {
        return new SettingOrigin(kind, fileName + ":" + line);
    }

    /** This origin, read from a file in {@code folder}. */
    public SettingOrigin in(Path folder) {
        return new SettingOrigin(kind, where, folder);
    }

    /**
     * {@code path} as the setting means it: a relative path read from a file is taken relative to the file's folder;
     * an absolute path, and one given on the command line, in the environment or by default, is left as it is (the
     * working directory's).
     */
    public Path resolve(Path path) {
        return folder == null || path.isAbsolute() ? path : folder.resolve(path);
    }

    public static SettingOrigin environment(String variable) {
        return new SettingOrigin(Kind.ENVIRONMENT, "environment " + variable);
    }

    public static SettingOrigin commandLine(String option) {
        return new SettingOrigin(Kind.COMMAND_LINE, "command line " + option);
    }

    @Override
    public String toString() {
        return where;
    }
}
