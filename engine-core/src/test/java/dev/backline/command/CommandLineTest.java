package dev.backline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void aSingleWordIsTheVerb() {
        CommandLine line = CommandLine.parse("look");
        assertThat(line.verb()).isEqualTo("look");
        assertThat(line.args()).isEmpty();
        assertThat(line.argv()).isEmpty();
    }

    @Test
    void splitsVerbAndArguments() {
        CommandLine line = CommandLine.parse("give guitar to bob");
        assertThat(line.verb()).isEqualTo("give");
        assertThat(line.args()).isEqualTo("guitar to bob");
        assertThat(line.argv()).containsExactly("guitar", "to", "bob");
    }

    @Test
    void lowerCasesTheVerbButNotTheArguments() {
        CommandLine line = CommandLine.parse("SAY Hello There");
        assertThat(line.verb()).isEqualTo("say");
        assertThat(line.args()).isEqualTo("Hello There");
    }

    @Test
    void collapsesWhiteSpaceBetweenArgumentsButKeepsTheRestAsTyped() {
        CommandLine line = CommandLine.parse("  \t say   hello \t  world  \n");
        assertThat(line.verb()).isEqualTo("say");
        assertThat(line.args()).isEqualTo("hello \t  world");
        assertThat(line.argv()).containsExactly("hello", "world");
    }

    @Test
    void aLeadingSymbolIsItsOwnVerb() {
        CommandLine quote = CommandLine.parse("'hello there");
        assertThat(quote.verb()).isEqualTo("'");
        assertThat(quote.args()).isEqualTo("hello there");
        assertThat(quote.argv()).containsExactly("hello", "there");

        CommandLine spaced = CommandLine.parse("\" hi");
        assertThat(spaced.verb()).isEqualTo("\"");
        assertThat(spaced.args()).isEqualTo("hi");

        CommandLine alone = CommandLine.parse("?");
        assertThat(alone.verb()).isEqualTo("?");
        assertThat(alone.argv()).isEmpty();
    }

    @Test
    void aSymbolInsideAWordIsPartOfIt() {
        assertThat(CommandLine.parse("don't stop").verb()).isEqualTo("don't");
        assertThat(CommandLine.parse("n2").verb()).isEqualTo("n2");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void rejectsEmptyLines(String text) {
        assertThatThrownBy(() -> CommandLine.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsLinesLongerThanTheLimit() {
        String longest = "say " + "x".repeat(CommandLine.MAX_LENGTH - 4);
        assertThat(CommandLine.parse(longest).args()).hasSize(CommandLine.MAX_LENGTH - 4);
        assertThatThrownBy(() -> CommandLine.parse(longest + "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than " + CommandLine.MAX_LENGTH);
    }

    @Test
    void verbOfFindsTheVerbParseFindsWithoutThrowing() {
        for (String text : new String[] {"look", "  SAY Hello There ", "'hello", "give guitar to bob"}) {
            assertThat(CommandLine.verbOf(text)).as(text).isEqualTo(CommandLine.parse(text).verb());
        }
        assertThat(CommandLine.verbOf("   ")).isEmpty();
        assertThat(CommandLine.verbOf(null)).isEmpty();
    }
}
