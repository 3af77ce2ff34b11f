package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What scripts must not be able to do. Each probe runs inside a command handler and reports what it
 * got; a probe that "succeeds" at an escape fails the test.
 */
class SandboxTest {
    @TempDir
    Path scripts;

    private TestWorld worldWithProbe() {
        TestPacks.pack(scripts, "probe", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'probe', help: 'Runs a probe.', run: (ctx) => {
                    let result;
                    try { result = 'ESCAPED: ' + String(PROBES[ctx.args]()); }
                    catch (e) { result = 'blocked: ' + (e && e.message); }
                    ctx.reply(result);
                  }});
                  pack.command({ name: 'async', help: 'Runs an async probe.', run: (ctx) => {
                    PROBES[ctx.args]().then(v => ctx.reply('ESCAPED: ' + String(v)), e => ctx.reply('blocked: ' + e.message));
                  }});
                }
                const PROBES = {
                  javaType: () => Java.type('java.lang.Runtime'),
                  packages: () => Packages.java.lang.System,
                  polyglotEval: () => Polyglot.eval('js', '1+1'),
                  polyglotImport: () => Polyglot.import('x'),
                  load: () => load('/etc/passwd'),
                  graal: () => Graal.versionJS,
                  functionCtorGlobal: () => { const g = (function () {}).constructor('return this')(); return g.Java.type('java.lang.System'); },
                  gameClass: () => game.getClass(),
                  gameEntityClass: () => game.entity.getClass().getName(),
                  constructorOfGame: () => game.constructor.constructor('return Java')().type('java.io.File'),
                  redefineRandom: () => { Math.random = () => 4; return Math.random(); },
                  redefineDate: () => { Date = null; return Date; },
                  redefineGame: () => { globalThis.game = null; return game; },
                  pollutePrototype: () => { Object.prototype.polluted = 1; return ({}).polluted; },
                  worker: () => new Worker('x.js'),
                  sharedArrayBuffer: () => new SharedArrayBuffer(8),
                  atomicsWait: () => Atomics.wait(new Int32Array(4), 0, 0, 10),
                  setTimeoutGlobal: () => setTimeout(() => 0, 1),
                  importHostFile: () => import('/etc/hostname'),
                  importParent: () => import('../../pom.xml'),
                  importOtherPack: () => import('../other/secret.js'),
                  importHttp: () => import('http://127.0.0.1/evil.js'),
                };
                """));
        TestPacks.pack(scripts, "other", Map.of("main.js", "export function register(pack) {}\n",
                "secret.js", "export const secret = 42;\n"));
        return TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "javaType", "packages", "polyglotEval", "polyglotImport", "load", "graal", "functionCtorGlobal",
            "gameClass", "gameEntityClass", "constructorOfGame", "redefineRandom", "redefineDate", "redefineGame",
            "pollutePrototype", "worker", "sharedArrayBuffer", "atomicsWait", "setTimeoutGlobal"})
    void synchronousEscapesAreBlocked(String probe) {
        try (TestWorld w = worldWithProbe()) {
            TestPlayer p = w.join("Mallory");
            assertThat(p.say("probe " + probe)).startsWith("blocked: ");
            assertThat(p.say("probe javaType")).as("the pack still works afterwards").startsWith("blocked: ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"importHostFile", "importParent", "importOtherPack", "importHttp"})
    void importsLeavingThePackAreRefused(String probe) {
        try (TestWorld w = worldWithProbe()) {
            TestPlayer p = w.join("Mallory");
            p.send("async " + probe);
            w.tick();
            assertThat(p.transcript()).contains("blocked: ").doesNotContain("ESCAPED");
        }
    }

    @Test
    void aStaticImportOfAHostFileFailsTheLoadWithAClearError() throws Exception {
        TestPacks.pack(scripts, "sneaky", Map.of("main.js", """
                import '../../pom.xml';
                export function register(pack) {}
                """));
        assertThatThrownBy(() -> TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build())
                .isInstanceOf(PackLoadException.class)
                .hasMessageContaining("sneaky")
                .hasMessageContaining("outside the pack");
    }

    @Test
    void aSymbolicLinkOutOfThePackIsRefused() throws Exception {
        Path pack = TestPacks.pack(scripts, "linker", Map.of("main.js", """
                import { x } from './escape.js';
                export function register(pack) {}
                """));
        Path outside = Files.writeString(scripts.resolve("outside.js"), "export const x = 1;\n");
        Files.createSymbolicLink(pack.resolve("escape.js"), outside);
        assertThatThrownBy(() -> TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build())
                .isInstanceOf(PackLoadException.class)
                .hasMessageContaining("outside the pack");
    }

    @Test
    void registeringAfterStartUpIsRefused() {
        TestPacks.pack(scripts, "late", Map.of("main.js", """
                let saved;
                export function register(pack) {
                  saved = pack;
                  pack.command({ name: 'more', help: 'Registers more.', run: (ctx) => {
                    try { saved.command({ name: 'x', help: 'x', run: () => 0 }); ctx.reply('ESCAPED'); }
                    catch (e) { ctx.reply('blocked: ' + e.message); }
                  }});
                }
                """));
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build()) {
            assertThat(w.join("Mallory").say("more")).startsWith("blocked: ").contains("only allowed while register");
        }
    }

    @Test
    void badArgumentsToTheApiNameTheCallAndTheParameter() {
        TestPacks.pack(scripts, "sloppy", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'bad', help: 'Bad call.', run: (ctx) => {
                    try { game.move(ctx.player, 42); } catch (e) { ctx.reply(e.message); }
                  }});
                }
                """));
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build()) {
            assertThat(w.join("Mallory").say("bad")).contains("game.move: 'to' must be an entity id");
        }
    }

    @Test
    void aCallWithTooFewOrTooManyArgumentsBehavesAsBefore() {
        // What the API does with another number of arguments than it takes, pinned so that a change to how the
        // prelude calls the host cannot change it unnoticed: a missing argument arrives undefined and is refused
        // by name, an extra one is ignored.
        TestPacks.pack(scripts, "counting", Map.of("main.js", """
                export function register(pack) {
                  const attempt = (f) => { try { return 'ok ' + f(); } catch (e) { return e.message; } };
                  pack.command({ name: 'count', help: 'Counts.', run: (ctx) => {
                    ctx.reply([attempt(() => game.entity(ctx.player).id), attempt(() => game.entity()),
                               attempt(() => game.entity(ctx.player, 'extra').id),
                               attempt(() => game.isOnline(ctx.player)), attempt(() => game.isOnline())].join(' | '));
                  }});
                }
                """));
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build()) {
            assertThat(w.join("Mallory").say("count"))
                    .isEqualTo("ok player:mallory | game.entity: 'id' must be an entity id like 'city:bar', was undefined"
                            + " | ok player:mallory | ok true"
                            + " | game.isOnline: 'player' must be an entity id like 'city:bar', was undefined");
        }
    }

    @Test
    void withoutTheDiagnosticsSwitchTheEngineRefusesTrufflesTracingOptions() {
        // The switch (-Dbackline.scriptDiagnostics=true) is off in tests, as in production.
        assertThat(ScriptSandbox.DIAGNOSTICS).isFalse();
        assertThatThrownBy(() -> org.graalvm.polyglot.Engine.newBuilder("js").sandbox(ScriptSandbox.policy())
                .out(java.io.OutputStream.nullOutputStream()).err(java.io.OutputStream.nullOutputStream())
                .option("engine.TraceCompilation", "true").build())
                .hasMessageContaining("engine.TraceCompilation");
    }
}
