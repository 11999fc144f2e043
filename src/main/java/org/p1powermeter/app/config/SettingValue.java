package org.p1powermeter.app.config;

/** A setting's text as read, and where it was read. */
public record SettingValue(String text, SettingOrigin origin) {
}
