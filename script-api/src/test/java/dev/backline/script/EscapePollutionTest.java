package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Escape suite, part 3: prototype pollution and redefinition of what the engine provides. The intrinsics
 * the prelude freezes cannot be changed; what is not frozen can be changed only inside the pack's own
 * context, never in another pack's; and the engine's {@code Math.random}, {@code Date} and {@code game}
 * stay the engine's.
 */
class EscapePollutionTest {
    @TempDir
    Path scripts;

    static Stream<Arguments> frozenIntrinsics() {
        return Stream.of(
                Arguments.of("Object.prototype property", "() => { Object.prototype.polluted = 1; }"),
                Arguments.of("Object.prototype via __proto__", "() => { ({}).__proto__.polluted = 1; }"),
                Arguments.of("Object.prototype accessor", "() => Object.defineProperty(Object.prototype, 'polluted', { get: () => 1 })"),
                Arguments.of("Object.prototype's prototype", "() => Object.setPrototypeOf(Object.prototype, { polluted: 1 })"),
                Arguments.of("facade's prototype", "() => { Object.getPrototypeOf(game).polluted = 1; }"),
                Arguments.of("Array.prototype property", "() => { Array.prototype.polluted = 1; }"),
                Arguments.of("Array.prototype iterator", "() => { Array.prototype[Symbol.iterator] = function* () { yield 'x'; }; }"),
                Arguments.of("Array.prototype.push", "() => { [].__proto__.push = () => 0; }"),
                Arguments.of("Function.prototype.call", "() => { Function.prototype.call = () => 'hijacked'; }"),
                Arguments.of("Function.prototype.apply", "() => { (() => 0).__proto__.apply = () => 'hijacked'; }"),
                Arguments.of("String.prototype", "() => { String.prototype.trim = () => 'hijacked'; }"),
                Arguments.of("Number.prototype", "() => { (1).__proto__.toFixed = () => 'hijacked'; }"),
                Arguments.of("Promise.prototype.then", "() => { Promise.prototype.then = () => 'hijacked'; }"),
                Arguments.of("Promise.resolve", "() => { Promise.resolve = () => 'hijacked'; }"),
                Arguments.of("Object.assign", "() => { Object.assign = () => ({}); }"),
                Arguments.of("Object.freeze", "() => { Object.freeze = (o) => o; }"),
                Arguments.of("Reflect.construct", "() => { Reflect.construct = () => ({}); }"),
                Arguments.of("JSON.stringify", "() => { JSON.stringify = () => 'hijacked'; }"),
                Arguments.of("Math.random", "() => { Math.random = () => 4; }"),
                Arguments.of("Math.random by defineProperty", "() => Object.defineProperty(Math, 'random', { value: () => 4 })"),
                Arguments.of("Date binding", "() => { Date = function () { return 4; }; }"),
                Arguments.of("Date by defineProperty", "() => Object.defineProperty(globalThis, 'Date', { value: {} })"),
                Arguments.of("Date.now", "() => { Date.now = () => 4; }"),
                Arguments.of("Date.prototype.getTime", "() => { Date.prototype.getTime = () => 4; }"),
                Arguments.of("Date.prototype.constructor", "() => { Date.prototype.constructor = function () {}; }"),
                Arguments.of("game binding", "() => { game = {}; }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frozenIntrinsics")
    void aFrozenIntrinsicCannotBeChangedAndTheEngineStaysTheEngine(String what, String attempt) {
        ProbePack.write(scripts, Map.of(
                "attempt", attempt,
                "engine", """
                        () => [String(Math.random).includes('host.random'), Date.now() === game.now(),
                               new Date().getTime() === game.now(), ({}).polluted, [].polluted, [...[1]].join(),
                               (1.25).toFixed(1), Object.isFrozen(game)].join()"""));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try attempt")).startsWith("blocked: TypeError: ");
            assertThat(mallory.say("try engine")).isEqualTo("ok: true,true,true,,,1,1.3,true");
            assertThat(mallory.say("try attempt")).as("the pack itself still runs").startsWith("blocked: TypeError: ");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    static Stream<Arguments> packLocalChanges() {
        return Stream.of(
                Arguments.of("Map.prototype.get", "() => { Map.prototype.get = () => 'hijacked'; return new Map().get(1); }"),
                Arguments.of("Error.prototype.toString", "() => { Error.prototype.toString = () => 'hijacked'; return String(new Error()); }"),
                Arguments.of("RegExp.prototype.test", "() => { RegExp.prototype.test = () => 'hijacked'; return /a/.test('b'); }"),
                Arguments.of("Symbol.for registry", "() => { Symbol.for('engine').description; Symbol.for = () => 'hijacked'; return Symbol.for('x'); }"),
                Arguments.of("a global variable", "() => { globalThis.leak = 'hijacked'; return leak; }"),
                Arguments.of("the Math binding", "() => { globalThis.Math = { random: () => 'hijacked' }; return Math.random(); }"),
                Arguments.of("the JSON binding", "() => { globalThis.JSON = { stringify: () => 'hijacked' }; return JSON.stringify({}); }"),
                Arguments.of("the Number binding", "() => { globalThis.Number = () => 'hijacked'; return Number('42'); }"),
                Arguments.of("the Object binding", "() => { globalThis.Object = { freeze: (o) => o, assign: () => ({}) }; return 'hijacked'; }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packLocalChanges")
    void whatIsNotFrozenChangesOnlyInsideThePacksOwnContext(String what, String change) {
        ProbePack.write(scripts, Map.of("change", change));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try change")).as("the change works inside the pack").isEqualTo("ok: hijacked");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void aReloadStartsTheNextGenerationWithCleanIntrinsics() throws IOException {
        Path dir = ProbePack.write(scripts, Map.of(
                "pollute", "() => { Map.prototype.get = () => 'hijacked'; globalThis.leak = 1; return new Map([[1, 'one']]).get(1); }",
                "look", "() => [new Map([[1, 'one']]).get(1), typeof globalThis.leak].join()"));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");
            assertThat(mallory.say("try pollute")).isEqualTo("ok: hijacked");
            Files.writeString(dir.resolve("extra.js"), "export const touched = true;\n");

            assertThat(w.reload(ProbePack.NAME).ok()).isTrue();

            assertThat(mallory.say("try look")).isEqualTo("ok: one,undefined");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void replacingTheObjectBindingDoesNotReachTheEnginesOwnCode() {
        // The prelude takes Object.assign, Object.freeze and the other built-ins it uses when it loads, so a
        // pack that replaces the global 'Object' changes what its own code sees, not the command contexts,
        // the copies of what it passes to the API, or the console the engine builds for it.
        ProbePack.write(scripts, Map.of(
                "replace", "() => { globalThis.Object = { freeze() { throw new TypeError('fake Object'); }, "
                        + "keys() { throw new TypeError('fake keys'); }, assign: () => ({ player: 'player:admin' }) }; "
                        + "return 'replaced'; }",
                "use", "() => { game.setProp('player:mallory', 'mood', { calm: true }); console.log('still', { here: 1 }); "
                        + "return JSON.stringify(game.prop('player:mallory', 'mood')); }"),
                "pack.command({ name: 'ctx-check', help: 'Looks at its context.', "
                        + "run: (ctx) => ctx.reply(ctx.player + ' ' + !Reflect.isExtensible(ctx)) });", "");
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");
            assertThat(mallory.say("try replace")).isEqualTo("ok: replaced");

            assertThat(mallory.say("try use")).isEqualTo("ok: {\"calm\":true}");
            assertThat(mallory.say("ctx-check")).isEqualTo("player:mallory true");
            assertThat(w.scripts().faults().recent()).as("nothing failed").isEmpty();
            Bystander.assertCarriesOn(w, mallory);
        }
    }
}
