package org.p1powermeter.camel.source;

import java.util.regex.Pattern;

/** MQTT topic filters (MQTT 3.1.1 §4.7): checking one, and whether one can match a topic a template may produce. */
public final class TopicFilters {

    private TopicFilters() {
    }

    /** Null when {@code filter} is a valid topic filter, else what is wrong with it. */
    public static String problem(String filter) {
        if (filter.isEmpty()) {
            return "is empty";
        }
        if (filter.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "has # elsewhere than as the whole last level";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "has + inside a level (it must be a whole level)";
            }
        }
        return null;
    }

    /**
     * True when some topic matches both {@code filter} and {@code template}, where each {@code {placeholder}} of the
     * template stands for any text without {@code /} (a GUID, a class or type number).
     */
    public static boolean overlaps(String filter, String template) {
        String[] f = filter.split("/", -1);
        String[] t = template.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return !(i == 0 && t[0].startsWith("$")); // a filter starting with # or + matches no $ topic
            }
            if (i >= t.length) {
                return false;
            }
            if (f[i].equals("+")) {
                if (i == 0 && t[0].startsWith("$")) {
                    return false;
                }
                continue;
            }
            if (!levelPattern(t[i]).matcher(f[i]).matches()) {
                return false;
            }
        }
        return f.length == t.length;
    }

    private static Pattern levelPattern(String templateLevel) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < templateLevel.length()) {
            int open = templateLevel.indexOf('{', at);
            int close = open < 0 ? -1 : templateLevel.indexOf('}', open);
            if (close < 0) {
                regex.append(Pattern.quote(templateLevel.substring(at)));
                break;
            }
            regex.append(Pattern.quote(templateLevel.substring(at, open))).append("[^/]*");
            at = close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
