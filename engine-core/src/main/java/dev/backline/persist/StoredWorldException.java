package dev.backline.persist;

import java.util.List;

/**
 * The stored world cannot be used: rows that do not read back, entities inside containers that are not
 * there, a schema this version does not know. The message lists every problem, one per line, for an
 * operator to read at start-up; it is not a stack trace.
 */
public final class StoredWorldException extends RuntimeException {
    private final List<String> problems;

    public StoredWorldException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public StoredWorldException(String message) {
        this(message, List.of());
    }

    public List<String> problems() {
        return problems;
    }
}
