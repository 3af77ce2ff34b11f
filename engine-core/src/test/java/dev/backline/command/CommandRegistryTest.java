package dev.backline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandRegistryTest {
    private static final CommandHandler NOTHING = invocation -> { };
    private final CommandRegistry registry = new CommandRegistry();

    private static CommandSpec spec(String name, List<String> aliases, String owner) {
        return new CommandSpec(name, aliases, "help for " + name, null, owner, NOTHING);
    }

    @Test
    void resolvesByNameAndAlias() {
        CommandSpec look = spec("look", List.of("l", "examine"), "city");
        registry.register(look);

        assertThat(registry.resolve("look")).contains(look);
        assertThat(registry.resolve("l")).contains(look);
        assertThat(registry.resolve("examine")).contains(look);
        assertThat(registry.resolve("go")).isEmpty();
    }

    @Test
    void aTakenWordIsRejectedNamingTheCommandAndOwnerThatHasIt() {
        registry.register(spec("look", List.of("l"), "city"));

        assertThatThrownBy(() -> registry.register(spec("listen", List.of("l"), "music")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'l'")
                .hasMessageContaining("'listen'")
                .hasMessageContaining("'look' of city");
        assertThatThrownBy(() -> registry.register(spec("l", List.of(), "music")))
                .hasMessageContaining("'look' of city");
        assertThat(registry.resolve("listen")).as("a rejected command registers none of its words").isEmpty();
    }

    @Test
    void removeOwnerRemovesOnlyThatOwnersCommandsAndFreesTheirWords() {
        registry.register(spec("look", List.of("l"), "city"));
        registry.register(spec("say", List.of("'"), "chat"));

        registry.removeOwner("city");
        assertThat(registry.resolve("look")).isEmpty();
        assertThat(registry.resolve("l")).isEmpty();
        assertThat(registry.resolve("'")).isPresent();
        assertThat(registry.all()).extracting(CommandSpec::name).containsExactly("say");

        registry.register(spec("listen", List.of("l"), "music"));
        assertThat(registry.resolve("l")).map(CommandSpec::owner).contains("music");
    }

    @Test
    void allIsSortedByNameWithOneEntryPerCommand() {
        registry.register(spec("say", List.of("'", "\""), "chat"));
        registry.register(spec("help", List.of("?"), "engine"));
        registry.register(spec("look", List.of("l"), "city"));

        assertThat(registry.all()).extracting(CommandSpec::name).containsExactly("help", "look", "say");
    }

    @Test
    void specDefaultsUsageAndOwner() {
        CommandSpec s = new CommandSpec("look", List.of(), "Look around.", " ", null, NOTHING);
        assertThat(s.usage()).isEqualTo("look");
        assertThat(s.owner()).isEqualTo("engine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Look", "two words", "-x", "toolongtoolongtoolongtoolongtoolo", "@"})
    void specRejectsBadWords(String word) {
        assertThatThrownBy(() -> spec(word, List.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + word + "'");
        assertThatThrownBy(() -> spec("look", List.of(word), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias");
    }

    @Test
    void specNeedsAOneLineHelpAndAHandler() {
        assertThatThrownBy(() -> new CommandSpec("look", List.of(), " ", null, "x", NOTHING))
                .hasMessageContaining("needs a help text");
        assertThatThrownBy(() -> new CommandSpec("look", List.of(), "h".repeat(201), null, "x", NOTHING))
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> new CommandSpec("look", List.of(), "help", null, "x", null))
                .isInstanceOf(NullPointerException.class);
    }
}
