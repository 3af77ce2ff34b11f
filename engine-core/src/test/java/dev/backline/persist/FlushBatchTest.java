package dev.backline.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.shard.ShardState;
import dev.backline.timer.PackTimer;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlushBatchTest {
    private static final EntityId A = EntityId.of("test:a");
    private static final EntityId B = EntityId.of("test:b");
    private static final PackStateKey K = PackStateKey.of("pack", "k");

    private static EntitySnapshot version(EntityId id, long n) {
        return new EntitySnapshot(id, "thing", null, null, Set.of(), Map.of("v", n));
    }

    private static FlushBatch batch(long tick, Map<EntityId, EntitySnapshot> entities, Set<EntityId> removed) {
        return new FlushBatch(new ShardState(tick, tick * 100, tick), new HashMap<>(entities), new HashSet<>(removed),
                new HashMap<>(), new HashSet<>());
    }

    @Test
    void theNewerVersionOfAnEntityWins() {
        FlushBatch merged = batch(1, Map.of(A, version(A, 1), B, version(B, 1)), Set.of())
                .followedBy(batch(2, Map.of(A, version(A, 2)), Set.of()));

        assertThat(merged.entities()).containsOnly(Map.entry(A, version(A, 2)), Map.entry(B, version(B, 1)));
        assertThat(merged.shardState().tick()).isEqualTo(2);
        assertThat(merged.rows()).as("two entities and the shard state").isEqualTo(3);
    }

    @Test
    void aRemovalAfterAWriteLeavesOnlyTheRemoval() {
        FlushBatch merged = batch(1, Map.of(A, version(A, 1)), Set.of()).followedBy(batch(2, Map.of(), Set.of(A)));

        assertThat(merged.entities()).isEmpty();
        assertThat(merged.removedEntities()).containsExactly(A);
    }

    @Test
    void aWriteAfterARemovalLeavesOnlyTheWrite() {
        FlushBatch merged = batch(1, Map.of(), Set.of(A)).followedBy(batch(2, Map.of(A, version(A, 3)), Set.of()));

        assertThat(merged.removedEntities()).isEmpty();
        assertThat(merged.entities()).containsExactly(Map.entry(A, version(A, 3)));
    }

    @Test
    void packStateMergesTheSameWay() {
        FlushBatch first = new FlushBatch(new ShardState(1, 0, 0), Map.of(), Set.of(), new HashMap<>(Map.of(K, "one")), Set.of());
        FlushBatch removal = new FlushBatch(new ShardState(2, 0, 0), Map.of(), Set.of(), Map.of(), new HashSet<>(Set.of(K)));
        FlushBatch again = new FlushBatch(new ShardState(3, 0, 0), Map.of(), Set.of(), new HashMap<>(Map.of(K, "three")), Set.of());

        FlushBatch removed = first.followedBy(removal);
        assertThat(removed.packStates()).isEmpty();
        assertThat(removed.removedPackStates()).containsExactly(K);
        FlushBatch rewritten = removed.followedBy(again);
        assertThat(rewritten.packStates()).containsExactly(Map.entry(K, "three"));
        assertThat(rewritten.removedPackStates()).isEmpty();
    }

    @Test
    void mergingDoesNotChangeEitherBatch() {
        FlushBatch older = batch(1, Map.of(A, version(A, 1)), Set.of());
        FlushBatch newer = batch(2, Map.of(), Set.of(A));
        older.followedBy(newer);

        assertThat(older.entities()).containsKey(A);
        assertThat(newer.removedEntities()).containsExactly(A);
    }

    @Test
    void timersMergeLikeEntitiesAndTheNewestPackVersionWins() {
        PackTimer t1 = new PackTimer(1, "pack", "a", 10, null);
        PackTimer t2 = new PackTimer(2, "pack", "b", 20, null);
        FlushBatch first = new FlushBatch(new ShardState(1, 0, 0), Map.of(), Set.of(), Map.of(), Set.of(),
                Map.of("pack", "1.0"), Map.of(1L, t1, 2L, t2), Set.of());
        FlushBatch second = new FlushBatch(new ShardState(2, 0, 0), Map.of(), Set.of(), Map.of(), Set.of(),
                Map.of("pack", "2.0"), Map.of(), Set.of(1L, 3L));

        FlushBatch merged = first.followedBy(second);

        assertThat(merged.timers()).containsExactly(Map.entry(2L, t2));
        assertThat(merged.removedTimers()).containsExactlyInAnyOrder(1L, 3L);
        assertThat(merged.packVersions()).containsExactly(Map.entry("pack", "2.0"));
        assertThat(merged.rows()).isEqualTo(1 + 2 + 1 + 1);
    }
}
