package dev.backline.script;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a call from a script into the API costs, now that the prelude bounds and copies every argument and
 * probes the stack before a call crosses (see docs/benchmarks.md). Not a test: run it by hand.
 *
 * <pre>{@code java -cp ... dev.backline.script.ApiCrossingBenchmark [calls per round]}</pre>
 */
final class ApiCrossingBenchmark {
    private static final Map<String, String> CALLS = Map.of(
            "now", "game.now()",
            "prop", "game.prop('player:bench', 'name')",
            "setprop", "game.setProp('player:bench', 'mood', { calm: true, level: 3, tags: ['a', 'b'] })",
            "entity", "game.entity('player:bench')");

    private ApiCrossingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path scripts = Files.createTempDirectory("api-crossing");
        StringBuilder commands = new StringBuilder();
        CALLS.forEach((name, call) -> commands.append("""
                  pack.command({ name: '%s', help: 'Benchmarks a call.', run: (ctx) => {
                    for (let i = 0; i < %d; i++) { %s; }
                    ctx.reply('done');
                  }});
                """.formatted(name, calls, call)));
        TestPacks.pack(scripts, "bench", Map.of("main.js", "export function register(pack) {\n" + commands + "}\n"));
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build()) {
            TestPlayer player = w.join("Bench");
            for (String name : CALLS.keySet().stream().sorted().toList()) {
                for (int round = 0; round < 15; round++) {
                    long started = System.nanoTime();
                    player.say(name);
                    long perCall = (System.nanoTime() - started) / calls;
                    if (round >= 10) {
                        System.out.printf("%-8s %6d ns per call%n", name, perCall);
                    }
                }
            }
        }
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                HostBoundary.stackHasRoom();
            }
            System.out.printf("%-8s %6d ns per call%n", "probe", (System.nanoTime() - started) / calls);
        }
    }
}
