package dev.backline.tools.loadgen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The weighted choice of commands each player sends, parsed from {@code look:5,go:3,say:1,who:1}: a
 * player picks {@code look} 5 times in 10, and so on. A name is the command's first word; the
 * {@link Player} fills in what some of them need (an exit for {@code go}, text for {@code say}).
 *
 * <pre>{@code
 * CommandMix mix = CommandMix.parse("look:5,go:3");
 * String next = mix.pick(random);   // "look" with probability 5/8
 * }</pre>
 */
public record CommandMix(List<Entry> entries) {
    private static final long MAX_TOTAL_WEIGHT = 1_000_000;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** One command and its weight (a positive whole number). */
    public record Entry(String name, int weight) {
        public Entry {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a command name (lower-case letters, digits, '_', '-')");
            }
            if (weight <= 0) {
                throw new IllegalArgumentException("the weight of '" + name + "' must be a positive whole number, not " + weight);
            }
        }
    }

    public CommandMix {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the mix names no command");
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Entry e : entries) {
            if (!seen.add(e.name())) {
                throw new IllegalArgumentException("'" + e.name() + "' appears twice in the mix");
            }
            total += e.weight();
        }
        if (total > MAX_TOTAL_WEIGHT) {
            throw new IllegalArgumentException("the weights add up to " + total + "; keep them under " + MAX_TOTAL_WEIGHT);
        }
    }

    /**
     * Parses {@code name:weight} pairs separated by commas; a name without {@code :weight} weighs 1.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static CommandMix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the mix is empty; write it like look:5,go:3,say:1,who:1");
        }
        List<Entry> entries = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty entry in the mix '" + text + "'");
            }
            int colon = item.indexOf(':');
            String name = colon < 0 ? item : item.substring(0, colon).strip();
            int weight = 1;
            if (colon >= 0) {
                String w = item.substring(colon + 1).strip();
                try {
                    weight = Integer.parseInt(w);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the weight of '" + name + "' must be a positive whole number, not '" + w + "'");
                }
            }
            entries.add(new Entry(name, weight));
        }
        return new CommandMix(entries);
    }

    public int totalWeight() {
        return entries.stream().mapToInt(Entry::weight).sum();
    }

    /** A command name, each with probability weight / total weight. */
    public String pick(RandomGenerator random) {
        int n = random.nextInt(totalWeight());
        for (Entry e : entries) {
            n -= e.weight();
            if (n < 0) {
                return e.name();
            }
        }
        throw new AssertionError("weights changed under the pick");
    }

    /** The names in the order given. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    @Override
    public String toString() {
        return String.join(",", entries.stream().map(e -> e.name() + ":" + e.weight()).toList());
    }
}
