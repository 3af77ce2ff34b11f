package dev.backline.content;

import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.PropertyValues;
import java.util.Map;
import java.util.Objects;

/**
 * An item a room's {@code items} list places in the world: an entity of kind {@value #KIND} made from a
 * template, lying in the room. Its id is derived from the room and the template
 * ({@code downtown:station-plaza/busted-acoustic}, then {@code ….2} for a second one), so a restarted
 * world recognises the items it already has and only puts back the ones that are gone.
 *
 * @param properties  the item's own properties, over the template's (e.g. a worse {@code condition})
 * @param where       the line of the placement in its rooms.yaml
 */
public record ItemPlacement(EntityId id, EntityId template, EntityId room, Map<String, Object> properties,
                            SourceLocation where) {
    /** The entity kind of items. */
    public static final String KIND = "item";

    @SuppressWarnings("unchecked")
    public ItemPlacement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(where, "where");
        properties = (Map<String, Object>) PropertyValues.freeze(properties);
    }

    /** What to create: kind {@value #KIND}, the template, the room as container, and the item's own properties. */
    public EntitySpec toSpec() {
        return EntitySpec.of(id, KIND).withTemplate(template).withContainer(room).withProperties(properties);
    }
}
