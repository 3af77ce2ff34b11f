package dev.backline.shard;

import dev.backline.event.EventBus;
import dev.backline.event.GameEvent;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.World;
import dev.backline.world.WorldListener;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raises {@code roomExit} and {@code roomEnter} when something moves out of or into a room. */
final class RoomMoveEvents implements WorldListener {
    static final String ROOM = "room";
    private final World world;
    private final EventBus events;

    RoomMoveEvents(World world, EventBus events) {
        this.world = world;
        this.events = events;
    }

    @Override
    public void moved(Entity entity, EntityId from, EntityId to) {
        if (entity.kind().equals(ROOM)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entity", entity.id().value());
        data.put("kind", entity.kind());
        data.put("from", from == null ? null : from.value());
        data.put("to", to == null ? null : to.value());
        if (isRoom(from)) {
            events.publish(GameEvent.of("roomExit", data));
        }
        if (isRoom(to)) {
            events.publish(GameEvent.of("roomEnter", data));
        }
    }

    private boolean isRoom(EntityId id) {
        return id != null && world.find(id).map(e -> e.kind().equals(ROOM)).orElse(false);
    }
}
