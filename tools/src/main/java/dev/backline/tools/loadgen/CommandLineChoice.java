package dev.backline.tools.loadgen;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The line a simulated player types for a command of the mix: {@code go} through one of the exits it last saw
 * (or, having seen none yet, {@code look} instead), {@code say} with a short greeting, any other verb as it is.
 * Shared by loadgen's players and the in-process command benchmark, so both send the same load.
 *
 * @param verb what was sent, for counting ({@code look} where a {@code go} had nowhere to go)
 * @param text the command line
 */
public record CommandLineChoice(String verb, String text) {
    private static final List<String> SAYINGS = List.of("hello", "anyone around?", "good evening", "see you later",
            "what's new?", "nice to meet you", "back in a minute", "how is everyone?");

    public static CommandLineChoice of(String verb, List<String> exits, RandomGenerator random) {
        return switch (verb) {
            case "go" -> exits.isEmpty() ? new CommandLineChoice("look", "look")
                    : new CommandLineChoice(verb, "go " + exits.get(random.nextInt(exits.size())));
            case "say" -> new CommandLineChoice(verb, "say " + SAYINGS.get(random.nextInt(SAYINGS.size())) + " #"
                    + random.nextInt(1000));
            default -> new CommandLineChoice(verb, verb);
        };
    }
}
