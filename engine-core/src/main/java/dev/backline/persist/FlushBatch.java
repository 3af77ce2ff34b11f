package dev.backline.persist;

import dev.backline.shard.ShardState;
import dev.backline.timer.PackTimer;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one flush writes, in one transaction: the entities, pack state values and pending pack timers that
 * changed, those that were removed, the pack versions recorded, and the shard's time and RNG at the same
 * tick. Because all of it is taken at one tick boundary, the database always holds a consistent cut of the
 * world.
 *
 * <p>Immutable. The maps are taken over, not copied (the capture on the world thread must stay cheap), so
 * whoever builds a batch must not touch the maps afterwards.
 *
 * @param entities          changed entities by id, as they are now
 * @param removedEntities   entities removed since the last batch; disjoint from {@code entities}
 * @param packStates        changed pack state values
 * @param removedPackStates pack state keys removed; disjoint from {@code packStates}
 * @param packVersions      packs whose recorded version changed, with the version
 * @param timers            pack timers scheduled since the last batch, by id
 * @param removedTimers     pack timers that fired or were cancelled; disjoint from {@code timers}
 */
public record FlushBatch(ShardState shardState, Map<EntityId, EntitySnapshot> entities, Set<EntityId> removedEntities,
                         Map<PackStateKey, Object> packStates, Set<PackStateKey> removedPackStates,
                         Map<String, String> packVersions, Map<Long, PackTimer> timers, Set<Long> removedTimers) {
    public FlushBatch {
        Objects.requireNonNull(shardState, "shardState");
        entities = Collections.unmodifiableMap(entities);
        removedEntities = Collections.unmodifiableSet(removedEntities);
        packStates = Collections.unmodifiableMap(packStates);
        removedPackStates = Collections.unmodifiableSet(removedPackStates);
        packVersions = Collections.unmodifiableMap(packVersions);
        timers = Collections.unmodifiableMap(timers);
        removedTimers = Collections.unmodifiableSet(removedTimers);
    }

    /** A batch of entities and pack state only. */
    public FlushBatch(ShardState shardState, Map<EntityId, EntitySnapshot> entities, Set<EntityId> removedEntities,
                      Map<PackStateKey, Object> packStates, Set<PackStateKey> removedPackStates) {
        this(shardState, entities, removedEntities, packStates, removedPackStates, Map.of(), Map.of(), Set.of());
    }

    /** A batch that only carries the shard's time and RNG. */
    public static FlushBatch of(ShardState shardState) {
        return new FlushBatch(shardState, Map.of(), Set.of(), Map.of(), Set.of());
    }

    /** Rows this batch writes or deletes, the shard state row included. */
    public int rows() {
        return entities.size() + removedEntities.size() + packStates.size() + removedPackStates.size()
                + packVersions.size() + timers.size() + removedTimers.size() + 1;
    }

    /**
     * This batch followed by a newer one, as one batch: per entity, pack state key and timer the newer change
     * wins, whether it is a write or a removal; the shard state is the newer one. Writing the result has the
     * same effect as writing both in order.
     */
    public FlushBatch followedBy(FlushBatch newer) {
        Map<EntityId, EntitySnapshot> mergedEntities = new HashMap<>(entities);
        Set<EntityId> mergedRemoved = new HashSet<>(removedEntities);
        merge(mergedEntities, mergedRemoved, newer.entities, newer.removedEntities);
        Map<PackStateKey, Object> mergedStates = new HashMap<>(packStates);
        Set<PackStateKey> mergedStatesRemoved = new HashSet<>(removedPackStates);
        merge(mergedStates, mergedStatesRemoved, newer.packStates, newer.removedPackStates);
        Map<String, String> mergedVersions = new HashMap<>(packVersions);
        mergedVersions.putAll(newer.packVersions);
        Map<Long, PackTimer> mergedTimers = new HashMap<>(timers);
        Set<Long> mergedTimersRemoved = new HashSet<>(removedTimers);
        merge(mergedTimers, mergedTimersRemoved, newer.timers, newer.removedTimers);
        return new FlushBatch(newer.shardState, mergedEntities, mergedRemoved, mergedStates, mergedStatesRemoved,
                mergedVersions, mergedTimers, mergedTimersRemoved);
    }

    private static <K, V> void merge(Map<K, V> written, Set<K> removed, Map<K, V> newerWritten, Set<K> newerRemoved) {
        for (K key : newerRemoved) {
            written.remove(key);
            removed.add(key);
        }
        for (Map.Entry<K, V> e : newerWritten.entrySet()) {
            removed.remove(e.getKey());
            written.put(e.getKey(), e.getValue());
        }
    }
}
