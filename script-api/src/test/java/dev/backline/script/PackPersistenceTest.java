package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.persist.StoredWorld;
import dev.backline.persist.WorldRestore;
import dev.backline.session.OutboundEvent;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.testing.RecordingChannel;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.PackStateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack's state store, pending timers and repeating jobs across a restart: the shard is stored as the
 * write-behind would store it ({@link StoredWorld}) and restored into a fresh one by {@link WorldRestore},
 * then the packs load again, as at start-up. Game time moves by ticks, so nothing here waits.
 */
class PackPersistenceTest {
    private static final String PACK = "keeper";
    private static final EntityId ANN = EntityId.of("player:ann");
    private static final Engine ENGINE = ScriptRuntime.newEngine();
    /** 1 real second is 1 game minute at 10 ticks a second: a tick is 6 s of game time. */
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-01-02T00:00:00Z");

    private static final String MAIN = """
            export function register(pack) {
              pack.command({ name: 'count', help: 'Counts.', run: (ctx) => {
                game.setState('count', (game.state('count') ?? 0) + 1);
                ctx.reply(String(game.state('count')));
              }});
              pack.command({ name: 'ring', help: 'Rings later.', run: (ctx) => {
                ctx.reply(String(game.after(ctx.args, 'ring', { who: ctx.player, at: ctx.args })));
              }});
              pack.command({ name: 'unring', help: 'Cancels.', run: (ctx) => ctx.reply(String(game.cancel(Number(ctx.args)))) });
              pack.timer('ring', (d) => game.setState('rang', [...(game.state('rang') ?? []), d.at]));
              pack.every('1d', () => game.setState('daily', [...(game.state('daily') ?? []), new Date().toISOString()]));
            }
            """;

    @TempDir
    Path scripts;

    private Run run;

    /** One run of the engine: a shard with the packs loaded and Ann connected. */
    private record Run(Shard shard, ScriptRuntime runtime, RecordingChannel ann) {
        static Run start(Shard shard, Path scripts) {
            shard.presence().setStartRoom(EntityId.of("test:hall"));
            ScriptRuntime runtime = ScriptRuntime.onSharedEngine(shard, ScriptLimits.defaults()
                    .withCallBudget(Duration.ofSeconds(2)), ENGINE);
            runtime.loadAll(scripts);
            RecordingChannel ann = new RecordingChannel();
            shard.submit(s -> s.presence().connect(ANN, "Ann", ann));
            shard.tick();
            return new Run(shard, runtime, ann);
        }

        String say(String command) {
            ann.clear();
            shard.submit(s -> s.commandDispatch().run(ANN, "c", command));
            shard.tick();
            return ann.received().stream().filter(e -> e.type().equals("message")).map(OutboundEvent::text)
                    .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no answer to " + command + ": " + ann.received()));
        }

        void advanceTo(Instant gameTime) {
            while (shard.clock().now().isBefore(gameTime)) {
                shard.tick();
            }
        }

        Object state(String key) {
            return shard.packStates().get(PackStateKey.of(PACK, key)).orElse(null);
        }

        /** Stores the shard as a flush at the end of this tick would, stops, and starts again on what was stored. */
        Run restart(Path scripts) {
            Map<PackStateKey, Object> states = new HashMap<>();
            shard.packStates().all(PACK).forEach((k, v) -> states.put(PackStateKey.of(PACK, k), v));
            StoredWorld stored = new StoredWorld(Optional.of(shard.state()),
                    shard.world().all().stream().map(Entity::snapshot).toList(), states,
                    shard.packStates().version(PACK).map(v -> Map.of(PACK, v)).orElse(Map.of()),
                    shard.packTimers().of(PACK));
            runtime.close();
            Shard next = new Shard(ShardConfig.defaults());
            WorldRestore.restore(stored, next);
            return start(next, scripts);
        }
    }

    @AfterEach
    void stop() {
        if (run != null) {
            run.runtime().close();
        }
    }

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private Run start() {
        Shard shard = new Shard(ShardConfig.defaults());
        TestPacks.twoRooms(shard.world());
        return Run.start(shard, scripts);
    }

    @Test
    void theStateStoreIsTheShardsAndComesBackAfterARestart() {
        TestPacks.pack(scripts, PACK, Map.of("main.js", MAIN));
        run = start();
        run.say("count");
        assertThat(run.say("count")).isEqualTo("2");
        assertThat(run.shard().packStates().all(PACK)).containsEntry("count", 2L);
        assertThat(run.shard().packStates().version(PACK)).contains("1.0.0");

        run = run.restart(scripts);

        assertThat(run.say("count")).isEqualTo("3");
    }

    @Test
    void aPackUpdatedBetweenTwoRunsIsMigratedAtStartUpAndTheResultIsStored() throws IOException {
        Path dir = TestPacks.pack(scripts, PACK, Map.of("main.js", MAIN));
        run = start();
        run.say("count");
        run.say("count");
        Files.writeString(dir.resolve("pack.yaml"), "name: keeper\nversion: 2.0.0\napiVersion: 1\nentry: main.js\n");
        Files.writeString(dir.resolve("main.js"), MAIN + """
                export function migrate(from, to, state) {
                  return { count: state.count * 100, migrated: from + ' -> ' + to };
                }
                """);
        run.shard().packStates().drainDirty();

        run = run.restart(scripts);

        assertThat(run.shard().packStates().all(PACK)).containsEntry("count", 200L).containsEntry("migrated", "1.0.0 -> 2.0.0");
        assertThat(run.shard().packStates().version(PACK)).contains("2.0.0");
        assertThat(run.shard().packStates().drainDirty()).as("the migrated state is written behind")
                .contains(PackStateKey.of(PACK, "count"), PackStateKey.of(PACK, "migrated"));
        assertThat(run.shard().packStates().drainDirtyVersions()).containsExactly(PACK);
        assertThat(run.say("count")).isEqualTo("201");

        run = run.restart(scripts);
        assertThat(run.say("count")).as("migrated once, not at every start").isEqualTo("202");
    }

    @Test
    void aReloadStoresWhatMigrateReturned() throws IOException {
        Path dir = TestPacks.pack(scripts, PACK, Map.of("main.js", MAIN));
        run = start();
        run.say("count");
        run.shard().packStates().drainDirty();
        Files.writeString(dir.resolve("pack.yaml"), "name: keeper\nversion: 1.1.0\napiVersion: 1\nentry: main.js\n");
        Files.writeString(dir.resolve("main.js"), MAIN + "export function migrate(from, to, s) { return { total: s.count }; }\n");

        ReloadReport report = reload(run, PACK);

        assertThat(report.ok()).as(String.join("\n", report.errors())).isTrue();
        assertThat(run.shard().packStates().all(PACK)).isEqualTo(Map.of("total", 1L));
        assertThat(run.shard().packStates().drainDirty()).containsExactlyInAnyOrder(
                PackStateKey.of(PACK, "count"), PackStateKey.of(PACK, "total"));
        assertThat(run.shard().packStates().version(PACK)).contains("1.1.0");
    }

    @Test
    void pendingTimersFireAfterARestartAtTheirGameTimeAndCanStillBeCancelled() {
        TestPacks.pack(scripts, PACK, Map.of("main.js", MAIN));
        run = start();
        run.say("ring 2h");
        long cancelled = Long.parseLong(run.say("ring 3h"));
        assertThat(run.shard().packTimers().of(PACK)).hasSize(2);
        run.advanceTo(START.plus(Duration.ofHours(1)));

        run = run.restart(scripts);

        assertThat(run.shard().packTimers().of(PACK)).hasSize(2);
        assertThat(run.say("unring " + cancelled)).isEqualTo("true");
        run.advanceTo(START.plus(Duration.ofMinutes(119)));
        assertThat(run.state("rang")).isNull();
        run.advanceTo(START.plus(Duration.ofHours(4)));
        assertThat(run.state("rang")).isEqualTo(List.of("2h"));
        assertThat(run.shard().packTimers().size()).isZero();
    }

    @Test
    void aDailyJobRestartedBeforeItsTimeRunsOnce() {
        TestPacks.pack(scripts, PACK, Map.of("main.js", MAIN));
        run = start();
        run.advanceTo(MIDNIGHT.minus(Duration.ofMinutes(30)));
        assertThat(run.state("daily")).isNull();

        run = run.restart(scripts);
        run.advanceTo(MIDNIGHT.plus(Duration.ofHours(12)));

        assertThat(run.state("daily")).isEqualTo(List.of("2026-01-02T00:00:00.000Z"));
    }

    @Test
    void aDailyJobRestartedAfterItsTimeIsNotRepeatedNorIsTheNextOneSkipped() {
        TestPacks.pack(scripts, PACK, Map.of("main.js", MAIN));
        run = start();
        run.advanceTo(MIDNIGHT.plus(Duration.ofMinutes(30)));
        assertThat(run.state("daily")).isEqualTo(List.of("2026-01-02T00:00:00.000Z"));

        run = run.restart(scripts);
        run.advanceTo(MIDNIGHT.plus(Duration.ofHours(23)));
        assertThat(run.state("daily")).as("not again after the restart").isEqualTo(List.of("2026-01-02T00:00:00.000Z"));
        run.advanceTo(MIDNIGHT.plus(Duration.ofHours(25)));
        assertThat(run.state("daily")).isEqualTo(List.of("2026-01-02T00:00:00.000Z", "2026-01-03T00:00:00.000Z"));
    }

    @Test
    void aDailyJobThatFiredInTheTickOfAStoreIsNotRepeatedAfterTheRestart() {
        TestPacks.pack(scripts, PACK, Map.of("main.js", MAIN));
        run = start();
        run.advanceTo(MIDNIGHT.minus(Duration.ofSeconds(6)));
        // A durable commit stores the shard while commands run; the tick's timers run before its commands, so
        // midnight's job has fired and is stored with the state it wrote.
        Run[] after = new Run[1];
        Shard before = run.shard();
        before.submit(s -> after[0] = run.restart(scripts));
        before.tick();
        run = after[0];
        run.advanceTo(MIDNIGHT.plus(Duration.ofHours(1)));

        assertThat(run.state("daily")).as("once, at midnight before the restart, not again after it")
                .isEqualTo(List.of("2026-01-02T00:00:00.000Z"));
    }

    private static ReloadReport reload(Run run, String pack) {
        var result = run.runtime().reload(pack, "test");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!result.isDone() && System.nanoTime() < deadline) {
            run.shard().tick();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return result.join();
    }
}
