package org.p1powermeter.app.config;

/** Where a setting's value came from; {@link #toString()} is the prefix of messages about it. */
public record SettingOrigin(Kind kind, String where) {

    /** The sources, lowest precedence first. */
    public enum Kind {
        DEFAULT,
        PROPERTIES,
        INI,
        ENVIRONMENT,
        COMMAND_LINE
    }

    public static final SettingOrigin DEFAULT = new SettingOrigin(Kind.DEFAULT, "default");

    public static SettingOrigin file(Kind kind, String fileName, int line) {
        return new SettingOrigin(kind, fileName + ":" + line);
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
