package dev.backline.script.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.random.GameRandom;
import dev.backline.script.testing.ScriptTestResult.Status;
import dev.backline.shard.ShardConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The script test runner: outcomes, failure locations, budgets, isolation and the sandbox of test code. */
class ScriptTestRunnerTest extends RunnerFixture {
    @Test
    void aPassingTestPasses() throws IOException {
        Path dir = pack("demo", Map.of("tests/wave.test.js", """
                export default (t) => {
                  t.test('wave answers', (w) => {
                    const ann = w.join('Ann');
                    w.expect(ann.say('wave')).toBe('You wave.');
                    w.expect(ann.last('welcome').payload.player).toEqual({ id: 'player:ann', name: 'Ann' });
                    w.expect(w.entity('player:ann').container).toBe('test:hall');
                  });
                };
                """));
        ScriptTestReport report = run();
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.PASSED);
            assertThat(r.pack()).isEqualTo("demo");
            assertThat(r.name()).isEqualTo("wave answers");
            assertThat(r.file()).isEqualTo(dir.resolve("tests/wave.test.js"));
        });
        assertThat(report.summary()).isEqualTo("1 passed, 0 failed");
        assertThat(report.ok()).isTrue();
    }

    @Test
    void aFailingAssertionNamesTheLineAndColumnOfTheExpect() throws IOException {
        Path dir = pack("demo", Map.of("tests/wave.test.js", """
                export default (t) => {
                  t.test('wave is a dance', (w) => {
                    const ann = w.join('Ann');
                    w.expect(ann.say('wave')).toBe('You dance.');
                  });
                };
                """));
        ScriptTestResult r = named(run(), "wave is a dance");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.message()).isEqualTo("expected \"You wave.\" to be \"You dance.\"");
        assertThat(r.failedAt()).isEqualTo(dir.resolve("tests/wave.test.js"));
        assertThat(r.line()).isEqualTo(4);
        assertThat(r.column()).isEqualTo(5);
        assertThat(r.location(scripts.toRealPath())).isEqualTo("demo/tests/wave.test.js:4:5");
    }

    @Test
    void anAssertionInAHelperPointsAtTheTestLineThatCalledIt() throws IOException {
        pack("demo", Map.of("tests/check.js", """
                export function answers(w, player, command, expected) {
                  w.expect(player.say(command)).toBe(expected);
                }
                """, "tests/wave.test.js", """
                import { answers } from './check.js';
                export default (t) => {
                  t.test('through a helper', (w) => {
                    answers(w, w.join('Ann'), 'wave', 'You bow.');
                  });
                };
                """));
        ScriptTestResult r = named(run(), "through a helper");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.failedAt().getFileName()).hasToString("wave.test.js");
        assertThat(r.line()).isEqualTo(4);
    }

    @Test
    void aThrownErrorFailsTheTestWhereItWasThrown() throws IOException {
        pack("demo", Map.of("tests/throw.test.js", """
                export default (t) => {
                  t.test('throws', (w) => {
                    w.join('Ann');
                    throw new TypeError('the amp is unplugged');
                  });
                  t.test('bad argument to the world', (w) => {
                    w.advance('soon');
                  });
                };
                """));
        ScriptTestReport report = run();
        ScriptTestResult thrown = named(report, "throws");
        assertThat(thrown.message()).isEqualTo("TypeError: the amp is unplugged");
        assertThat(thrown.line()).isEqualTo(4);
        assertThat(thrown.column()).isEqualTo(11);
        ScriptTestResult bad = named(report, "bad argument to the world");
        assertThat(bad.message()).startsWith("w.advance: 'duration' must be a duration").endsWith("was 'soon'");
        assertThat(bad.line()).isEqualTo(7);
    }

    @Test
    void anEndlessLoopIsStoppedByTheBudgetAndTheNextTestsStillRun() throws IOException {
        pack("demo", Map.of("tests/loop.test.js", """
                export default (t) => {
                  t.test('loops in JavaScript', (w) => {
                    let i = 0;
                    while (true) { i++; }
                  });
                  t.test('loops through the world', (w) => {
                    for (;;) { w.tick(1000); }
                  });
                  t.test('runs afterwards', (w) => {
                    w.expect(w.join('Ann').say('wave')).toBe('You wave.');
                  });
                };
                """));
        ScriptTestReport report = run(b -> b.budget(Duration.ofMillis(300)));
        for (String name : List.of("loops in JavaScript", "loops through the world")) {
            ScriptTestResult r = named(report, name);
            assertThat(r.status()).as(name).isEqualTo(Status.FAILED);
            assertThat(r.message()).as(name).contains("ran past its budget of 300 ms and was stopped");
            assertThat(r.failedAt().getFileName()).hasToString("loop.test.js");
            assertThat(r.line()).as(name).isBetween(2, 7);
        }
        assertThat(named(report, "runs afterwards").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void aTestMaySetItsOwnBudget() throws IOException {
        pack("demo", Map.of("tests/loop.test.js", """
                export default (t) => {
                  t.test('loops', (w) => { for (;;) {} }, { timeout: 100 });
                };
                """));
        assertThat(named(run(), "loops").message()).contains("budget of 100 ms");
    }

    @Test
    void importsFromOutsideThePackAreRefused() throws IOException {
        pack("other", Map.of("main.js", "export function register(pack) {}\n", "secret.js", "export const secret = 42;\n"));
        pack("demo", Map.of("tests/static.test.js", """
                import { secret } from '../../other/secret.js';
                export default (t) => { t.test('reads a secret', (w) => w.expect(secret).toBe(42)); };
                """, "tests/dynamic.test.js", """
                export default (t) => {
                  t.test('imports a host file', async (w) => { await import('/etc/hostname'); });
                  t.test('imports another pack', async (w) => { await import('../../other/secret.js'); });
                };
                """));
        ScriptTestReport report = run("demo");
        assertThat(report.results()).hasSize(3).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.message()).containsAnyOf("outside the pack", "only files of the pack");
        });
        assertThat(report.results().stream().filter(r -> r.name().equals("(test file)")).toList()).hasSize(1);
    }

    @Test
    void testCodeLivesByTheSandboxRules() throws IOException {
        pack("demo", Map.of("tests/sandbox.test.js", """
                export default (t) => {
                  t.test('no way out', (w) => {
                    for (const name of ['Java', 'Packages', 'Polyglot', 'Graal', 'load', 'setTimeout', 'SharedArrayBuffer', 'game']) {
                      w.expect(typeof globalThis[name], name).toBe('undefined');
                    }
                    w.expect(() => (function () {}).constructor('return this')().Java.type('java.lang.System')).toThrow();
                    w.expect(() => { Object.prototype.polluted = 1; }).toThrow(TypeError);
                    w.expect(() => { Math.random = () => 4; }).toThrow(TypeError);
                    w.expect(Object.isFrozen(w)).toBe(true);
                  });
                };
                """));
        assertThat(named(run(), "no way out").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void eachTestGetsAFreshWorldAndAFreshModule() throws IOException {
        String test = """
                let runs = 0;
                export default (t) => {
                  for (const name of ['first', 'second']) {
                    t.test(name, (w) => {
                      runs++;
                      w.expect(runs).toBe(1);
                      w.expect(w.entity('player:ann')).toBeNull();
                      w.expect(w.entity('test:hall').props.visited).toBeUndefined();
                      w.expect(w.now()).toBe(START);
                      w.join('Ann');
                      w.setProp('test:hall', 'visited', true);
                      w.advance('1h');
                    });
                  }
                };
                """.replace("START", String.valueOf(ShardConfig.defaults().gameStart().toEpochMilli()));
        pack("demo", Map.of("tests/fresh.test.js", test));
        ScriptTestReport report = run();
        assertThat(report.results()).extracting(ScriptTestResult::status).containsExactly(Status.PASSED, Status.PASSED);
    }

    @Test
    void randomNumbersAreSeededPerTest() throws IOException {
        double first = GameRandom.seeded(ScriptTestRunner.DEFAULT_SEED).nextDouble();
        double seven = GameRandom.seeded(7).nextDouble();
        pack("demo", Map.of("tests/random.test.js", """
                export default (t) => {
                  t.test('default seed', (w) => w.expect(Math.random()).toBe(FIRST));
                  t.test('same again', (w) => w.expect(Math.random()).toBe(FIRST));
                  t.test('own seed', (w) => w.expect(Math.random()).toBe(SEVEN), { seed: 7 });
                  t.test('the world has its own sequence', (w) => w.expect(Number(w.join('Ann').say('roll'))).toBe(FIRST));
                };
                """.replace("FIRST", Double.toString(first)).replace("SEVEN", Double.toString(seven))));
        ScriptTestReport report = run();
        assertThat(report.results()).extracting(ScriptTestResult::status).containsOnly(Status.PASSED).hasSize(4);
        ScriptTestReport again = run();
        assertThat(again.results()).extracting(ScriptTestResult::message).isEqualTo(report.results().stream().map(ScriptTestResult::message).toList());
    }
}
