package dev.backline.world;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable copy of an entity, safe to hand to other threads (persistence, admin views). Its properties
 * keep the entity's order; taken from an entity, it shares the entity's immutable property map.
 */
public record EntitySnapshot(EntityId id, String kind, EntityId template, EntityId container,
                             Set<String> tags, Map<String, Object> properties) {
    public EntitySnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        tags = Set.copyOf(tags);
        properties = PropertyMap.copyOf(properties);
    }
}
