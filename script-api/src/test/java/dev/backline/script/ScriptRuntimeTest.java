package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.session.OutboundEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRuntimeTest {
    @TempDir
    Path scripts;

    private TestWorld world() {
        return TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build();
    }

    @Test
    void aModuleImportingASiblingRegistersACommandThatAnswersWithTheRequestId() {
        TestPacks.pack(scripts, "demo", Map.of(
                "main.js", """
                        import { greet } from './lib/greeting.js';
                        export function register(pack) {
                          pack.command({ name: 'hello', aliases: ['hi'], help: 'Say hello.', run: (ctx) => ctx.reply(greet(ctx.argv[0])) });
                        }
                        """,
                "lib/greeting.js", "export const greet = (who) => `Hello, ${who ?? 'stranger'}!`;\n"));
        try (TestWorld w = world()) {
            TestPlayer alice = w.join("Alice");
            List<OutboundEvent> answer = alice.send("hi Bob");
            assertThat(answer).extracting(OutboundEvent::text).containsExactly("Hello, Bob!");
            assertThat(answer.get(0).type()).isEqualTo("message");
            assertThat(answer.get(0).requestId()).isNotNull();
        }
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() {
        TestPacks.pack(scripts, "broken", Map.of(
                "main.js", "import './bad.js';\nexport function register(pack) {}\n",
                "bad.js", "const a = 1;\nconst b = ;\n"));
        assertThatThrownBy(this::world)
                .isInstanceOf(PackLoadException.class)
                .hasMessageContaining("broken/bad.js:2")
                .satisfies(e -> assertThat(((PackLoadException) e).faults())
                        .singleElement()
                        .satisfies(f -> {
                            assertThat(f.kind()).isEqualTo(ScriptFault.Kind.SYNTAX);
                            assertThat(f.file()).isEqualTo("bad.js");
                            assertThat(f.line()).isEqualTo(2);
                        }));
    }

    @Test
    void aRuntimeErrorInACommandNamesFileLineAndHookAndTheTickGoesOn() {
        TestPacks.pack(scripts, "oops", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'boom', help: 'Fails.', run: (ctx) => {
                    const x = undefined;
                    return x.field;
                  }});
                  pack.command({ name: 'ok', help: 'Works.', run: (ctx) => ctx.reply('fine') });
                }
                """));
        try (TestWorld w = world()) {
            TestPlayer alice = w.join("Alice");
            List<OutboundEvent> answer = alice.send("boom");
            assertThat(answer).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("error");
                assertThat(e.payload()).containsEntry("code", "script_error");
            });
            ScriptFault fault = w.scripts().faults().recent().getLast();
            assertThat(fault.toString()).startsWith("oops/main.js:4:").contains("in command 'boom'");
            assertThat(alice.say("ok")).isEqualTo("fine");
        }
    }

    @Test
    void anEndlessLoopIsInterruptedByTheWatchdogAndTheNextTickRuns() {
        TestPacks.pack(scripts, "loop", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'spin', help: 'Never ends.', run: () => { while (true) {} } });
                  pack.command({ name: 'ok', help: 'Works.', run: (ctx) => ctx.reply('still here') });
                }
                """));
        try (TestWorld w = TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts)
                .limits(ScriptLimits.defaults().withCallBudget(Duration.ofMillis(50))).build()) {
            TestPlayer alice = w.join("Alice");
            long tickBefore = w.shard().currentTick();
            List<OutboundEvent> answer = alice.send("spin");
            assertThat(answer).singleElement().satisfies(e -> {
                assertThat(e.payload()).containsEntry("code", "script_error");
                assertThat(e.text()).contains("took too long");
            });
            assertThat(w.scripts().faults().recent().getLast().kind()).isEqualTo(ScriptFault.Kind.TIMEOUT);
            assertThat(alice.say("ok")).isEqualTo("still here");
            assertThat(w.shard().currentTick()).isEqualTo(tickBefore + 2);
        }
    }

    @Test
    void mathRandomAndDateComeFromTheEngine() {
        TestPacks.pack(scripts, "time", Map.of("main.js", """
                export function register(pack) {
                  pack.command({ name: 'when', help: 'Time.', run: (ctx) => ctx.reply(String(Date.now() === game.now() && new Date().getTime() === game.now())) });
                  pack.command({ name: 'roll', help: 'Random.', run: (ctx) => ctx.reply(String(Math.random())) });
                }
                """));
        String first;
        try (TestWorld w = world()) {
            TestPlayer alice = w.join("Alice");
            assertThat(alice.say("when")).isEqualTo("true");
            first = alice.say("roll");
        }
        try (TestWorld w = world()) {
            assertThat(w.join("Alice").say("roll")).as("same seed, same roll").isEqualTo(first);
        }
    }

    @Test
    void eventsReachHandlersWithPlainData() {
        TestPacks.pack(scripts, "greeter", Map.of("main.js", """
                export function register(pack) {
                  pack.on('playerEnter', (e) => game.tell(e.player, `Welcome, ${e.name}, to ${game.entity(e.room).props.name}.`));
                  pack.on('roomEnter', (e) => game.toRoom(e.to, `${e.entity} arrives.`, { except: e.entity }));
                  pack.command({ name: 'north', help: 'Go north.', run: (ctx) => game.move(ctx.player, 'test:yard') });
                }
                """));
        try (TestWorld w = world()) {
            TestPlayer alice = w.join("Alice");
            assertThat(alice.transcript()).contains("Welcome, Alice, to Hall.");
            TestPlayer bob = w.join("Bob");
            bob.send("north");
            alice.send("north");
            assertThat(bob.transcript()).contains("player:alice arrives.");
            assertThat(alice.transcript()).doesNotContain("player:alice arrives.");
        }
    }

    @Test
    void namedTimersFireInGameTime() {
        TestPacks.pack(scripts, "timers", Map.of("main.js", """
                export function register(pack) {
                  pack.timer('ding', (data) => game.tell(data.who, 'ding ' + data.n));
                  pack.command({ name: 'wait', help: 'Wait.', run: (ctx) => game.after('1h', 'ding', { who: ctx.player, n: 7 }) });
                }
                """));
        try (TestWorld w = world()) {
            TestPlayer alice = w.join("Alice");
            alice.send("wait");
            w.advance(Duration.ofMinutes(59));
            assertThat(alice.transcript()).doesNotContain("ding");
            w.advance(Duration.ofMinutes(2));
            assertThat(alice.transcript()).contains("ding 7");
        }
    }
}
