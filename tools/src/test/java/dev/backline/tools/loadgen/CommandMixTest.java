package dev.backline.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommandMixTest {
    @Test
    void parsesNamesAndWeightsInOrder() {
        CommandMix mix = CommandMix.parse("look:5, go:3 ,say:1,who");

        assertThat(mix.entries()).containsExactly(new CommandMix.Entry("look", 5), new CommandMix.Entry("go", 3),
                new CommandMix.Entry("say", 1), new CommandMix.Entry("who", 1));
        assertThat(mix.totalWeight()).isEqualTo(10);
        assertThat(mix.names()).containsExactly("look", "go", "say", "who");
        assertThat(mix).hasToString("look:5,go:3,say:1,who:1");
    }

    @Test
    void picksEachCommandInProportionToItsWeight() {
        CommandMix mix = CommandMix.parse("look:5,go:3,say:2");
        Random random = new Random(42);
        Map<String, Integer> counts = new HashMap<>();
        int picks = 100_000;
        for (int i = 0; i < picks; i++) {
            counts.merge(mix.pick(random), 1, Integer::sum);
        }

        assertThat(counts.keySet()).containsExactlyInAnyOrder("look", "go", "say");
        assertThat(counts.get("look") / (double) picks).isBetween(0.49, 0.51);
        assertThat(counts.get("go") / (double) picks).isBetween(0.29, 0.31);
        assertThat(counts.get("say") / (double) picks).isBetween(0.19, 0.21);
    }

    @Test
    void aSingleCommandIsAlwaysPicked() {
        CommandMix mix = CommandMix.parse("who:7");
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            assertThat(mix.pick(random)).isEqualTo("who");
        }
    }

    @Test
    void badMixesAreRefusedWithAMessageNamingTheProblem() {
        assertThatThrownBy(() -> CommandMix.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CommandMix.parse("look:5,,go:1")).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> CommandMix.parse("look:five")).hasMessageContaining("'look'").hasMessageContaining("'five'");
        assertThatThrownBy(() -> CommandMix.parse("look:0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> CommandMix.parse("look:-2")).hasMessageContaining("positive");
        assertThatThrownBy(() -> CommandMix.parse("look:1,look:2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> CommandMix.parse("Look:1")).hasMessageContaining("not a command name");
        assertThatThrownBy(() -> CommandMix.parse("go north:1")).hasMessageContaining("not a command name");
        assertThatThrownBy(() -> CommandMix.parse("look:999999,go:999999")).hasMessageContaining("add up to");
    }
}
