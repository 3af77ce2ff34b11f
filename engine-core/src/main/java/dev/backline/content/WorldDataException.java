package dev.backline.content;

import java.util.List;
import java.util.stream.Collectors;

/** The world data could not be loaded; carries every problem found, not only the first. */
public final class WorldDataException extends RuntimeException {
    private final transient List<Problem> problems;

    public WorldDataException(String what, List<Problem> problems) {
        super(message(what, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(String what, List<Problem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return what + " has " + count + ":" + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
