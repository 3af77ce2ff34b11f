package dev.backline.persist;

import dev.backline.shard.Shard;
import dev.backline.shard.ShardState;
import dev.backline.timer.PackTimer;
import dev.backline.timer.PackTimers;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import dev.backline.world.PackStates;
import dev.backline.world.World;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed on a shard since the last capture, as the world thread takes it: immutable snapshots in
 * plain lists. Indexing them into a {@link FlushBatch} ({@link #toBatch()}) is left to the writer thread, so
 * the world thread's part of a flush is only to snapshot what changed.
 */
record ShardCapture(ShardState shardState, List<EntitySnapshot> entities, Set<EntityId> removedEntities,
                    Map<PackStateKey, Object> packStates, Set<PackStateKey> removedPackStates,
                    Map<String, String> packVersions, Map<Long, PackTimer> timers, Set<Long> removedTimers) {

    /** Takes what changed since the last capture. World thread only. */
    static ShardCapture take(Shard shard) {
        World.Changes changes = shard.world().drainChanges();
        PackStates states = shard.packStates();
        Set<PackStateKey> dirtyStates = states.drainDirty();
        Map<PackStateKey, Object> values = new HashMap<>(capacityFor(dirtyStates.size()));
        Set<PackStateKey> cleared = new HashSet<>();
        for (PackStateKey key : dirtyStates) {
            Optional<Object> value = states.get(key);
            if (value.isPresent()) {
                values.put(key, value.get());
            } else {
                cleared.add(key);
            }
        }
        Map<String, String> versions = new HashMap<>();
        for (String pack : states.drainDirtyVersions()) {
            states.version(pack).ifPresent(v -> versions.put(pack, v));
        }
        PackTimers timers = shard.packTimers();
        Set<Long> dirtyTimers = timers.drainDirty();
        Map<Long, PackTimer> scheduled = new HashMap<>(capacityFor(dirtyTimers.size()));
        Set<Long> gone = new HashSet<>();
        for (Long id : dirtyTimers) {
            Optional<PackTimer> timer = timers.get(id);
            if (timer.isPresent()) {
                scheduled.put(id, timer.get());
            } else {
                gone.add(id);
            }
        }
        return new ShardCapture(shard.state(), changes.changed(), changes.removed(), values, cleared, versions,
                scheduled, gone);
    }

    /** As a batch of {@link FlushBatch#rows()} rows. */
    int rows() {
        return entities.size() + removedEntities.size() + packStates.size() + removedPackStates.size()
                + packVersions.size() + timers.size() + removedTimers.size() + 1;
    }

    /** The batch to write; any thread. */
    FlushBatch toBatch() {
        Map<EntityId, EntitySnapshot> byId = new HashMap<>(capacityFor(entities.size()));
        for (EntitySnapshot e : entities) {
            byId.put(e.id(), e);
        }
        return new FlushBatch(shardState, byId, removedEntities, packStates, removedPackStates, packVersions, timers,
                removedTimers);
    }

    private static int capacityFor(int entries) {
        return (int) (entries / 0.75f) + 1;
    }
}
