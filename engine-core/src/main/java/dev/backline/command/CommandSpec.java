package dev.backline.command;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command as registered: name, aliases, a one-line help text, an optional usage line, the owner (a pack
 * name, for error reports and reload) and the handler.
 */
public record CommandSpec(String name, List<String> aliases, String help, String usage, String owner, CommandHandler handler) {
    static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_-]{0,31}|[a-z0-9'\"?!.]");

    public CommandSpec {
        Objects.requireNonNull(handler, "handler");
        requireWord("name", name);
        aliases = List.copyOf(aliases);
        aliases.forEach(a -> requireWord("alias", a));
        if (help == null || help.isBlank()) {
            throw new IllegalArgumentException("command '" + name + "' needs a help text");
        }
        if (help.length() > 200) {
            throw new IllegalArgumentException("command '" + name + "' help must be one line of at most 200 characters");
        }
        usage = usage == null || usage.isBlank() ? name : usage;
        owner = owner == null ? "engine" : owner;
    }

    private static void requireWord(String what, String word) {
        if (word == null || !WORD.matcher(word).matches()) {
            throw new IllegalArgumentException("command " + what + " '" + word
                    + "' must be a lower-case word (letters, digits, '-', '_'; up to 32) or one symbol like '\"'");
        }
    }
}
