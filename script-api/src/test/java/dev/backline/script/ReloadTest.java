package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadTest {
    @TempDir
    Path scripts;

    private static final String MAIN = """
            import { word } from './word.js';
            let calls = 0;
            export function register(pack) {
              pack.command({ name: 'word', help: 'Says the word.', run: (ctx) => ctx.reply(word + ' ' + (++calls)) });
              pack.command({ name: 'count', help: 'Counts in the state store.', run: (ctx) => {
                game.setState('count', (game.state('count') ?? 0) + 1);
                ctx.reply(String(game.state('count')));
              }});
              pack.timer('later', (d) => game.tell(d.who, word + ' later'));
              pack.command({ name: 'later', help: 'Schedules.', run: (ctx) => game.after('1h', 'later', { who: ctx.player }) });
            }
            """;

    private Path pack() {
        return TestPacks.pack(scripts, "live", Map.of("main.js", MAIN, "word.js", "export const word = 'alpha';\n"));
    }

    private TestWorld world() {
        return TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aChangedModuleTakesEffectAtTheNextCommandAndTheReportNamesTheFile() {
        Path dir = pack();
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            assertThat(ann.say("word")).isEqualTo("alpha 1");
            write(dir.resolve("word.js"), "export const word = 'beta';\n");

            ReloadReport report = w.reload("live");

            assertThat(report.ok()).isTrue();
            assertThat(report.previousGeneration()).isEqualTo(1);
            assertThat(report.generation()).isEqualTo(2);
            assertThat(report.changedFiles()).singleElement().satisfies(c -> {
                assertThat(c.file()).isEqualTo("word.js");
                assertThat(c.change()).isEqualTo("modified");
                assertThat(c.sha256()).hasSize(64);
            });
            assertThat(ann.say("word")).as("module variables start afresh").isEqualTo("beta 1");
            assertThat(ann.isClosed()).isFalse();
            assertThat(w.scripts().audit()).last().satisfies(r -> assertThat(r.actor()).isEqualTo("test"));
        }
    }

    @Test
    void aBrokenReloadLeavesTheRunningGenerationAndReportsFileAndLine() {
        Path dir = pack();
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            write(dir.resolve("word.js"), "export const word = 'gamma'\nexport const = 3;\n");

            ReloadReport report = w.reload("live");

            assertThat(report.ok()).isFalse();
            assertThat(report.generation()).isEqualTo(1);
            assertThat(report.errors()).singleElement().asString().startsWith("live/word.js:2");
            assertThat(ann.say("word")).isEqualTo("alpha 1");
            assertThat(w.scripts().packs().get("live").generation()).isEqualTo(1);
        }
    }

    @Test
    void aFailingCheckVetoesTheGeneration() {
        Path dir = pack();
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            write(dir.resolve("main.js"), MAIN + "export function check() { if (!game.entity('test:hall')) throw new Error('no hall'); throw new Error('not today'); }\n");

            ReloadReport report = w.reload("live");

            assertThat(report.ok()).isFalse();
            assertThat(report.errors()).singleElement().asString().contains("in check").contains("not today");
            assertThat(ann.say("word")).isEqualTo("alpha 1");
        }
    }

    @Test
    void stateSurvivesReloadsAndMigrateRunsWhenTheVersionChanges() throws IOException {
        Path dir = pack();
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            ann.say("count");
            ann.say("count");
            w.reload("live");
            assertThat(ann.say("count")).as("state store kept").isEqualTo("3");

            write(dir.resolve("main.js"), MAIN + """
                    export function migrate(from, to, state) {
                      if (from === '1.0.0' && to === '2.0.0') return { count: state.count * 100 };
                    }
                    """);
            write(dir.resolve("pack.yaml"), Files.readString(dir.resolve("pack.yaml")).replace("1.0.0", "2.0.0"));
            assertThat(w.reload("live").ok()).isTrue();
            assertThat(ann.say("count")).isEqualTo("301");
        }
    }

    @Test
    void aThrowingMigrateVetoesTheGenerationAndKeepsTheState() throws IOException {
        Path dir = pack();
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            ann.say("count");
            write(dir.resolve("main.js"), MAIN + "export function migrate() { throw new Error('cannot migrate'); }\n");
            write(dir.resolve("pack.yaml"), Files.readString(dir.resolve("pack.yaml")).replace("1.0.0", "2.0.0"));

            ReloadReport report = w.reload("live");

            assertThat(report.ok()).isFalse();
            assertThat(report.errors()).singleElement().asString().contains("in migrate").contains("cannot migrate");
            assertThat(ann.say("count")).isEqualTo("2");
            assertThat(w.scripts().packs().get("live").manifest().version()).isEqualTo("1.0.0");
        }
    }

    @Test
    void rollbackReturnsToThePreviousGeneration() {
        Path dir = pack();
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            write(dir.resolve("word.js"), "export const word = 'beta';\n");
            w.reload("live");
            assertThat(ann.say("word")).startsWith("beta");

            ReloadReport report = w.rollback("live");

            assertThat(report.ok()).isTrue();
            assertThat(report.generation()).isEqualTo(1);
            assertThat(ann.say("word")).startsWith("alpha");
            assertThat(w.rollback("live").ok()).as("nothing older than generation 1").isFalse();
        }
    }

    @Test
    void aPendingNamedTimerRunsTheNewCode() {
        Path dir = pack();
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            ann.send("later");
            write(dir.resolve("word.js"), "export const word = 'beta';\n");
            w.reload("live");
            w.advance(Duration.ofMinutes(61));
            assertThat(ann.transcript()).contains("beta later").doesNotContain("alpha later");
        }
    }

    @Test
    void aReloadThatClashesWithAnotherPacksCommandIsRefused() {
        Path dir = pack();
        TestPacks.pack(scripts, "other", Map.of("main.js", """
                export function register(pack) { pack.command({ name: 'mine', help: 'Mine.', run: (ctx) => ctx.reply('mine') }); }
                """));
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            write(dir.resolve("main.js"), MAIN.replace("name: 'count'", "name: 'mine'"));

            ReloadReport report = w.reload("live");

            assertThat(report.ok()).isFalse();
            assertThat(report.errors()).singleElement().asString().contains("'mine'").contains("other");
            assertThat(ann.say("word")).isEqualTo("alpha 1");
            assertThat(ann.say("count")).isEqualTo("1");
            assertThat(ann.say("mine")).isEqualTo("mine");
        }
    }

    @Test
    void aPackThatKeepsFailingIsQuarantinedAndAReloadReleasesIt() {
        Path dir = TestPacks.pack(scripts, "flaky", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'flake', help: 'Fails.', run: () => { throw new Error('flaked'); } });
                }
                """));
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            for (int i = 0; i <= QuarantinePolicy.defaults().maxFaults(); i++) {
                assertThat(ann.say("flake")).contains("flaked");
            }
            assertThat(w.scripts().packs().get("flaky").quarantineReason()).contains("script errors");
            assertThat(ann.say("flake")).contains("unavailable").doesNotContain("flaked");
            assertThat(w.scripts().packs().get("flaky").hookStats()).singleElement()
                    .satisfies(h -> assertThat(h.faults()).isEqualTo(QuarantinePolicy.defaults().maxFaults() + 1));

            write(dir.resolve("main.js"), """
                    export function register(pack) {
                      pack.command({ name: 'flake', help: 'Fixed.', run: (ctx) => ctx.reply('fixed') });
                    }
                    """);
            assertThat(w.reload("flaky").ok()).isTrue();
            assertThat(w.scripts().packs().get("flaky").quarantineReason()).isNull();
            assertThat(ann.say("flake")).isEqualTo("fixed");
        }
    }

    @Test
    void theWorldIsClosedToModuleCodeWhileAPackLoads() {
        TestPacks.pack(scripts, "eager", Map.of("main.js", """
                let where = 'unknown';
                try { game.entity('test:hall'); where = 'open'; } catch (e) { where = e.message; }
                export function register(pack) {
                  pack.command({ name: 'where', help: 'Where.', run: (ctx) => ctx.reply(where) });
                }
                """));
        try (TestWorld w = world()) {
            assertThat(w.join("Ann").say("where")).contains("not available while the pack loads");
        }
    }
}
