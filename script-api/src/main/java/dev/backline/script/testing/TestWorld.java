package dev.backline.script.testing;

import dev.backline.event.GameEvent;
import dev.backline.script.ScriptLimits;
import dev.backline.script.ScriptRuntime;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.shard.WorldTask;
import dev.backline.world.EntityId;
import dev.backline.world.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An in-process world for tests, with a virtual clock: no server, no sleeping. Java tests and the
 * modders' script test runner use the same fixture.
 *
 * <pre>{@code
 * try (TestWorld w = TestWorld.builder().world(TestRooms::two).scripts(Path.of("scripts")).build()) {
 *     TestPlayer alice = w.join("Alice");
 *     assertThat(alice.say("look")).contains("Main Street");
 *     w.advance(Duration.ofHours(2));
 * }
 * }</pre>
 */
public final class TestWorld implements AutoCloseable {
    private final Shard shard;
    private final ScriptRuntime scripts;
    private final List<GameEvent> events = new ArrayList<>();

    private TestWorld(Shard shard, ScriptRuntime scripts) {
        this.shard = shard;
        this.scripts = scripts;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ShardConfig config = ShardConfig.defaults();
        // Generous by default so a cold start or a GC pause on a busy CI machine cannot fail a test of
        // behaviour; tests of the budget itself set their own.
        private ScriptLimits limits = ScriptLimits.defaults().withCallBudget(java.time.Duration.ofSeconds(2));
        private Consumer<World> worldBuilder = w -> { };
        private EntityId startRoom;
        private Path scriptsDir;
        private final List<String> recordedEvents = new ArrayList<>(List.of("playerEnter", "playerLeave", "roomEnter", "roomExit"));

        public Builder config(ShardConfig c) {
            this.config = c;
            return this;
        }

        public Builder limits(ScriptLimits l) {
            this.limits = l;
            return this;
        }

        /** Builds the rooms; the first room created is where players start unless {@link #startRoom} says otherwise. */
        public Builder world(Consumer<World> builder) {
            this.worldBuilder = builder;
            return this;
        }

        public Builder startRoom(EntityId room) {
            this.startRoom = room;
            return this;
        }

        /** A directory of packs (each a directory with pack.yaml); omit for a world without scripts. */
        public Builder scripts(Path dir) {
            this.scriptsDir = dir;
            return this;
        }

        public TestWorld build() {
            // Whatever the configuration says, a test world runs every queued command at the next tick however
            // slow the code: the task budget exists for real time, and a test must not depend on its machine.
            Shard shard = new Shard(config.withTaskBudgetPercent(100));
            worldBuilder.accept(shard.world());
            EntityId start = startRoom != null ? startRoom
                    : shard.world().all().stream().filter(e -> e.kind().equals("room")).map(e -> e.id()).sorted()
                            .findFirst().orElse(null);
            if (start != null) {
                shard.presence().setStartRoom(start);
            }
            ScriptRuntime runtime = ScriptRuntime.onSharedEngine(shard, limits, sharedEngine());
            TestWorld world = new TestWorld(shard, runtime);
            for (String name : recordedEvents) {
                shard.events().subscribe(name, world.events::add);
            }
            if (scriptsDir != null) {
                try {
                    runtime.loadAll(scriptsDir);
                } catch (RuntimeException e) {
                    runtime.close();
                    throw e;
                }
            }
            return world;
        }
    }

    private static org.graalvm.polyglot.Engine engine;

    /** One engine for every test world in the JVM, so parsed and compiled code is reused between tests. */
    static synchronized org.graalvm.polyglot.Engine sharedEngine() {
        if (engine == null) {
            engine = ScriptRuntime.newEngine();
        }
        return engine;
    }

    /** Connects a player (creating their character on first join) and runs a tick. */
    public TestPlayer join(String name) {
        EntityId id = EntityId.of("player:" + name.toLowerCase(Locale.ROOT));
        TestPlayer player = new TestPlayer(this, id, name);
        submit(s -> s.presence().connect(id, name, player));
        tick();
        return player;
    }

    public void submit(WorldTask task) {
        if (!shard.submit(task)) {
            throw new IllegalStateException("the test world's queue is full");
        }
    }

    public void tick() {
        shard.tick();
    }

    public void ticks(int n) {
        for (int i = 0; i < n; i++) {
            shard.tick();
        }
    }

    /** Runs ticks until at least {@code gameTime} of game time has passed. */
    public void advance(Duration gameTime) {
        long target = shard.clock().nowMillis() + gameTime.toMillis();
        while (shard.clock().nowMillis() < target) {
            shard.tick();
        }
    }

    /**
     * Reloads a pack as live-ops would, ticking until the world thread has swapped it in (or refused).
     */
    public dev.backline.script.ReloadReport reload(String pack) {
        return tickUntilDone(scripts.reload(pack, "test"));
    }

    /** Rolls a pack back to its previous generation, ticking until done. */
    public dev.backline.script.ReloadReport rollback(String pack) {
        return tickUntilDone(scripts.rollback(pack, "test"));
    }

    /** Ticks (the new generation is built on another thread, then swapped in by a world task) until done. */
    private <T> T tickUntilDone(java.util.concurrent.CompletableFuture<T> result) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!result.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reload did not finish within 60 s");
            }
            tick();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return result.join();
    }

    /** The engine events raised so far (playerEnter, playerLeave, roomEnter, roomExit). */
    public List<GameEvent> events() {
        return List.copyOf(events);
    }

    public Shard shard() {
        return shard;
    }

    public ScriptRuntime scripts() {
        return scripts;
    }

    @Override
    public void close() {
        scripts.close();
    }
}
