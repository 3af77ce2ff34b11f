package dev.backline.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.testing.Await;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.PackStateKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write-behind against an in-memory store; time is a fake clock the test moves by hand. */
class WriteBehindTest {
    private static final EntityId ROOM = EntityId.of("test:room");
    private static final EntityId LAMP = EntityId.of("test:lamp");
    private static final EntityId MUG = EntityId.of("test:mug");
    private static final long SECOND = 1_000_000_000L;

    private final Shard shard = new Shard(ShardConfig.defaults());
    private final MemoryStore store = new MemoryStore();
    private final AtomicLong now = new AtomicLong();
    private final WriteBehindConfig config = WriteBehindConfig.defaults()
            .withRetryDelays(Duration.ofMillis(1), Duration.ofMillis(5))
            .withShutdownTimeout(Duration.ofMillis(300));
    private final WriteBehind persistence = WriteBehind.start(shard, store, config, now::get);

    @AfterEach
    void stop() {
        store.release();
        store.comeBack();
        persistence.close();
    }

    private void tickAfter(long nanos) {
        now.addAndGet(nanos);
        shard.tick();
    }

    @Test
    void handsChangesOverOncePerFlushInterval() {
        shard.world().create(EntitySpec.of(ROOM, "room"));
        tickAfter(SECOND / 2);
        tickAfter(SECOND / 4);
        assertThat(store.written()).as("before the interval is over").isEmpty();

        tickAfter(SECOND / 4);
        store.await("the first flush", () -> store.written().size() == 1);
        FlushBatch first = store.written().getFirst();
        assertThat(first.entities()).containsOnlyKeys(ROOM);
        assertThat(first.shardState()).isEqualTo(shard.state());

        tickAfter(SECOND);
        store.await("the second flush", () -> store.written().size() == 2);
        assertThat(store.written().get(1).entities()).as("nothing changed since").isEmpty();
        assertThat(store.written().get(1).shardState().tick()).as("but the clock moved on").isEqualTo(4);
    }

    @Test
    void removalsAndPackStateAreWrittenToo() {
        shard.world().create(EntitySpec.of(ROOM, "room"));
        shard.world().create(EntitySpec.of(LAMP, "item").withContainer(ROOM));
        shard.packStates().put(PackStateKey.of("city", "day"), 3);
        tickAfter(SECOND);
        store.await("the first flush", () -> store.written().size() == 1);

        shard.world().remove(LAMP);
        shard.packStates().put(PackStateKey.of("city", "day"), null);
        tickAfter(SECOND);
        store.await("the second flush", () -> store.written().size() == 2);

        assertThat(store.load().entities()).extracting(e -> e.id()).containsExactly(ROOM);
        assertThat(store.load().packStates()).isEmpty();
    }

    @Test
    void whileTheStoreIsDownTheWorldKeepsTickingAndNothingIsLostWhenItReturns() {
        shard.world().create(EntitySpec.of(ROOM, "room"));
        shard.world().create(EntitySpec.of(MUG, "item").withContainer(ROOM));
        store.goDown();
        for (int i = 1; i <= 20; i++) {
            shard.world().setProperty(ROOM, "visits", i);
            tickAfter(SECOND);
        }
        shard.world().remove(MUG);
        tickAfter(SECOND);
        Await.until("three failed attempts", () -> persistence.stats().failedWrites() >= 3);
        assertThat(shard.currentTick()).isEqualTo(21);
        assertThat(persistence.available()).isFalse();
        Await.until("the writer to merge the batches: room, mug and shard state once each, not once per batch",
                () -> persistence.stats().backlogRows() == 3);

        store.comeBack();
        store.await("the backlog is written", () -> store.shardState().map(s -> s.tick() == 21).orElse(false));
        assertThat(store.entity(ROOM).orElseThrow().properties()).containsEntry("visits", 20L);
        assertThat(store.entity(MUG)).isEmpty();
        assertThat(store.written()).as("one merged write").hasSize(1);
        Await.until("the writer to record the success", persistence::available);
        assertThat(persistence.stats().backlogRows()).isZero();
    }

    @Test
    void aDurableCommitCompletesOnceStoredWithoutWaitingForTheInterval() throws Exception {
        shard.world().create(EntitySpec.of(ROOM, "room").withProperty("sold", 1));
        CompletableFuture<Void> stored = persistence.commitDurable();

        stored.get(10, TimeUnit.SECONDS);
        assertThat(store.entity(ROOM).orElseThrow().properties()).containsEntry("sold", 1L);
    }

    @Test
    void aDurableCommitFailsAtOnceWhileTheStoreIsDown() {
        shard.world().create(EntitySpec.of(ROOM, "room"));
        store.goDown();
        CompletableFuture<Void> first = persistence.commitDurable();
        assertThat(first).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(StoreUnavailableException.class);

        CompletableFuture<Void> second = persistence.commitDurable();
        assertThat(second).as("refused without a round trip").isCompletedExceptionally();

        store.comeBack();
        store.await("the change is written after all", () -> store.entity(ROOM).isPresent());
    }

    @Test
    void aSlowStoreNeverHoldsUpTheWorldThread() {
        store.hold();
        shard.world().create(EntitySpec.of(ROOM, "room"));
        for (int i = 0; i < 50; i++) {
            shard.world().setProperty(ROOM, "n", i);
            tickAfter(SECOND);
        }
        assertThat(shard.currentTick()).as("50 ticks with a write stuck").isEqualTo(50);
        assertThat(store.written()).isEmpty();

        store.release();
        store.await("everything written", () -> store.shardState().map(s -> s.tick() == 50).orElse(false));
        assertThat(store.entity(ROOM).orElseThrow().properties()).containsEntry("n", 49L);
        assertThat(store.written()).as("the first batch, then the rest merged").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void closingWritesWhatChangedSinceTheLastFlush() {
        shard.world().create(EntitySpec.of(ROOM, "room"));
        tickAfter(SECOND / 10);
        shard.world().setProperty(ROOM, "last", "words");

        assertThat(persistence.closeAndReport()).isTrue();
        assertThat(store.entity(ROOM).orElseThrow().properties()).containsEntry("last", "words");
        assertThat(store.shardState().orElseThrow().tick()).isEqualTo(1);
    }

    @Test
    void closingGivesUpAfterTheShutdownTimeoutWhenTheStoreStaysDown() {
        store.goDown();
        shard.world().create(EntitySpec.of(ROOM, "room"));

        assertThat(persistence.closeAndReport()).isFalse();
        assertThat(store.entity(ROOM)).isEmpty();
        assertThat(persistence.commitDurable()).isCompletedExceptionally();
    }

    @Test
    void theHandOverIsMeasured() {
        for (int i = 0; i < 1_000; i++) {
            shard.world().create(EntitySpec.of(EntityId.of("test:e" + i), "thing").withProperty("n", i));
        }
        tickAfter(SECOND);
        Await.until("the flush", () -> persistence.stats().flushes() == 1);

        WriteBehindStats stats = persistence.stats();
        assertThat(stats.lastHandoverNanos()).isPositive();
        assertThat(stats.flushes()).isEqualTo(1);
        assertThat(stats.rowsWritten()).isEqualTo(1_001);
    }
}
