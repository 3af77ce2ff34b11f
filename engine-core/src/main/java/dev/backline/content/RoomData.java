package dev.backline.content;

import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.PropertyValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A room as declared in a zone's {@code rooms.yaml}, with every id resolved to its full form.
 *
 * @param id          the full room id, e.g. {@code downtown:main-street}
 * @param zone        the zone (directory) it was declared in
 * @param exits       direction word to target room, in file order
 * @param tags        lower-case words scripts can test for
 * @param properties  free JSON-compatible data for scripts
 * @param where       where the room starts in its file
 */
public record RoomData(EntityId id, String zone, String name, String description, Map<String, EntityId> exits,
                       Set<String> tags, Map<String, Object> properties, SourceLocation where) {
    /** The entity kind of every room. */
    public static final String KIND = "room";
    /** Property keys the room's own fields fill in, which its free {@code properties} may not use. */
    public static final Set<String> RESERVED_PROPERTIES = Set.of("name", "description", "zone", "exits");

    @SuppressWarnings("unchecked")
    public RoomData {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        ZoneData.requireText(name, "name");
        ZoneData.requireText(description, "description");
        Objects.requireNonNull(where, "where");
        exits = Collections.unmodifiableMap(new LinkedHashMap<>(exits));
        exits.forEach((dir, to) -> {
            if (Direction.of(dir).isEmpty()) {
                throw new IllegalArgumentException("unknown direction '" + dir + "'");
            }
            Objects.requireNonNull(to, "exit " + dir);
        });
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        properties = (Map<String, Object>) PropertyValues.freeze(properties);
        for (String key : properties.keySet()) {
            if (RESERVED_PROPERTIES.contains(key)) {
                throw new IllegalArgumentException("property '" + key + "' is reserved");
            }
        }
    }

    /**
     * What to create for this room: kind {@value #KIND}, its tags, its free properties, and the properties
     * {@code name}, {@code description}, {@code zone} and {@code exits} (direction to room id string).
     */
    public EntitySpec toSpec() {
        Map<String, Object> exitIds = new LinkedHashMap<>();
        exits.forEach((dir, to) -> exitIds.put(dir, to.value()));
        return EntitySpec.of(id, KIND)
                .withTags(tags)
                .withProperties(properties)
                .withProperty("name", name)
                .withProperty("description", description)
                .withProperty("zone", zone)
                .withProperty("exits", exitIds);
    }
}
