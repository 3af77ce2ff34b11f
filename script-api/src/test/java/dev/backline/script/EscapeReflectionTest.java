package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.world.EntityId;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape suite, part 2: reflection through what the engine hands to scripts. {@code game}, the {@code pack}
 * registrar, command contexts, entity views and the exceptions the API throws must not lead to a Java
 * object, a Java class or the prelude's private {@code host} handle.
 */
class EscapeReflectionTest {
    @TempDir
    Path scripts;

    private String probe(Map<String, String> probes, String command) {
        ProbePack.write(scripts, probes);
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");
            String answer = mallory.say(command);
            Bystander.assertCarriesOn(w, mallory);
            return answer;
        }
    }

    @Test
    void gameHasNoGetClassNorClassMember() {
        assertThat(probe(Map.of("p", "() => [typeof game.getClass, typeof game.class, typeof game['class'], "
                + "typeof game.entity.getClass, typeof game.hashCode, typeof game.wait].join()"), "try p"))
                .isEqualTo("ok: undefined,undefined,undefined,undefined,undefined,undefined");
        assertThat(probe(Map.of("p", "() => game.getClass().forName('java.lang.Runtime')"), "try p"))
                .isEqualTo("blocked: TypeError: game.getClass is not a function");
    }

    @Test
    void gameIsAPlainFrozenObjectOfScriptFunctions() {
        assertThat(probe(Map.of("p", """
                () => [Object.getPrototypeOf(game) === Object.prototype, game.__proto__ === Object.prototype,
                       game.constructor === Object, Object.isFrozen(game),
                       Reflect.ownKeys(game).every((k) => typeof game[k] === 'function'
                           && Object.getPrototypeOf(game[k]) === Function.prototype),
                       Reflect.ownKeys(game).join(' ')].join()"""), "try p"))
                .isEqualTo("ok: true,true,true,true,true,entity contents prop setProp tag move spawn remove send tell toRoom "
                        + "online isOnline playersIn commands now tick after cancel state setState tunable role audit durable columns log");
    }

    @Test
    void theSourceOfAFacadeFunctionShowsOnlyThePreludeAndItsCallerIsUnreachable() {
        assertThat(probe(Map.of("p", "() => String(game.entity) + ' | ' + Function.prototype.toString.call(game.move)"), "try p"))
                .isEqualTo("ok: (id) => host.entity(id) | (id, to) => host.move(id, to)");
        assertThat(probe(Map.of("p", "() => game.entity.caller"), "try p"))
                .startsWith("blocked: TypeError: 'caller', 'callee', and 'arguments' properties may not be accessed");
    }

    @Test
    void theFacadeCannotBeReplacedExtendedOrReshaped() {
        Map<String, String> probes = Map.of(
                "assign", "() => { game.entity = () => ({ id: 'forged' }); }",
                "define", "() => Object.defineProperty(game, 'host', { value: 1 })",
                "delete", "() => delete game.log",
                "proto", "() => Object.setPrototypeOf(game, { evil: true })",
                "global", "() => { globalThis.game = { entity: () => 'forged' }; }",
                "redefine", "() => Object.defineProperty(globalThis, 'game', { value: {} })",
                "check", "() => String(Reflect.ownKeys(game).join() === KEYS_AT_LOAD) + ' ' + String(game.entity)");
        ProbePack.write(scripts, probes, "", "const KEYS_AT_LOAD = Reflect.ownKeys(game).join();");
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");
            for (String attempt : new String[] {"assign", "define", "delete", "proto", "global", "redefine"}) {
                assertThat(mallory.say("try " + attempt)).as(attempt).startsWith("blocked: TypeError: ");
            }
            assertThat(mallory.say("try check")).isEqualTo("ok: true (id) => host.entity(id)");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void theRegistrarHandedToRegisterIsAFrozenWrapperWithoutTheHostObject() {
        assertThat(probe(Map.of("p", """
                () => [Object.isFrozen(registrar), Reflect.ownKeys(registrar).join(' '), typeof registrar.getClass,
                       Object.getPrototypeOf(registrar) === Object.prototype, registrar.command.constructor === Function,
                       String(registrar.command)].join()"""), "try p"))
                .isEqualTo("ok: true,command on every timer tunable columns,undefined,true,true,(spec) => registrar.command(spec)");
    }

    @Test
    void anExceptionThrownByTheApiDoesNotOpenItsJavaObject() {
        ProbePack.write(scripts, Map.of(
                "catch", "() => { try { game.move('player:mallory', 42); } catch (e) { return e; } }",
                "getClass", "() => PROBES.catch().getClass().forName('java.lang.Runtime')",
                "members", """
                        () => { const e = PROBES.catch();
                                return [e instanceof Error, typeof e.cause, typeof e.getStackTrace, typeof e.printStackTrace,
                                        e.message].join(); }""",
                "stack", "() => PROBES.catch().stack",
                "asData", "() => game.setProp('player:mallory', 'loot', { e: PROBES.catch() })"));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try getClass")).startsWith("blocked: TypeError: ").contains("Unknown identifier: getClass");
            assertThat(mallory.say("try members"))
                    .isEqualTo("ok: true,undefined,undefined,undefined,game.move: 'to' must be an entity id like 'city:bar', was 42");
            assertThat(mallory.say("try stack")).as("no Java frames in the script's view of the stack")
                    .contains("main.js").doesNotContain("dev.backline").doesNotContain("java.");
            assertThat(mallory.say("try asData")).contains("game.setProp: value.e is a host object");
            assertThat(w.shard().world().get(EntityId.of("player:mallory")).property("loot")).isNull();
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void anEntityViewIsReadOnlyPlainDataAndWritingToItThrowsWithoutReachingTheWorld() {
        ProbePack.write(scripts, Map.of("p", """
                () => { const me = game.entity('player:mallory');
                        const tries = [() => { me.props.name = 'Admin'; }, () => me.tags.push('admin'),
                                       () => { me.container = 'test:yard'; }, () => { delete me.props.name; },
                                       () => Object.defineProperty(me, 'role', { value: 'admin' }),
                                       () => { Object.setPrototypeOf(me.props, { name: 'Admin' }); }];
                        const outcomes = tries.map((t) => { try { t(); return 'changed'; } catch (e) { return e.name; } });
                        return [...outcomes, Object.isFrozen(me.props), Object.getPrototypeOf(me) === Object.prototype,
                                Array.isArray(me.tags), typeof me.getClass,
                                game.entity('player:mallory').props.name, game.entity('player:mallory').container].join(); }"""));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try p")).isEqualTo("ok: " + "TypeError,".repeat(6) + "true,true,true,undefined,Mallory,test:hall");
            assertThat(w.shard().world().get(mallory.id()).tags()).doesNotContain("admin");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void theCommandContextIsFrozenAndItsCallerIsUnreachable() {
        ProbePack.write(scripts, Map.of(
                "ctx", "() => 'unused'"),
                """
                pack.command({ name: 'ctx', help: 'Looks at its context.', run: (ctx) => {
                  let forged = 'no';
                  try { ctx.player = 'player:admin'; forged = 'yes'; } catch (e) { forged = e.name; }
                  ctx.reply([Object.isFrozen(ctx), forged, typeof ctx.getClass, Object.getPrototypeOf(ctx) === Object.prototype].join());
                }});
                pack.command({ name: 'caller', help: 'Walks up the stack.', run: new Function('ctx',
                  'var c = arguments.callee.caller; ctx.reply("caller: " + (c == null ? "none" : String(c)));') });
                """, "");
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("ctx")).isEqualTo("true,TypeError,undefined,true");
            assertThat(mallory.say("caller")).as("a sloppy-mode handler cannot reach the engine's caller").isEqualTo("caller: none");
            Bystander.assertCarriesOn(w, mallory);
        }
    }
}
