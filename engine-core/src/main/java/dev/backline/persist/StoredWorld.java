package dev.backline.persist;

import dev.backline.shard.ShardState;
import dev.backline.timer.PackTimer;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link WorldStore} holds: every entity, every pack state value with the pack versions that shaped
 * them, the pending pack timers, and the shard's time and RNG as of the last flush (empty if nothing was
 * ever flushed).
 */
public record StoredWorld(Optional<ShardState> shardState, List<EntitySnapshot> entities,
                          Map<PackStateKey, Object> packStates, Map<String, String> packVersions,
                          List<PackTimer> timers) {
    public StoredWorld {
        Objects.requireNonNull(shardState, "shardState");
        entities = List.copyOf(entities);
        packStates = Map.copyOf(packStates);
        packVersions = Map.copyOf(packVersions);
        timers = List.copyOf(timers);
    }

    /** A stored world of entities and pack state only. */
    public StoredWorld(Optional<ShardState> shardState, List<EntitySnapshot> entities, Map<PackStateKey, Object> packStates) {
        this(shardState, entities, packStates, Map.of(), List.of());
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
