package dev.backline.persist;

import dev.backline.shard.ShardState;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link WorldStore} holds: every entity, every pack state value, and the shard's time and RNG as of
 * the last flush (empty if nothing was ever flushed).
 */
public record StoredWorld(Optional<ShardState> shardState, List<EntitySnapshot> entities,
                          Map<PackStateKey, Object> packStates) {
    public StoredWorld {
        Objects.requireNonNull(shardState, "shardState");
        entities = List.copyOf(entities);
        packStates = Map.copyOf(packStates);
    }

    /** A store nothing was ever written to. */
    public static StoredWorld empty() {
        return new StoredWorld(Optional.empty(), List.of(), Map.of());
    }

    /** Whether there is no world to restore: the first start on this database. */
    public boolean isEmpty() {
        return entities.isEmpty();
    }
}
