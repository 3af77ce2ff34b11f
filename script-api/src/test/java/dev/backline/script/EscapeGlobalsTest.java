package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.session.OutboundEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Escape suite, part 1: the doors to the host that GraalJS opens by default (Java interop, polyglot
 * evaluation, file loading, threads, timers, Node.js globals) are not there, and the ways JavaScript has to
 * reach "the real global object" ({@code Function}, its async and generator relatives, indirect eval) lead
 * back to the pack's own sandboxed global.
 */
class EscapeGlobalsTest {
    @TempDir
    Path scripts;

    static Stream<Arguments> missingGlobals() {
        return Stream.of(
                Arguments.of("Java.type", "() => Java.type('java.lang.Runtime').getRuntime()", "ReferenceError: Java is not defined"),
                Arguments.of("Java.extend", "() => Java.extend(Object)", "ReferenceError: Java is not defined"),
                Arguments.of("Packages", "() => Packages.java.lang.System.exit(1)", "ReferenceError: Packages is not defined"),
                Arguments.of("java.lang", "() => java.lang.System.getenv()", "ReferenceError: java is not defined"),
                Arguments.of("javax", "() => javax.script.ScriptEngineManager", "ReferenceError: javax is not defined"),
                Arguments.of("Polyglot.eval", "() => Polyglot.eval('js', '1 + 1')", "ReferenceError: Polyglot is not defined"),
                Arguments.of("Polyglot.evalFile", "() => Polyglot.evalFile('js', '/etc/passwd')", "ReferenceError: Polyglot is not defined"),
                Arguments.of("Polyglot.import", "() => Polyglot.import('secret')", "ReferenceError: Polyglot is not defined"),
                Arguments.of("Polyglot.export", "() => Polyglot.export('game', game)", "ReferenceError: Polyglot is not defined"),
                Arguments.of("load(path)", "() => load('/etc/passwd')", "ReferenceError: load is not defined"),
                Arguments.of("load(source)", "() => load({ script: 'this', name: 'x.js' })", "ReferenceError: load is not defined"),
                Arguments.of("loadWithNewGlobal", "() => loadWithNewGlobal({ script: 'Java', name: 'x.js' })",
                        "ReferenceError: loadWithNewGlobal is not defined"),
                Arguments.of("Graal", "() => Graal.versionGraalVM", "ReferenceError: Graal is not defined"),
                Arguments.of("Worker", "() => new Worker('./main.js')", "ReferenceError: Worker is not defined"),
                Arguments.of("SharedArrayBuffer", "() => new SharedArrayBuffer(8)", "ReferenceError: SharedArrayBuffer is not defined"),
                Arguments.of("Atomics.wait", "() => Atomics.wait(new Int32Array(new ArrayBuffer(8)), 0, 0, 1000)",
                        "ReferenceError: Atomics is not defined"),
                Arguments.of("setInterval", "() => setInterval(() => 0, 1)", "ReferenceError: setInterval is not defined"),
                Arguments.of("queueMicrotask", "() => queueMicrotask(() => 0)", "ReferenceError: queueMicrotask is not defined"),
                Arguments.of("process", "() => process.exit(1)", "ReferenceError: process is not defined"),
                Arguments.of("require", "() => require('fs')", "ReferenceError: require is not defined"),
                Arguments.of("module", "() => module.exports", "ReferenceError: module is not defined"),
                Arguments.of("WebAssembly", "() => WebAssembly.compile(new Uint8Array(8))", "ReferenceError: WebAssembly is not defined"),
                Arguments.of("quit", "() => quit(1)", "ReferenceError: quit is not defined"),
                Arguments.of("Function('return Java')", "() => Function('return Java.type')()", "ReferenceError: Java is not defined"),
                Arguments.of("direct eval", "() => eval('Polyglot.eval(\"js\", \"1\")')", "ReferenceError: Polyglot is not defined"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingGlobals")
    void aHostGlobalIsNotThereTheModuleIsChargedAFaultAndTheRestGoesOn(String what, String probe, String error) {
        ProbePack.write(scripts, Map.of("p", probe));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            List<OutboundEvent> answer = mallory.send("run p");

            assertThat(answer).singleElement().satisfies(e -> {
                assertThat(e.payload()).containsEntry("code", "script_error");
                assertThat(e.text()).contains(error);
            });
            assertThat(ProbePack.lastFault(w)).satisfies(f -> {
                assertThat(f.pack()).isEqualTo(ProbePack.NAME);
                assertThat(f.kind()).isEqualTo(ScriptFault.Kind.ERROR);
                assertThat(f.hook()).isEqualTo("command 'run'");
                assertThat(f.guestStack()).as("the script's stack leads to the probe").contains("(main.js:");
                assertThat(f.message()).contains(error);
            });
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    /** Every way to "the real global" must arrive at the pack's own global, where the host doors are shut. */
    static Stream<Arguments> routesToTheGlobal() {
        return Stream.of(
                Arguments.of("Function constructor", "() => (function () {}).constructor('return this')()"),
                Arguments.of("this.constructor.constructor", "function () { return this.constructor.constructor('return this')(); }"),
                Arguments.of("game.constructor.constructor", "() => game.constructor.constructor('return this')()"),
                Arguments.of("async function constructor", "() => (async function () {}).constructor('return this')()"),
                Arguments.of("generator constructor", "() => (function* () {}).constructor('yield this')().next().value"),
                Arguments.of("async generator constructor",
                        "() => (async function* () {}).constructor('yield this')().next().then((r) => r.value)"),
                Arguments.of("indirect eval", "() => (0, eval)('this')"),
                Arguments.of("globalThis of a new Function", "() => new Function('return globalThis')()"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesToTheGlobal")
    void theRealGlobalIsThePacksOwnSandboxedGlobal(String what, String route) {
        ProbePack.write(scripts, Map.of(
                "route", route,
                "p", """
                        async () => {
                          const g = await PROBES.route();
                          return [g === globalThis, typeof g.Java, typeof g.Packages, typeof g.Polyglot, typeof g.load,
                                  typeof g.Graal, Object.isFrozen(g.game), g.Date === Date].join();
                        }"""));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("async p"))
                    .isEqualTo("ok: true,undefined,undefined,undefined,undefined,undefined,true,true");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void theJavaPackageGlobalsAreNeverCreated() {
        // Without host class lookup GraalJS makes no package globals at all; before, 'javafx' survived the
        // prelude's deny-list and only the lookup filter stopped it from loading a class.
        ProbePack.write(scripts, Map.of(
                "p", "() => new javafx.scene.control.Button()",
                "all", "() => ['Packages', 'java', 'javafx', 'javax', 'com', 'org', 'edu', 'net', 'Java', 'Graal', "
                        + "'print', 'printErr', 'load', 'arguments'].filter((n) => n in globalThis).join() || 'none'"));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try p")).isEqualTo("blocked: ReferenceError: javafx is not defined");
            assertThat(mallory.say("try all")).isEqualTo("ok: none");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    /** Standard JavaScript, plus what the engine adds on purpose: {@code game} and {@code console}. */
    private static final List<String> ALLOWED_GLOBALS = List.of(
            "Object", "Function", "Array", "String", "Date", "Number", "Boolean", "RegExp", "Math", "JSON", "NaN",
            "Infinity", "undefined", "isNaN", "isFinite", "parseFloat", "parseInt", "encodeURI", "encodeURIComponent",
            "decodeURI", "decodeURIComponent", "eval", "escape", "unescape", "Error", "EvalError", "RangeError",
            "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError", "ArrayBuffer", "Int8Array",
            "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array",
            "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "DataView", "BigInt", "Map", "Set",
            "WeakMap", "WeakSet", "Symbol", "Reflect", "Proxy", "Promise", "Iterator", "globalThis", "WeakRef",
            "FinalizationRegistry", "Intl", "console", "game");

    @Test
    void theGlobalObjectHoldsOnlyStandardJavaScriptGameAndConsole() {
        ProbePack.write(scripts, Map.of("p", "() => Reflect.ownKeys(globalThis).filter((k) => typeof k === 'string').join()"));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            String answer = mallory.say("try p");

            assertThat(answer).startsWith("ok: ");
            assertThat(List.of(answer.substring("ok: ".length()).split(",")))
                    .as("globals beyond standard JavaScript, game and console")
                    .isSubsetOf(ALLOWED_GLOBALS);
        }
    }
}
