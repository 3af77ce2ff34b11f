package dev.backline.content;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The twelve exit directions a room may have, each with its opposite for the return exit. */
public enum Direction {
    NORTH, SOUTH, EAST, WEST, NORTHEAST, SOUTHWEST, NORTHWEST, SOUTHEAST, UP, DOWN, IN, OUT;

    private static final List<String> WORDS = Arrays.stream(values()).map(Direction::word).toList();

    /** The word used in data files and by players, e.g. {@code northeast}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction that leads back: north for south, out for in, and so on. */
    public Direction opposite() {
        // Declared in pairs, so the partner is the neighbour within the pair.
        return values()[ordinal() ^ 1];
    }

    /** The direction named by {@code word} (exact lower-case word), if any. */
    public static Optional<Direction> of(String word) {
        int i = WORDS.indexOf(word);
        return i < 0 ? Optional.empty() : Optional.of(values()[i]);
    }

    /** All direction words, in declaration order, for error messages. */
    public static List<String> words() {
        return WORDS;
    }
}
