package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.log.LogContext;
import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Escape suite, part 6: what scripts hand to the API and how much they allocate. Only plain data crosses,
 * within bounds; tricks hidden in a payload (getters, proxies, toJSON, coercion hooks) run as the script's
 * own code under its budget, never as engine code; allocation bombs fail with a RangeError.
 */
class EscapeDataTest {
    private static final ScriptLimits TIGHT = new ScriptLimits(Duration.ofMillis(50), Duration.ofMillis(500));

    @TempDir
    Path scripts;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a function                  | () => game.setProp('player:mallory', 'loot', () => 1)                       | game.setProp: value is a function
            a nested function           | () => game.setProp('player:mallory', 'loot', { f() {} })                      | game.setProp: value.f is a function
            the facade itself           | () => game.setProp('player:mallory', 'loot', game)                          | game.setProp: value.entity is a function
            the registrar               | () => game.setState('loot', { r: registrar })                               | game.setState: value.r.command is a function
            a symbol                    | () => game.setProp('player:mallory', 'loot', Symbol('s'))                   | is not plain data: Symbol(s)
            NaN                         | () => game.setProp('player:mallory', 'loot', [NaN])                         | game.setProp: value[0] is NaN
            Infinity                    | () => game.setProp('player:mallory', 'loot', { n: -Infinity })              | game.setProp: value.n is -Infinity
            very deep nesting           | () => { let o = {}; for (let i = 0; i < 10000; i++) o = { o }; return game.setProp('player:mallory', 'loot', o); } | is nested deeper than 32 levels
            a cycle                     | () => { const o = {}; o.self = o; return game.setProp('player:mallory', 'loot', o); } | is nested deeper than 32 levels
            a huge array                | () => game.setProp('player:mallory', 'loot', new Array(200000).fill(1))     | has more than 100000 elements
            a sparse array of 2^32-1    | () => { const a = []; a[2 ** 32 - 2] = 1; return game.setProp('player:mallory', 'loot', a); } | has more than 100000 elements
            many arrays, 120000 elements | () => game.setProp('player:mallory', 'loot', Array.from({ length: 400 }, () => new Array(300).fill(0))) | has more than 100000 elements
            a throwing getter           | () => game.setProp('player:mallory', 'loot', { get a() { throw new Error('getter boom'); } }) | Error: getter boom
            a throwing Proxy trap       | () => game.setProp('player:mallory', 'loot', new Proxy({}, { ownKeys() { throw new Error('trap boom'); } })) | Error: trap boom
            a function in a payload     | () => game.send('player:mallory', 'message', 'hi', { click: () => 1 })     | game.send: payload.click is a function
            a function in timer data    | () => game.after('1s', 'nothing', { then() {} })                            | game.after: data.then is a function
            a payload that is no object | () => game.send('player:mallory', 'message', 'hi', [1, 2])                   | 'payload' must be an object
            """)
    void onlyBoundedPlainDataCrossesAndNothingIsStored(String what, String probe, String error) {
        ProbePack.write(scripts, Map.of("p", probe));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try p")).startsWith("blocked: ").contains(error);

            assertThat(w.shard().world().get(mallory.id()).property("loot")).isNull();
            assertThat(w.scripts().packs().get(ProbePack.NAME).stateSnapshot()).doesNotContainKey("loot");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void onlyOwnEnumerableStringKeysCrossSymbolsAndInheritedMembersStayBehind() {
        ProbePack.write(scripts, Map.of("p", """
                () => { const loot = Object.create({ inherited: 'proto' }, { hidden: { value: 'not enumerable' } });
                        loot.own = 1; loot[Symbol('secret')] = 2;
                        game.setProp('player:mallory', 'loot', loot);
                        return JSON.stringify(game.prop('player:mallory', 'loot')); }"""));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try p")).isEqualTo("ok: {\"own\":1}");
            assertThat(w.shard().world().get(mallory.id()).property("loot")).isEqualTo(Map.of("own", 1L));
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a getter that never returns      | () => game.setProp('player:mallory', 'loot', { get a() { for (;;) {} } })
            a Proxy whose ownKeys never ends | () => game.setProp('player:mallory', 'loot', new Proxy({}, { ownKeys() { for (;;) {} } }))
            a Proxy listing endless keys     | () => game.setState('loot', new Proxy({}, { ownKeys: () => Array.from({ length: 2 ** 31 - 1 }, (_, i) => 'k' + i) }))
            a toJSON that never returns      | () => game.log({ toJSON() { for (;;) {} } })
            a getter re-entering the API     | () => { const bad = { get a() { for (;;) { game.setProp('player:mallory', 'x', 1); } } }; game.setState('loot', bad); }
            """)
    void aTrickInsideAPayloadRunsAsTheScriptsOwnCodeUnderItsBudget(String what, String probe) {
        ProbePack.write(scripts, Map.of("p", probe));
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");
            ProbePack.warmUp(mallory);

            assertThat(mallory.say("run p")).contains("took too long and was stopped");

            assertThat(ProbePack.lastFault(w)).satisfies(f -> {
                assertThat(f.pack()).isEqualTo(ProbePack.NAME);
                assertThat(f.kind()).isEqualTo(ScriptFault.Kind.TIMEOUT);
            });
            assertThat(w.shard().world().get(mallory.id()).property("loot")).isNull();
            assertThat(mallory.say("try fine")).isEqualTo("ok: fine");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            an entity id   | () => game.entity({ toString() { for (;;) {} } })                   | game.entity: 'id' must be an entity id
            a property key | () => game.prop('player:mallory', { toString() { for (;;) {} } })  | game.prop: 'key' must be a string
            a delay        | () => game.after({ valueOf() { for (;;) {} } }, 'nothing')          | game.after: 'delay' must be a duration
            a boolean      | () => game.tag('player:mallory', 'x', { valueOf() { for (;;) {} } }) | game.tag: 'present' must be true or false
            a primitive    | () => game.isOnline({ [Symbol.toPrimitive]() { for (;;) {} } })    | game.isOnline: 'player' must be an entity id
            """)
    void theApiNeverCoercesAnArgumentSoACoercionHookNeverRuns(String what, String probe, String error) {
        ProbePack.write(scripts, Map.of("p", probe));
        try (TestWorld w = ProbePack.world(scripts, TIGHT)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try p")).startsWith("blocked: ").contains(error);
            assertThat(w.scripts().faults().recent()).as("nothing ran away").isEmpty();
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a string of 2^30 characters     | () => 'x'.repeat(2 ** 30).length | RangeError: Invalid string length
            an array of 2^32 elements       | () => new Array(2 ** 32)         | RangeError: Invalid array length
            an ArrayBuffer of 2^31 bytes    | () => new ArrayBuffer(2 ** 31)   | RangeError: Array buffer allocation failed
            a typed array of 2^28 doubles   | () => new Float64Array(2 ** 28)  | RangeError: Invalid typed array length
            """)
    void anAllocationBombIsARangeErrorAndTheContextSurvives(String what, String probe, String error) {
        ProbePack.write(scripts, Map.of("p", probe));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            mallory.say("run p");

            assertThat(ProbePack.lastFault(w)).satisfies(f -> {
                assertThat(f.kind()).isEqualTo(ScriptFault.Kind.ERROR);
                assertThat(f.message()).contains(error);
            });
            assertThat(mallory.say("try fine")).isEqualTo("ok: fine");
            Bystander.assertCarriesOn(w, mallory);
        }
    }

    @Test
    void aHugeLogMessageIsCutToOneBoundedLine() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(withPack(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("backline.script");
        logger.addHandler(capture);
        ProbePack.write(scripts, Map.of("p", "() => { game.log('x'.repeat(2 ** 22), { more: 'y'.repeat(2 ** 20) }); return 'logged'; }"));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try p")).isEqualTo("ok: logged");

            assertThat(records).filteredOn(r -> r.getMessage().contains("pack=" + ProbePack.NAME + " xxx")).singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).hasSizeLessThan(2100).endsWith("…"));
            Bystander.assertCarriesOn(w, mallory);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aHugeStringIsCutOrRefusedBeforeItCrossesSoTheCallStaysWithinItsBudget() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = capture(records);
        Logger logger = Logger.getLogger("backline.script");
        logger.addHandler(capture);
        ProbePack.write(scripts, Map.of(
                "log", "() => { game.log(BIG); return 'logged'; }",
                "console", "() => { console.log('big:', BIG); console.error(BIG, BIG); return 'logged'; }",
                "setProp", "() => game.setProp('player:mallory', 'loot', BIG)",
                "nested", "() => game.setState('loot', { list: [1, { text: BIG }] })",
                "key", "() => game.setProp('player:mallory', 'loot', BIG_KEY)",
                "reply", "() => game.tell('player:mallory', BIG)",
                "manySmall", "() => game.setState('loot', Array.from({ length: 100 }, () => BIG.slice(0, 60000)))"),
                "", "const BIG = 'x'.repeat(2 ** 17).repeat(2 ** 10); const BIG_KEY = { [BIG]: 1 };");
        // Building 2^27 characters (and hashing them as a key) takes GraalJS longer than TIGHT's load budget;
        // the calls keep its 50 ms.
        try (TestWorld w = ProbePack.world(scripts, TIGHT.withLoadBudget(Duration.ofSeconds(30)))) {
            TestPlayer mallory = w.join("Mallory");
            ProbePack.warmUp(mallory);

            SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(mallory.say("try log")).as("game.log").isEqualTo("ok: logged");
                soft.assertThat(mallory.say("try console")).as("console.log").isEqualTo("ok: logged");
                soft.assertThat(mallory.say("try setProp")).as("game.setProp").isEqualTo("blocked: RangeError: game.setProp: "
                        + "value is a string of 134217728 characters; at most " + GuestData.MAX_STRING + " can be passed");
                soft.assertThat(mallory.say("try nested")).as("game.setState, deep inside")
                        .isEqualTo("blocked: RangeError: game.setState: value.list[1].text is a string of 134217728 characters; "
                                + "at most " + GuestData.MAX_STRING + " can be passed");
                soft.assertThat(mallory.say("try key")).as("a key").startsWith("blocked: RangeError: game.setProp: value key is a string");
                soft.assertThat(mallory.say("try reply")).as("game.tell").isEqualTo("blocked: RangeError: game.send: 'text' "
                        + "is a string of 134217728 characters; at most " + GuestData.MAX_STRING + " can be passed");
                soft.assertThat(mallory.say("try manySmall")).as("strings within the limit, too many in all")
                        .isEqualTo("blocked: RangeError: game.setState: value holds more than " + GuestData.MAX_TEXT
                                + " characters of text in all");
                soft.assertThat(w.scripts().faults().recent()).as("no call ran past its budget")
                        .noneMatch(f -> f.kind() == ScriptFault.Kind.TIMEOUT);
                soft.assertThat(records).as("every line the big string reached the log in is cut")
                        .filteredOn(r -> r.getMessage().contains("pack=" + ProbePack.NAME + " "))
                        .hasSize(3)
                        .allSatisfy(r -> assertThat(r.getMessage()).hasSizeLessThan(GuestConsole.MAX_LINE + 100).endsWith("…"));
            });
            assertThat(w.shard().world().get(mallory.id()).property("loot")).isNull();
            assertThat(w.scripts().packs().get(ProbePack.NAME).stateSnapshot()).doesNotContainKey("loot");
            Bystander.assertCarriesOn(w, mallory);
        } finally {
            logger.removeHandler(capture);
        }
    }

    /** The record's message after the pack its thread's log context names, as the log formats show it. */
    private static LogRecord withPack(LogRecord record) {
        return new LogRecord(record.getLevel(), "pack=" + LogContext.current().pack() + " " + record.getMessage());
    }

    private static Handler capture(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(withPack(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
