package dev.backline.tools.bench.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.tools.loadgen.CommandMix;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The in-process command benchmark drives the reference game as the loadgen's players do: every command it
 * sends is answered, none with an error, the players walk off into other rooms, and each verb's cost is counted.
 */
class CommandsBenchmarkTest {
    private static final Path WORLD = Path.of("../world-data");
    private static final Path SCRIPTS = Path.of("../scripts");

    @Test
    void thePlayersCommandsAreAllAnsweredAndTheyWalkAcrossTheWorld() {
        try (GameWorld world = new GameWorld(WORLD, SCRIPTS, 0)) {
            world.joinUpTo(30);
            play(world, "look:5,go:3,say:1,who:1", 300);

            assertThat(world.commands()).as("30 players x 2/s x 30 s").isEqualTo(1_800);
            assertEveryCommandAnswered(world);
            assertThat(world.spread()[0]).as("rooms the players stand in").isGreaterThan(3);
            assertThat(world.verbCosts()).containsOnlyKeys("look", "go", "say", "who")
                    .allSatisfy((verb, cost) -> {
                        assertThat(cost.calls).isPositive();
                        assertThat(cost.cpuNanos).isPositive();
                        assertThat(cost.allocatedBytes).isPositive();
                    });
        }
    }

    @Test
    void withADistrictThePlayersStandScatteredOverItAndStillGetAnswers() {
        try (GameWorld world = new GameWorld(WORLD, SCRIPTS, 400)) {
            world.joinUpTo(60);
            play(world, "look:1,go:1", 50);

            assertThat(world.spread()[0]).as("rooms the 60 players stand in").isGreaterThan(40);
            assertEveryCommandAnswered(world);
        }
    }

    /** {@code ticks} ticks of the players sending {@code mix} at 2 commands/s each, then a few to answer the last. */
    private static void play(GameWorld world, String mix, int ticks) {
        CommandMix commands = CommandMix.parse(mix);
        for (int i = 0; i < ticks; i++) {
            world.tick(commands, 2);
        }
        for (int i = 0; i < 5; i++) {
            world.tick(null, 0);
        }
    }

    private static void assertEveryCommandAnswered(GameWorld world) {
        assertThat(world.players()).allSatisfy(p -> {
            assertThat(p.unanswered()).as(p.name() + "'s unanswered commands").isZero();
            assertThat(p.errors()).as(p.name() + "'s errors, last " + p.lastError()).isZero();
            assertThat(p.isClosed()).isFalse();
        });
    }

    @Test
    void aMissingWorldDirectoryIsBadUsage() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CommandsBenchmark());
        PrintWriter errors = new PrintWriter(err, true);
        cl.setErr(errors);
        int exit = cl.execute("--world", "no-such-world", "--jit-warmup", "0s");
        errors.flush();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-world is not a directory");
    }
}
