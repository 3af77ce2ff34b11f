package dev.backline.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands players can type, by name and alias. World thread only. */
public final class CommandRegistry {
    private final Map<String, CommandSpec> byWord = new HashMap<>();
    private final Map<String, CommandSpec> byName = new HashMap<>();

    /** @throws IllegalArgumentException if the name or an alias is already taken, naming who has it */
    public void register(CommandSpec spec) {
        List<String> words = new ArrayList<>();
        words.add(spec.name());
        words.addAll(spec.aliases());
        for (String word : words) {
            CommandSpec taken = byWord.get(word);
            if (taken != null) {
                throw new IllegalArgumentException("command word '" + word + "' of '" + spec.name()
                        + "' is already used by command '" + taken.name() + "' of " + taken.owner());
            }
        }
        words.forEach(w -> byWord.put(w, spec));
        byName.put(spec.name(), spec);
    }

    /** Removes every command of one owner, e.g. before a pack's new generation registers its own. */
    public void removeOwner(String owner) {
        byWord.values().removeIf(s -> s.owner().equals(owner));
        byName.values().removeIf(s -> s.owner().equals(owner));
    }

    public Optional<CommandSpec> resolve(String word) {
        return Optional.ofNullable(byWord.get(word));
    }

    /** All commands, sorted by name, for {@code help}. */
    public List<CommandSpec> all() {
        List<CommandSpec> list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparing(CommandSpec::name));
        return list;
    }
}
