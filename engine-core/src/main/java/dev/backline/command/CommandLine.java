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
        String verb;
        String rest;
        char first = line.charAt(0);
        if (!Character.isLetterOrDigit(first)) {
            verb = String.valueOf(first);
            rest = line.substring(1).strip();
        } else {
            int space = indexOfWhitespace(line);
            verb = space < 0 ? line : line.substring(0, space);
            rest = space < 0 ? "" : line.substring(space).strip();
        }
        List<String> argv = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        return new CommandLine(verb.toLowerCase(Locale.ROOT), rest, argv);
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
