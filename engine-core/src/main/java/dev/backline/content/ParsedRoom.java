package dev.backline.content;

import dev.backline.world.EntityId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room as far as it could be read: fields that were missing or wrong are null (and reported). Becomes a
 * {@link RoomData} only once the whole world reads without problems.
 */
record ParsedRoom(EntityId id, String zone, String name, String description, List<Exit> exits,
                  Set<String> tags, Map<String, Object> properties, List<Placed> items, SourceLocation where) {

    /** One exit with the line it was declared on, for cross-reference messages. */
    record Exit(Direction direction, EntityId target, boolean oneWay, SourceLocation where) {
    }

    /** One entry of the room's {@code items} list: {@code count} items of {@code template}. */
    record Placed(EntityId template, int count, Map<String, Object> properties, SourceLocation where) {
    }

    RoomData toRoomData() {
        Map<String, EntityId> byDirection = new LinkedHashMap<>();
        for (Exit exit : exits) {
            byDirection.put(exit.direction().word(), exit.target());
        }
        return new RoomData(id, zone, name, description, byDirection, tags, properties, where);
    }
}
