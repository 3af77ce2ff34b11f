package dev.backline.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** {@code test-scripts}: argument parsing, output and exit codes, in a temporary working directory. */
class TestScriptsTest {
    @TempDir
    Path cwd;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeWorldAndPack() throws IOException {
        write("world-data/world.yaml", "name: Tiny\nstart: town:square\nzones: [town]\n");
        write("world-data/zones/town/zone.yaml", "name: Town\ndescription: Small.\n");
        write("world-data/zones/town/rooms.yaml", "- id: square\n  name: Square\n  description: Open.\n  exits: {}\n");
        write("scripts/demo/pack.yaml", "name: demo\nversion: 1.0.0\napiVersion: 1\nentry: main.js\n");
        write("scripts/demo/main.js", """
                export function register(pack) {
                  pack.command({ name: 'wave', help: 'Wave.', run: (ctx) => ctx.reply('You wave.') });
                }
                """);
        write("scripts/demo/tests/wave.test.js", """
                export default (t) => {
                  t.test('wave answers', (w) => w.expect(w.join('Ann').say('wave')).toBe('You wave.'));
                  t.test('wave is a bow', (w) => {
                    w.expect(w.join('Ann').say('wave')).toBe('You bow.');
                  });
                };
                """);
    }

    private void write(String file, String content) throws IOException {
        Path path = cwd.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private int run(String... args) {
        return TestScripts.run(List.of(args), cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsEachTestAndTheSummaryAndExitsOneOnAFailure() {
        assertThat(run()).isEqualTo(TestScripts.FAILED);
        String file = Path.of("scripts", "demo", "tests", "wave.test.js").toString();
        assertThat(outLines()).containsExactly(
                "demo/tests/wave.test.js",
                "  ✓ wave answers",
                "  ✗ wave is a bow",
                "      " + file + ":4:5: expected \"You wave.\" to be \"You bow.\"",
                "",
                "1 passed, 1 failed");
    }

    @Test
    void exitsZeroWhenEveryTestPasses() {
        assertThat(run("--filter", "answers", "demo")).isEqualTo(TestScripts.PASSED);
        assertThat(outLines()).last().isEqualTo("1 passed, 0 failed");
    }

    @Test
    void aPackMayBeNamedByItsDirectory() throws IOException {
        write("elsewhere/other/pack.yaml", "name: other\nversion: 1.0.0\napiVersion: 1\nentry: main.js\n");
        write("elsewhere/other/main.js", "export function register(pack) {}\n");
        write("elsewhere/other/a.test.js", "export default (t) => t.test('runs', (w) => w.expect(w.now()).toBeGreaterThan(0));\n");
        assertThat(run(cwd.resolve("elsewhere/other").toString())).isEqualTo(TestScripts.PASSED);
        assertThat(outLines()).containsExactly("other/a.test.js", "  ✓ runs", "", "1 passed, 0 failed");
    }

    @Test
    void aPackWithoutTestsSaysSo() throws IOException {
        Files.delete(cwd.resolve("scripts/demo/tests/wave.test.js"));
        assertThat(run()).isEqualTo(TestScripts.PASSED);
        assertThat(outLines()).containsExactly("demo: no tests (*.test.js)", "", "0 passed, 0 failed");
    }

    @Test
    void aFilterThatMatchesNothingFails() {
        assertThat(run("--filter=dance")).isEqualTo(TestScripts.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no test matched --filter 'dance'");
    }

    @Test
    void brokenWorldDataIsReportedWithFileAndLine() throws IOException {
        write("world-data/zones/town/rooms.yaml", "- id: square\n  name: Square\n  exits: {}\n");
        assertThat(run()).isEqualTo(TestScripts.FAILED);
        assertThat(outLines().getFirst()).startsWith(Path.of("world-data", "zones", "town", "rooms.yaml") + ":1:");
        assertThat(outLines()).last().isEqualTo("the world data has problems, so no test can run");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isEqualTo(TestScripts.PASSED);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: test-scripts [options] [pack...]");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("--verbose")).isEqualTo(TestScripts.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("test-scripts: Unknown option: '--verbose'").contains("Usage:");
        assertThat(run("--filter")).isEqualTo(TestScripts.USAGE);
        assertThat(run("nope")).isEqualTo(TestScripts.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no pack 'nope'");
        assertThat(run("--world", "nowhere")).isEqualTo(TestScripts.USAGE);
        assertThat(run("--scripts", "nowhere")).isEqualTo(TestScripts.USAGE);
        assertThat(run("world-data/")).isEqualTo(TestScripts.USAGE);
        assertThat(run("--scripts", "world-data")).isEqualTo(TestScripts.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no packs in");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void optionsParseInBothFormsAndPacksAfterDoubleDash() {
        TestScripts.Options o = TestScripts.Options.parse(List.of("--scripts", "s", "--world=w", "a", "--filter", "look at", "--", "-b"));
        assertThat(o.packs()).containsExactly("a", "-b");
        assertThat(o.scripts()).isEqualTo(Path.of("s"));
        assertThat(o.world()).isEqualTo(Path.of("w"));
        assertThat(o.filter()).isEqualTo("look at");
        assertThat(o.help()).isFalse();
        TestScripts.Options defaults = TestScripts.Options.parse(List.of());
        assertThat(defaults.scripts()).isNull();
        assertThat(defaults.world()).isEqualTo(Path.of("world-data"));
        assertThat(defaults.filter()).isEmpty();
        assertThat(TestScripts.Options.parse(List.of("-h")).help()).isTrue();
        assertThatThrownBy(() -> TestScripts.Options.parse(List.of("--filter="))).hasMessage("option '--filter' needs a value");
        assertThatThrownBy(() -> TestScripts.Options.parse(List.of("-x"))).hasMessage("Unknown option: '-x'");
    }
}
