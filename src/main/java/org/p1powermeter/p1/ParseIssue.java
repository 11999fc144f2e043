package org.p1powermeter.p1;

/**
 * A line the parser skipped, with the reason. The rest of the telegram is kept.
 *
 * @param lineNumber 1-based line number inside the telegram
 * @param line       the line text (shortened to 120 characters)
 * @param reason     what was wrong with it
 */
public record ParseIssue(int lineNumber, String line, String reason) {
}
