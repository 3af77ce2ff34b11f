package dev.backline.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with the world data, where it is and what to do about it. Prints as
 * {@code file:line: message}.
 */
public record Problem(SourceLocation where, String message) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    public static Problem at(SourceLocation where, String message) {
        return new Problem(where, message);
    }

    /** The same problem with its file named relative to {@code dir} where possible. */
    public Problem relativeTo(Path dir) {
        return new Problem(where.relativeTo(dir), message);
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
