package dev.backline.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CommandLineChoiceTest {
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void goWalksThroughAnExitItSawAndLooksWhileItHasSeenNone() {
        assertThat(CommandLineChoice.of("go", List.of(), random)).isEqualTo(new CommandLineChoice("look", "look"));
        for (int i = 0; i < 20; i++) {
            CommandLineChoice go = CommandLineChoice.of("go", List.of("north", "east"), random);
            assertThat(go.verb()).isEqualTo("go");
            assertThat(go.text()).isIn("go north", "go east");
        }
    }

    @Test
    void saySaysSomethingAndAnyOtherVerbIsSentAsItIs() {
        assertThat(CommandLineChoice.of("say", List.of(), random).text()).matches("say [a-z ?']+ #\\d{1,3}");
        assertThat(CommandLineChoice.of("who", List.of("north"), random)).isEqualTo(new CommandLineChoice("who", "who"));
    }
}
