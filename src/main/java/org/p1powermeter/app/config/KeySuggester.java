package org.p1powermeter.app.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key closest to a misspelt one (Levenshtein distance), for "did you mean …?" warnings. */
public final class KeySuggester {
    private KeySuggester() {
    }

    /**
     * The candidate closest to {@code unknown}, compared case-insensitively, if it is close enough to be a typo:
     * at most 3 edits, and fewer than half the length of the unknown key.
     */
    public static Optional<String> closest(String unknown, Collection<String> candidates) {
        String wanted = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(3, (wanted.length() - 1) / 2);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The Levenshtein edit distance (insertions, deletions, substitutions). */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
