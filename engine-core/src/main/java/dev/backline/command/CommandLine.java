package dev.backline.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits what a player typed into a verb and arguments. A leading symbol such as {@code '} or
 * {@code "} is its own verb ({@code 'hello} means {@code ' hello}), as in most text games.
 */
public record CommandLine(String verb, String args, List<String> argv) {
    public static final int MAX_LENGTH = 1000;

    /** @throws IllegalArgumentException if the line is empty or too long */
    public static CommandLine parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the command is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the command is longer than " + MAX_LENGTH + " characters");
        }
        String line = text.strip();
        int verbEnd = verbEnd(line);
        String rest = line.substring(verbEnd).strip();
        List<String> argv = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        return new CommandLine(line.substring(0, verbEnd).toLowerCase(Locale.ROOT), rest, argv);
    }

    /** The verb {@link #parse} would find in {@code text}, or "" for a blank line; never throws. */
    public static String verbOf(String text) {
        String line = text == null ? "" : text.strip();
        return line.substring(0, verbEnd(line)).toLowerCase(Locale.ROOT);
    }

    // A leading symbol is the verb on its own; otherwise the verb runs to the first white space.
    private static int verbEnd(String line) {
        if (line.isEmpty()) {
            return 0;
        }
        if (!Character.isLetterOrDigit(line.charAt(0))) {
            return 1;
        }
        int space = indexOfWhitespace(line);
        return space < 0 ? line.length() : space;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
