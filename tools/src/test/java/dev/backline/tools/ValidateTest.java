package dev.backline.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator's output and exit codes, run in a temporary working directory. */
class ValidateTest {
    @TempDir
    Path cwd;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeWorld() throws IOException {
        write("world-data/world.yaml", "name: Tiny\nstart: town:square\nzones: [town]\n");
        write("world-data/zones/town/zone.yaml", "name: Town\ndescription: Small.\n");
        write("world-data/zones/town/rooms.yaml", """
                - id: square
                  name: Square
                  description: Open.
                  exits: {in: shop}
                - id: shop
                  name: Shop
                  description: Closed.
                  exits: {out: square}
                """);
    }

    private void write(String file, String content) throws IOException {
        Path path = cwd.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private int run(String... args) {
        return Validate.run(List.of(args), cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aValidWorldExitsZeroWithASummary() {
        assertThat(run()).isEqualTo(Validate.VALID);
        assertThat(outLines()).containsExactly("world-data: 2 rooms in 1 zone, no problems");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void problemsArePrintedRelativeToTheWorkingDirectoryAndExitOne() throws IOException {
        write("world-data/zones/town/rooms.yaml", """
                - id: square
                  name: Square
                  description: Open.
                  exits: {in: shop, up: roof}
                - id: shop
                  name: Shop
                  descripton: Closed.
                  exits: {}
                """);
        assertThat(run("world-data")).isEqualTo(Validate.PROBLEMS);
        String rooms = Path.of("world-data", "zones", "town", "rooms.yaml").toString();
        assertThat(outLines()).containsExactly(
                rooms + ":4: exit 'in' to 'town:shop' has no way back: 'town:shop' has no 'out' exit; add 'out: square' at "
                        + "line 5 (or mark this exit {to: shop, oneWay: true})",
                rooms + ":4: exit 'up' leads to unknown room 'town:roof'",
                rooms + ":5: a room is missing 'description'",
                rooms + ":7: unknown key 'descripton' in a room; allowed keys: id, name, description, exits, tags, properties, items",
                "world-data: 4 problems");
    }

    @Test
    void anAbsoluteDirectoryInsideTheWorkingDirectoryIsShownRelative() {
        assertThat(run(cwd.resolve("world-data").toString())).isEqualTo(Validate.VALID);
        assertThat(outLines()).containsExactly("world-data: 2 rooms in 1 zone, no problems");
    }

    @Test
    void aMissingDirectoryIsAProblemNotACrash() {
        assertThat(run("elsewhere")).isEqualTo(Validate.PROBLEMS);
        assertThat(outLines()).last().isEqualTo("elsewhere: 1 problem");
        assertThat(outLines().getFirst()).startsWith(Path.of("elsewhere", "world.yaml") + ":1: missing file");
    }

    private void writePack(String main) throws IOException {
        write("scripts/tiny/pack.yaml", "name: tiny\nversion: 1.0.0\napiVersion: 1\nentry: main.js\ndescription: A test pack.\n");
        write("scripts/tiny/main.js", main);
    }

    @Test
    void packsBesideTheWorldAreLoadedOverIt() throws IOException {
        writePack("export function register(pack) {\n  pack.command({ name: 'wave', help: 'Waves.', run: (ctx) => ctx.reply('hi') });\n}\n");

        assertThat(run()).isEqualTo(Validate.VALID);
        assertThat(outLines()).containsExactly("world-data: 2 rooms in 1 zone, no problems", "scripts: 1 pack (tiny), no problems");
    }

    @Test
    void aPackThatDoesNotLoadIsAProblemAtItsFileAndLine() throws IOException {
        writePack("export function register(pack) {\n  pack.command({ name: 'wave', help: 'Waves.', run: (ctx) => { ctx.reply('hi' }) });\n}\n");

        assertThat(run()).isEqualTo(Validate.PROBLEMS);
        assertThat(outLines().get(1)).startsWith(Path.of("scripts", "tiny", "main.js") + ":2:").contains("SyntaxError");
        assertThat(outLines()).last().isEqualTo("scripts: 1 problem");
    }

    @Test
    void aPacksOwnCheckFindsWhatTheWorldLacks() throws IOException {
        writePack("""
                export function register(pack) {}
                export function check() {
                  if (!game.entity('town:bar')) { throw new Error("the pack needs a room 'town:bar'"); }
                }
                """);

        assertThat(run("world-data", "--scripts", "scripts")).isEqualTo(Validate.PROBLEMS);
        assertThat(String.join("\n", outLines())).contains("the pack needs a room 'town:bar'");
    }

    @Test
    void packsAreNotLoadedOverABrokenWorld() throws IOException {
        writePack("this is not JavaScript\n");
        write("world-data/zones/town/zone.yaml", "name: Town\n");

        assertThat(run()).isEqualTo(Validate.PROBLEMS);
        assertThat(String.join("\n", outLines())).doesNotContain("scripts");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isEqualTo(Validate.VALID);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: validate [dir]");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("--strict")).isEqualTo(Validate.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("validate: Unknown option: '--strict'").contains("Usage:");
        assertThat(run("a", "b")).isEqualTo(Validate.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
