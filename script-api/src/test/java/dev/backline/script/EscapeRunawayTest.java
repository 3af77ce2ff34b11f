package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Escape suite, part 5: code that does not stop. Whatever hook runs away (a command, an event handler, a
 * timer, a repeating handler, module evaluation, {@code register}, {@code check()}, a microtask chain, a
 * regular expression, an endless attempt to register), the watchdog stops it at its budget, the module is
 * charged a timeout, and the other packs and the tick loop carry on.
 */
class EscapeRunawayTest {
    private static final ScriptLimits TIGHT = new ScriptLimits(Duration.ofMillis(50), Duration.ofMillis(500));

    @TempDir
    Path scripts;

    private static void assertTimedOut(TestWorld w, String hook) {
        assertThat(ProbePack.lastFault(w)).satisfies(f -> {
            assertThat(f.pack()).isEqualTo(ProbePack.NAME);
            assertThat(f.kind()).isEqualTo(ScriptFault.Kind.TIMEOUT);
            assertThat(f.hook()).isEqualTo(hook);
            assertThat(f.message()).contains("used more than its budget of").contains("ms of CPU time");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            endless loop                 | () => { for (;;) {} }
            endless loop calling the API | () => { for (;;) { game.now(); game.entity('test:hall'); } }
            microtask chain              | () => { const again = () => Promise.resolve().then(again); again(); return 'scheduled'; }
            await loop                   | () => { (async () => { for (;;) { await null; } })(); return 'scheduled'; }
            catastrophic backtracking    | () => /^(a+)+\\1$/.test('a'.repeat(30) + '!')
            registering forever          | () => { for (;;) { try { registrar.on('tick', () => 0); } catch (e) { /* refused; again */ } } }
            """)
    void aRunawayCommandIsStoppedAtItsBudgetAndThePackKeepsWorking(String what, String probe) {
        ProbePack.write(scripts, Map.of("p", probe));
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");
            ProbePack.warmUp(mallory);
            List<String> commands = w.scripts().packs().get(ProbePack.NAME).commandNames();

            assertThat(mallory.send("run p")).last().satisfies(e -> {
                assertThat(e.payload()).containsEntry("code", "script_error");
                assertThat(e.text()).contains("took too long and was stopped");
            });

            assertTimedOut(w, "command 'run'");
            assertThat(mallory.say("try fine")).as("the same pack answers the next call").isEqualTo("ok: fine");
            assertThat(w.scripts().packs().get(ProbePack.NAME).commandNames()).isEqualTo(commands);
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void anEndlessEventHandlerIsStoppedAndThePlayerStillGetsIn() {
        ProbePack.write(scripts, Map.of(), "pack.on('playerEnter', () => { for (;;) {} });", "");
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");

            assertTimedOut(w, "on playerEnter");
            assertThat(w.shard().sessions().isOnline(mallory.id())).isTrue();
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void aMicrotaskChainStartedByAnEventHandlerIsStoppedWithIt() {
        ProbePack.write(scripts, Map.of(),
                "pack.on('playerEnter', () => { const again = () => Promise.resolve().then(again); again(); });", "");
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");

            assertTimedOut(w, "on playerEnter");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void anEndlessTimerIsStoppedWhenItFires() {
        ProbePack.write(scripts, Map.of("schedule", "() => game.after('1s', 'spin')"),
                "pack.timer('spin', () => { for (;;) {} });", "");
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");
            assertThat(mallory.say("try schedule")).startsWith("ok: ");

            w.advance(Duration.ofSeconds(2));

            assertTimedOut(w, "timer spin");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void anEndlessRepeatingHandlerIsQuarantinedAndTheTicksGoOn() {
        ProbePack.write(scripts, Map.of(), "pack.every('1s', () => { for (;;) {} });", "");
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");
            LoadedPack probe = w.scripts().packs().get(ProbePack.NAME);

            for (int i = 0; i < 20 && probe.quarantineReason() == null; i++) {
                w.advance(Duration.ofSeconds(1));
            }

            assertThat(probe.quarantineReason()).contains("ran past their budget");
            long timeouts = w.scripts().faults().recent().stream().filter(f -> f.kind() == ScriptFault.Kind.TIMEOUT).count();
            w.advance(Duration.ofSeconds(5));
            assertThat(w.scripts().faults().recent().stream().filter(f -> f.kind() == ScriptFault.Kind.TIMEOUT).count())
                    .as("a quarantined handler is no longer called").isEqualTo(timeouts);
            assertThat(mallory.say("try fine")).contains("unavailable right now");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            at module top level            | for (;;) {} export function register(pack) {}                                      | load
            in register                    | export function register(pack) { for (;;) {} }                                    | register
            in register, catching refusals | export function register(pack) { for (;;) { try { pack.on('tick', () => 0); } catch (e) {} } } | register
            in check()                     | export function register(pack) {} export function check() { for (;;) {} }        | check
            """)
    void aRunawayLoadIsStoppedAndTheRunningGenerationStays(String what, String main, String hook) throws IOException {
        Path dir = ProbePack.write(scripts, Map.of());
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");
            Files.writeString(dir.resolve("main.js"), main);

            ReloadReport report = w.reload(ProbePack.NAME);

            assertThat(report.ok()).isFalse();
            assertThat(report.generation()).isEqualTo(1);
            assertThat(String.join("\n", report.errors())).contains("in " + hook).contains("budget of 500 ms");
            assertThat(ProbePack.lastFault(w).kind()).isEqualTo(ScriptFault.Kind.TIMEOUT);
            assertThat(mallory.say("try fine")).as("the old generation still answers").isEqualTo("ok: fine");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void registeringWithoutEndIsCutOffAtTheRegistrationLimit() throws IOException {
        Path dir = ProbePack.write(scripts, Map.of());
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");
            Files.writeString(dir.resolve("main.js"), """
                    export function register(pack) {
                      for (let i = 0; ; i++) { pack.command({ name: 'c' + i, help: 'Floods.', run: () => 0 }); }
                    }
                    """);

            ReloadReport report = w.reload(ProbePack.NAME);

            assertThat(report.ok()).isFalse();
            assertThat(String.join("\n", report.errors()))
                    .contains("registered more than " + PackRegistrar.MAX_REGISTRATIONS + " things");
            assertThat(w.shard().commands().resolve("c0")).isEmpty();
            assertThat(mallory.say("try fine")).isEqualTo("ok: fine");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void handlersCannotRegisterAfterStartUp() {
        ProbePack.write(scripts, Map.of("schedule", "() => game.after('1s', 'late', { player: 'player:mallory' })"), """
                const attempts = () => [
                    () => registrar.command({ name: 'x', help: 'x', run: () => 0 }),
                    () => registrar.on('tick', () => 0),
                    () => registrar.every('1s', () => 0),
                    () => registrar.timer('t2', () => 0),
                  ].map((f) => { try { f(); return 'REGISTERED'; } catch (e) { return e.message; } }).join('\\n');
                pack.on('playerEnter', (e) => game.tell(e.player, attempts()));
                pack.timer('late', (d) => game.tell(d.player, attempts()));
                """, "");
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");
            mallory.say("try schedule");
            w.advance(Duration.ofSeconds(2));

            String transcript = mallory.transcript();
            assertThat(transcript).doesNotContain("REGISTERED");
            for (String verb : new String[] {"pack.command", "pack.on", "pack.every", "pack.timer"}) {
                assertThat(transcript.split("\n")).as(verb + " from an event handler and from a timer")
                        .filteredOn(line -> line.equals(verb + ": registering is only allowed while register(pack) runs"))
                        .hasSize(2);
            }
            assertThat(w.shard().commands().resolve("x")).isEmpty();
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void deepRecursionIsARangeErrorChargedToTheModuleAndTheContextSurvives() {
        ProbePack.write(scripts, Map.of(
                // The shallow RangeError first: creating an error for the first time at the very end of the stack
                // could itself run out of stack (see StackExhaustionTest), which is not what this case is about.
                "deep", "() => { try { new Array(-1); } catch (e) { /* warm */ } const down = (n) => down(n + 1) + 1; return down(0); }",
                "caught", "() => { const down = (n) => down(n + 1) + 1; try { return down(0); } catch (e) { return e.name + ' and on'; } }"));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.send("run deep")).last().satisfies(e -> assertThat(e.payload()).containsEntry("code", "script_error"));
            assertThat(ProbePack.lastFault(w)).satisfies(f -> {
                assertThat(f.kind()).isEqualTo(ScriptFault.Kind.ERROR);
                assertThat(f.message()).contains("RangeError: Maximum call stack size exceeded");
            });
            assertThat(mallory.say("try caught")).isEqualTo("ok: RangeError and on");
            assertThat(mallory.say("try fine")).isEqualTo("ok: fine");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void anAsyncHandlerThatRejectsIsChargedAFault() throws IOException {
        Path dir = ProbePack.write(scripts, Map.of("floating", "() => { Promise.reject(new Error('nobody catches me')); return 'started'; }"), """
                pack.command({ name: 'boom', help: 'Fails a moment later.', run: async () => { await null; throw new Error('async boom'); } });
                pack.on('playerEnter', async () => { throw new Error('async enter boom'); });
                pack.command({ name: 'caught', help: 'Fails and catches it.', run: async (ctx) => {
                  try { await Promise.reject(new Error('handled')); } catch (e) { ctx.reply('caught ' + e.message); } } });
                """, "");
        int throwLine = Files.readAllLines(dir.resolve("main.js")).stream().map(l -> l.contains("'async boom'")).toList().indexOf(true) + 1;
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.send("boom")).singleElement().satisfies(e -> {
                assertThat(e.payload()).containsEntry("code", "script_error");
                assertThat(e.text()).contains("async boom");
            });
            assertThat(w.scripts().faults().recent()).filteredOn(f -> f.pack().equals(ProbePack.NAME))
                    .extracting(ScriptFault::hook).contains("on playerEnter", "command 'boom'");
            assertThat(ProbePack.lastFault(w)).as("reported like a thrown error: where the error was made").satisfies(f -> {
                assertThat(f.kind()).isEqualTo(ScriptFault.Kind.ERROR);
                assertThat(f.file()).isEqualTo("main.js");
                assertThat(f.line()).isEqualTo(throwLine);
                assertThat(f.column()).isPositive();
                assertThat(f.message()).isEqualTo("Error: async boom");
            });
            assertThat(mallory.say("run floating")).as("a rejection nobody handles by the end of the call")
                    .contains("failed: Error: nobody catches me");
            assertThat(mallory.say("caught")).as("a handled rejection is no fault").isEqualTo("caught handled");

            for (int i = 0; i < QuarantinePolicy.defaults().maxFaults(); i++) {
                mallory.say("boom");
            }
            assertThat(w.scripts().packs().get(ProbePack.NAME).quarantineReason()).as("rejections count towards quarantine")
                    .contains("script errors");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void theCatastrophicRegexWithoutBackreferencesRunsLinearlyInTRegex() {
        // /(a+)+$/ backtracks exponentially in a backtracking engine; GraalJS's TRegex compiles it to an
        // automaton, so it answers at once (the generous test budget only absorbs the first compilation).
        ProbePack.write(scripts, Map.of("p", "() => [/(a+)+$/.test('a'.repeat(30) + '!'), /(a|aa)+$/.test('a'.repeat(40) + '!')].join()"));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("run p")).isEqualTo("ok: false,false");
            assertThat(w.scripts().faults().recent()).isEmpty();
            Bystander.assertCarriesOn(w, mallory);
        }
    }
}
