package dev.backline.shard;

import dev.backline.event.EventBus;
import dev.backline.event.GameEvent;
import dev.backline.session.OutboundEvent;
import dev.backline.session.PlayerChannel;
import dev.backline.session.Sessions;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Players coming and going: creates a player's entity on first arrival, places them in the world,
 * binds their channel, and raises {@code playerEnter} / {@code playerLeave}. World thread only.
 */
public final class PlayerPresence {
    public static final String PLAYER_KIND = "player";
    /** Where an offline player was when they left; they return there. */
    public static final String LAST_ROOM = "lastRoom";
    static final String NAME = "name";

    private final World world;
    private final Sessions sessions;
    private final EventBus events;
    private EntityId startRoom;

    PlayerPresence(World world, Sessions sessions, EventBus events) {
        this.world = world;
        this.sessions = sessions;
        this.events = events;
    }

    /** Where new players appear (and returning ones whose last room is gone). */
    /**
     * Who is connected and where, as plain data: {@code {id, name, room}} per player, in connection order.
     * World thread only.
     */
    public List<Map<String, Object>> online() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (EntityId id : sessions.online()) {
            Entity e = world.get(id);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", id.value());
            v.put("name", e.property("name"));
            v.put("room", e.container().map(EntityId::value).orElse(null));
            list.add(v);
        }
        return list;
    }

    public void setStartRoom(EntityId room) {
        if (!world.exists(room)) {
            throw new IllegalArgumentException("start room '" + room + "' does not exist");
        }
        this.startRoom = room;
    }

    /**
     * Connects a player: the channel first receives {@code welcome}, then everyone hears
     * {@code playerEnter}. A second connection of the same player replaces the first, whose channel is
     * closed with {@code session_replaced}.
     *
     * @throws IllegalArgumentException if {@code player} names an entity that is not a player
     */
    public void connect(EntityId player, String displayName, PlayerChannel channel) {
        if (startRoom == null) {
            throw new IllegalStateException("no start room is set: the world data did not load");
        }
        Entity entity = world.find(player).orElseGet(() -> world.create(
                EntitySpec.of(player, PLAYER_KIND).withProperty(NAME, displayName)));
        if (!entity.kind().equals(PLAYER_KIND)) {
            // Otherwise a bad id from an account would pull a room or an NPC into the start room.
            throw new IllegalArgumentException("cannot connect as '" + player + "': it is a " + entity.kind()
                    + ", not a " + PLAYER_KIND);
        }
        sessions.bind(player, channel).ifPresent(old -> {
            if (old != channel) {
                old.close("session_replaced", "you connected from somewhere else");
            }
        });
        boolean arriving = entity.container().isEmpty();
        if (arriving) {
            world.move(player, returnRoom(entity));
            world.setProperty(player, LAST_ROOM, null);
        }
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", player.value());
        me.put("name", entity.property(NAME));
        sessions.send(player, new OutboundEvent("welcome", null, Map.of("protocol", 1, "player", me), null));
        events.publish(GameEvent.of("playerEnter", presenceData(entity, arriving ? "login" : "reconnect")));
    }

    /** Disconnects a player if {@code channel} is still theirs; raises {@code playerLeave}. */
    public void disconnect(EntityId player, PlayerChannel channel) {
        if (!sessions.unbind(player, channel)) {
            return;
        }
        Entity entity = world.get(player);
        events.publish(GameEvent.of("playerLeave", presenceData(entity, "logout")));
        entity.container().ifPresent(room -> {
            world.setProperty(player, LAST_ROOM, room.value());
            world.move(player, null);
        });
    }

    /**
     * Ends a player's connection with {@code code} (e.g. {@code kicked}) and takes them out of the world now,
     * as a disconnect does; false if they are not connected.
     */
    public boolean kick(EntityId player, String code, String reason) {
        PlayerChannel channel = sessions.channel(player).orElse(null);
        if (channel == null) {
            return false;
        }
        channel.close(code, reason);
        disconnect(player, channel);
        return true;
    }

    private EntityId returnRoom(Entity entity) {
        Object last = entity.property(LAST_ROOM);
        if (last instanceof String s && EntityId.isValid(s) && world.exists(EntityId.of(s))) {
            return EntityId.of(s);
        }
        return startRoom;
    }

    private static Map<String, Object> presenceData(Entity entity, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("player", entity.id().value());
        data.put("name", entity.property(NAME));
        data.put("room", entity.container().map(EntityId::value).orElse(null));
        data.put("reason", reason);
        return data;
    }
}
