package dev.backline.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.persist.postgres.Database;
import dev.backline.persist.postgres.DatabaseConfig;
import dev.backline.persist.postgres.EmbeddedServer;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.shard.WorldThread;
import dev.backline.testing.Await;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.EntitySpec;
import dev.backline.world.PackStateKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for about ten seconds while the world is busy, on a real PostgreSQL of the test's
 * own (stopped and started again): the tick loop keeps going, durable commits fail cleanly meanwhile, and once
 * the database is back everything reaches it. {@code -Dbackline.outageSeconds=N} changes the length.
 */
class WriteBehindOutageIT {
    private static final EntityId ROOM = EntityId.of("test:room");
    private static final PackStateKey COUNTER = PackStateKey.of("test", "counter");
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("backline.outageSeconds", 10));

    private Path dir;
    private EmbeddedServer postgres;
    private Database database;
    private WorldThread worldThread;
    private WriteBehind persistence;

    @AfterEach
    void cleanUp() {
        if (worldThread != null) {
            worldThread.close();
        }
        if (persistence != null) {
            persistence.close();
        }
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
        TestDatabase.deleteTree(dir);
    }

    @Test
    void theWorldKeepsTickingWhileTheDatabaseIsAwayAndNothingIsMissingAfterwards() throws Exception {
        dir = Files.createTempDirectory("backline-outage");
        postgres = EmbeddedServer.start(dir.resolve("postgres"), false);
        database = Database.open(DatabaseConfig.at(postgres.jdbcUrl(), EmbeddedServer.USER, ""), dir);
        Shard shard = new Shard(ShardConfig.defaults().withTickRate(20));
        shard.world().create(EntitySpec.of(ROOM, "room"));
        persistence = WriteBehind.start(shard, database.worldStore(), WriteBehindConfig.defaults()
                .withFlushInterval(Duration.ofMillis(200))
                .withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(500)));
        shard.afterEachTick(() -> busyWorld(shard));
        worldThread = WorldThread.start(shard, "outage-world");

        Await.until("a first flush", () -> persistence.stats().flushes() >= 2);
        postgres.stop();
        Await.until("the writer to notice", () -> !persistence.available());
        CompletableFuture<Void> durable = worldThread.call(s -> persistence.commitDurable()).get(5, TimeUnit.SECONDS);
        assertThat(durable).as("a durable commit fails at once while the database is away").isCompletedExceptionally();

        List<Long> ticks = new ArrayList<>();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < outageEnds) {
            ticks.add(shard.stats().ticks());
            Thread.sleep(500);
        }
        ticks.add(shard.stats().ticks());
        assertThat(ticks).as("the tick count grew at every look during the outage").isSorted().doesNotHaveDuplicates();
        assertThat(persistence.stats().failedWrites()).isPositive();
        // Unmerged, every hand-over (each 4th tick) would bring its own room, counter and shard rows, and every
        // item twice (made, removed): about 2.75 rows a tick. Merged, the backlog holds each id once: one item
        // a tick, the 50 older items removed meanwhile, and a few.
        long outageTicks = ticks.getLast() - ticks.getFirst();
        assertThat(persistence.stats().backlogRows()).as("one row per changed id, not one per hand-over")
                .isLessThanOrEqualTo(outageTicks + 100);

        postgres.restart();
        Await.until("the backlog to be written", () -> persistence.available() && persistence.stats().backlogRows() == 0);
        CompletableFuture<Void> again = worldThread.call(s -> persistence.commitDurable()).get(5, TimeUnit.SECONDS);
        again.get(10, TimeUnit.SECONDS);

        worldThread.close();
        assertThat(persistence.closeAndReport()).isTrue();
        StoredWorld stored = database.worldStore().load();
        assertThat(byId(stored.entities())).isEqualTo(byId(shard.world().all().stream().map(Entity::snapshot).toList()));
        assertThat(stored.packStates()).containsEntry(COUNTER, shard.packStates().get(COUNTER).orElseThrow());
        assertThat(stored.shardState()).contains(shard.state());
    }

    /** Every tick: the room counts, an item appears, an older one goes, pack state moves on. */
    private static void busyWorld(Shard shard) {
        long tick = shard.currentTick();
        shard.world().setProperty(ROOM, "ticks", tick);
        shard.world().create(EntitySpec.of(EntityId.of("item:t" + tick), "item").withContainer(ROOM)
                .withProperty("madeAt", tick));
        EntityId old = EntityId.of("item:t" + (tick - 50));
        if (shard.world().exists(old)) {
            shard.world().remove(old);
        }
        shard.packStates().put(COUNTER, Map.of("tick", tick));
    }

    private static Map<EntityId, EntitySnapshot> byId(List<EntitySnapshot> entities) {
        return entities.stream().collect(Collectors.toMap(EntitySnapshot::id, Function.identity()));
    }
}
