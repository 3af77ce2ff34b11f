package dev.backline.persist;

import dev.backline.shard.Shard;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import dev.backline.world.PackStates;
import dev.backline.world.World;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Takes what changed since the last capture off a shard, as one batch. World thread only. */
final class ShardCapture {
    private ShardCapture() {
    }

    static FlushBatch capture(Shard shard) {
        World world = shard.world();
        Set<EntityId> dirty = world.drainDirty();
        Map<EntityId, EntitySnapshot> changed = new HashMap<>(capacityFor(dirty.size()));
        Set<EntityId> removed = new HashSet<>();
        for (EntityId id : dirty) {
            Optional<Entity> entity = world.find(id);
            if (entity.isPresent()) {
                changed.put(id, entity.get().snapshot());
            } else {
                removed.add(id);
            }
        }
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
        return new FlushBatch(shard.state(), changed, removed, values, cleared);
    }

    private static int capacityFor(int entries) {
        return (int) (entries / 0.75f) + 1;
    }
}
