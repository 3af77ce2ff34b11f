package dev.backline.script.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;

/** Writes small packs with test modules to a temporary scripts directory and runs their tests. */
abstract class RunnerFixture {
    static final String PACK_MAIN = """
            export function register(pack) {
              pack.command({ name: 'wave', help: 'Wave.', run: (ctx) => ctx.reply('You wave.') });
              pack.command({ name: 'roll', help: 'Roll.', run: (ctx) => ctx.reply(String(Math.random())) });
              pack.command({ name: 'boom', help: 'Fails.', run: (ctx) => { null.x; } });
            }
            """;

    @TempDir
    Path scripts;

    /** Writes {@code scripts/<name>/} with pack.yaml, the main.js above and {@code files} (which may replace it). */
    Path pack(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(scripts.resolve(name));
        Files.writeString(dir.resolve("pack.yaml"), "name: " + name + "\nversion: 1.0.0\napiVersion: 1\nentry: main.js\n");
        Files.writeString(dir.resolve("main.js"), PACK_MAIN);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return dir.toRealPath();
    }

    static void hall(World world) {
        world.create(EntitySpec.of(EntityId.of("test:hall"), "room").withProperty("name", "Hall")
                .withProperty("exits", Map.of("north", "test:yard")));
        world.create(EntitySpec.of(EntityId.of("test:yard"), "room").withProperty("name", "Yard"));
    }

    ScriptTestReport run(UnaryOperator<ScriptTestRunner.Builder> options, String... packs) {
        List<ScriptTestResult> streamed = new ArrayList<>();
        try (ScriptTestRunner runner = options.apply(ScriptTestRunner.builder(scripts)
                .world(RunnerFixture::hall, EntityId.of("test:hall")).onResult(streamed::add)).build()) {
            ScriptTestReport report = runner.run(List.of(packs));
            assertThat(streamed).as("results are streamed as they come").isEqualTo(report.results());
            return report;
        }
    }

    ScriptTestReport run(String... packs) {
        return run(b -> b, packs);
    }

    static ScriptTestResult named(ScriptTestReport report, String name) {
        return report.results().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no result named '" + name + "' in " + report.results()));
    }
}
