package dev.backline.script.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.script.testing.ScriptTestResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JavaScript test API: declaring tests, hooks, async tests, matchers, the world handle, filters. */
class TestApiTest extends RunnerFixture {

    @Test
    void describeBeforeEachAndAfterEachNameAndWrapTheirTests() throws IOException {
        pack("demo", Map.of("tests/hooks.test.js", """
                export default (t) => {
                  t.beforeEach((w) => { w.join('Ann'); });
                  t.describe('in the hall', () => {
                    t.beforeEach((w) => { w.join('Bob'); });
                    t.afterEach((w) => { w.expect(w.entity('player:bob').container).toBe('test:hall'); });
                    t.test('both are here', (w) => {
                      w.expect(w.entity('player:ann').container).toBe('test:hall');
                      w.expect(w.entity('player:bob').container).toBe('test:hall');
                    });
                    t.test('bob walks off', (w) => {
                      w.move('player:bob', 'test:yard');
                    });
                  });
                  t.test('bob is not here', (w) => w.expect(w.entity('player:bob')).toBeNull());
                  t.skip('not yet', (w) => { throw new Error('never runs'); });
                };
                """));
        ScriptTestReport report = run();
        assertThat(report.results()).extracting(ScriptTestResult::name, ScriptTestResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("in the hall › both are here", Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("in the hall › bob walks off", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("bob is not here", Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("not yet", Status.SKIPPED));
        assertThat(named(report, "in the hall › bob walks off").line()).as("the afterEach's expect").isEqualTo(5);
        assertThat(report.skipped()).isEqualTo(1);
    }

    @Test
    void hooksApplyToTheWholeGroupOuterBeforesFirstInnerAftersFirst() throws IOException {
        pack("demo", Map.of("tests/order.test.js", """
                const log = [];
                export default (t) => {
                  t.afterEach(() => { log.push('outer after'); });
                  t.describe('g', () => {
                    t.test('order', () => { log.push('test'); });
                    t.afterEach(() => { log.push('inner after'); });
                    t.beforeEach(() => { log.push('inner before'); });
                  });
                  t.beforeEach(() => { log.push('outer before'); });
                  t.afterEach((w) => {
                    w.expect(log).toEqual(['outer before', 'inner before', 'test', 'inner after', 'outer after']);
                  });
                };
                """));
        ScriptTestResult r = named(run(), "g › order");
        assertThat(r.status()).as(r.message()).isEqualTo(Status.PASSED);
    }

    @Test
    void asyncTestsAreAwaited() throws IOException {
        pack("demo", Map.of("tests/async.test.js", """
                export default (t) => {
                  t.test('resolves', async (w) => { await null; w.expect(1).toBe(1); });
                  t.test('rejects', async (w) => {
                    await null;
                    w.expect(w.join('Ann').say('wave')).toBe('You bow.');
                  });
                  t.test('never settles', (w) => new Promise(() => {}));
                };
                """));
        ScriptTestReport report = run();
        assertThat(named(report, "resolves").status()).isEqualTo(Status.PASSED);
        assertThat(named(report, "rejects").line()).isEqualTo(5);
        assertThat(named(report, "never settles").message()).contains("never settled");
        assertThat(named(report, "never settles").line()).isEqualTo(7);
    }

    @Test
    void theMatchersPassAndFailAsDocumented() throws IOException {
        pack("demo", Map.of("tests/matchers.test.js", """
                export default (t) => {
                  t.test('matchers', (w) => {
                    const { expect } = w;
                    const fails = (f, message) => expect(f).toThrow(message);
                    expect(1).toBe(1);
                    fails(() => expect({ a: 1 }).toBe({ a: 1 }), 'use toEqual');
                    expect({ a: [1, { b: 2 }], c: undefined }).toEqual({ a: [1, { b: 2 }] });
                    fails(() => expect([1, 2]).toEqual([2, 1]), 'expected [1,2] to equal [2,1]');
                    expect({ type: 'room', payload: { id: 'x', exits: [] } }).toMatchObject({ payload: { id: 'x' } });
                    fails(() => expect({ a: 1 }).toMatchObject({ a: 2 }), 'to match');
                    expect('Station Plaza').toContain('Plaza');
                    expect([{ id: 1 }, { id: 2 }]).toContain({ id: 2 });
                    fails(() => expect(42).toContain('4'), 'toContain needs a string or an array');
                    expect('You wave.').toMatch(/^You w/);
                    expect('You wave.').toMatch('wave');
                    expect([1, 2, 3]).toHaveLength(3);
                    expect({ a: { b: 2 } }).toHaveProperty('a.b', 2);
                    fails(() => expect({ a: {} }).toHaveProperty('a.b'), "to have property \\"a.b\\"");
                    expect(3).toBeGreaterThan(2);
                    expect(3).toBeGreaterThanOrEqual(3);
                    expect(2).toBeLessThan(3);
                    expect(3).toBeLessThanOrEqual(3);
                    fails(() => expect('3').toBeGreaterThan(2), 'needs numbers');
                    expect(1).toBeTruthy();
                    expect('').toBeFalsy();
                    expect(null).toBeNull();
                    expect(undefined).toBeUndefined();
                    expect(0).toBeDefined();
                    expect(() => { throw new RangeError('too loud'); }).toThrow('loud');
                    expect(() => { throw new RangeError('too loud'); }).toThrow(/^too/);
                    expect(() => { throw new RangeError('too loud'); }).toThrow(RangeError);
                    fails(() => expect(() => 1).toThrow(), 'it did not throw');
                    expect(1).not.toBe(2);
                    expect('abc').not.toContain('d');
                    fails(() => expect('abc').not.toContain('b'), 'expected "abc" not to contain "b"');
                    expect(() => 1).not.toThrow();
                    fails(() => expect(1, 'the count').toBe(2), 'the count: expected 1 to be 2');
                  });
                };
                """));
        ScriptTestResult r = named(run(), "matchers");
        assertThat(r.status()).as(r.message() + " at line " + r.line()).isEqualTo(Status.PASSED);
    }

    @Test
    void theWorldHandleDrivesPlayersAndTheClock() throws IOException {
        pack("demo", Map.of("tests/world.test.js", """
                export default (t) => {
                  t.test('world', (w) => {
                    const ann = w.join('Ann');
                    w.expect(ann.id).toBe('player:ann');
                    const events = ann.send('wave');
                    w.expect(events).toEqual([{ type: 'message', text: 'You wave.', payload: null, requestId: events[0].requestId }]);
                    w.expect(ann.events('welcome')).toHaveLength(1);
                    w.expect(ann.transcript()).toContain('You wave.');
                    ann.clear();
                    w.expect(ann.events()).toEqual([]);
                    w.expect(ann.last()).toBeNull();
                    const before = w.now();
                    w.expect(w.advance('90m')).toBeGreaterThanOrEqual(before + 90 * 60000);
                    w.expect(Date.now()).toBe(w.now());
                    w.expect(w.tick(3)).toBe(w.tick(0));
                    const hat = w.spawn({ kind: 'item', container: 'test:hall', props: { name: 'hat' } });
                    w.expect(w.contents('test:hall', 'item').map((e) => e.id)).toEqual([hat]);
                    w.move(hat, 'test:yard');
                    w.expect(w.events('roomEnter').map((e) => e.data.entity)).toContain(hat);
                    w.expect(w.entity(hat)).toMatchObject({ kind: 'item', container: 'test:yard', props: { name: 'hat' } });
                    ann.leave();
                    w.expect(w.events('playerLeave')).toHaveLength(1);
                    w.expect(() => w.join('Ann Lee')).toThrow("w.join: 'name' must be");
                    w.expect(() => w.entity('nope')).toThrow("w.entity: 'id' must be an entity id");
                    w.expect(() => w.setProp('test:nowhere', 'a', 1)).toThrow("no entity 'test:nowhere'");
                  });
                };
                """));
        ScriptTestResult r = named(run(), "world");
        assertThat(r.status()).as(r.message() + " at line " + r.line()).isEqualTo(Status.PASSED);
    }

    @Test
    void reloadSwapsInANewGenerationOrReportsWhyNot() throws IOException {
        pack("demo", Map.of("main.js", """
                export function register(pack) {}
                export function check() {
                  if (game.entity('test:hall').props.locked) throw new Error('the hall is locked');
                }
                """, "tests/reload.test.js", """
                export default (t) => {
                  t.test('reload', (w) => {
                    const before = w.now();
                    w.expect(w.reload()).toEqual({ ok: true, generation: 2, errors: [] });
                    w.expect(w.now() - before, 'game time of a reload: one tick').toBe(6000);
                    w.setProp('test:hall', 'locked', true);
                    const refused = w.reload('demo');
                    w.expect(refused).toMatchObject({ ok: false, generation: 2 });
                    w.expect(refused.errors[0]).toContain('the hall is locked');
                    w.expect(w.faults().map((f) => f.hook)).toEqual(['check']);
                    w.expect(() => w.reload('nope')).toThrow("w.reload: no pack 'nope'");
                  });
                };
                """));
        ScriptTestResult r = named(run(), "reload");
        assertThat(r.status()).as(r.message() + " at line " + r.line()).isEqualTo(Status.PASSED);
    }

    @Test
    void aScriptErrorOfThePackFailsTheTestUnlessTheTestReadsIt() throws IOException {
        pack("demo", Map.of("tests/faults.test.js", """
                export default (t) => {
                  t.test('unexpected', (w) => { w.join('Ann').say('boom'); });
                  t.test('expected', (w) => {
                    w.expect(w.join('Ann').say('boom')).toContain("'boom' failed");
                    w.expect(w.faults().map((f) => f.location)).toEqual(['demo/main.js:4:64']);
                  });
                };
                """));
        ScriptTestReport report = run();
        ScriptTestResult unexpected = named(report, "unexpected");
        assertThat(unexpected.status()).isEqualTo(Status.FAILED);
        assertThat(unexpected.message()).contains("the pack reported a script error", "TypeError");
        assertThat(unexpected.failedAt().getFileName()).hasToString("main.js");
        assertThat(unexpected.line()).isEqualTo(4);
        ScriptTestResult expected = named(report, "expected");
        assertThat(expected.status()).as(expected.message()).isEqualTo(Status.PASSED);
    }

    @Test
    void aModuleThatCannotDeclareItsTestsIsOneFailure() throws IOException {
        pack("demo", Map.of(
                "tests/none.test.js", "export const nothing = 1;\n",
                "tests/syntax.test.js", "export default (t) => {\n  t.test('x', (w) => { w.expect(1).toBe(1) );\n};\n",
                "tests/twice.test.js", "export default (t) => { t.test('a', () => {}); t.test('a', () => {}); };\n",
                "tests/late.test.js", "let saved;\nexport default (t) => { saved = t; t.test('declares late', () => saved.test('b', () => {})); };\n"));
        ScriptTestReport report = run();
        assertThat(report.results()).filteredOn(r -> r.name().equals("(test file)")).extracting(ScriptTestResult::message)
                .anySatisfy(m -> assertThat(m).contains("must export default a function"))
                .anySatisfy(m -> assertThat(m).contains("SyntaxError"))
                .anySatisfy(m -> assertThat(m).contains("there is already a test named 'a'"));
        ScriptTestResult syntax = report.results().stream().filter(r -> r.message().contains("SyntaxError")).findFirst().orElseThrow();
        assertThat(syntax.location(scripts.toRealPath())).startsWith("demo/tests/syntax.test.js:2");
        assertThat(named(report, "declares late").message()).contains("tests can only be declared while");
    }

    @Test
    void theFilterSelectsByNameOrFile() throws IOException {
        pack("demo", Map.of(
                "tests/a.test.js", "export default (t) => { t.test('wave', () => {}); t.test('look', () => {}); };\n",
                "tests/b.test.js", "export default (t) => { t.test('sing', () => {}); };\n"));
        assertThat(run(b -> b.filter("wave")).results()).extracting(ScriptTestResult::name).containsExactly("wave");
        assertThat(run(b -> b.filter("b.test")).results()).extracting(ScriptTestResult::name).containsExactly("sing");
        assertThat(run(b -> b.filter("nothing")).results()).isEmpty();
    }

    @Test
    void testFilesAreFoundAnywhereButHiddenDirectoriesAndNodeModules() throws IOException {
        Path dir = pack("demo", Map.of(
                "a.test.js", "", "tests/deep/b.test.js", "", "node_modules/x/c.test.js", "", ".cache/d.test.js", "",
                "tests/helper.js", ""));
        assertThat(ScriptTestRunner.testFiles(dir)).containsExactly(dir.resolve("a.test.js"), dir.resolve("tests/deep/b.test.js"));
    }

    @Test
    void packsThatDoNotLoadAreReportedOnce() throws IOException {
        pack("demo", Map.of("tests/a.test.js", "export default (t) => { t.test('a', () => {}); t.test('b', () => {}); };\n"));
        Path broken = pack("broken", Map.of());
        Files.writeString(broken.resolve("main.js"), "export function register(pack) { pack.command(42); }\n");
        ScriptTestReport report = run();
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.message()).contains("the packs do not load", "broken");
        });
    }

    @Test
    void anUnknownPackIsRefused() throws IOException {
        pack("demo", Map.of());
        assertThatThrownBy(() -> run("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no pack 'nope'").hasMessageContaining("packs: demo");
        assertThat(run("demo").results()).isEmpty();
        assertThat(List.of("demo")).isEqualTo(ScriptTestRunner.builder(scripts).build().packs());
    }
}
