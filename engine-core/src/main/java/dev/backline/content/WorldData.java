package dev.backline.content;

import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, validated world: its zones and rooms and where new players appear.
 *
 * <pre>{@code
 * WorldData data = WorldDataLoader.load(Path.of("world-data"));
 * data.populate(shard.world());
 * shard.presence().setStartRoom(data.startRoom());
 * }</pre>
 */
public record WorldData(String name, EntityId startRoom, List<ZoneData> zones, List<RoomData> rooms) {

    public WorldData {
        ZoneData.requireText(name, "name");
        Objects.requireNonNull(startRoom, "startRoom");
        zones = List.copyOf(zones);
        rooms = List.copyOf(rooms);
        if (rooms.stream().noneMatch(r -> r.id().equals(startRoom))) {
            throw new IllegalArgumentException("start room '" + startRoom + "' is not one of the rooms");
        }
    }

    public Optional<RoomData> room(EntityId id) {
        return rooms.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * What {@link #reconcile} did: rooms created, and rooms whose declared content changed (not counting
     * maps whose keys were only put back in the declared order).
     */
    public record Reconciled(int added, int updated) {
    }

    /**
     * Brings a world restored from storage up to date with this world data. Rooms the data has and the world
     * lacks are created. For rooms both have, what the data declares wins: name, description, zone, exits,
     * each declared free property (in the declared order), and each declared tag (added). Properties and tags
     * the data does not mention, set by scripts at run time, are kept. Rooms the world has and the data no
     * longer declares are left alone: something may be inside them. World thread only.
     *
     * @throws IllegalArgumentException if an id of a room names an entity of another kind in the world
     */
    public Reconciled reconcile(World world) {
        int added = 0;
        int updated = 0;
        for (RoomData room : rooms) {
            EntitySpec spec = room.toSpec();
            Optional<Entity> existing = world.find(room.id());
            if (existing.isEmpty()) {
                world.create(spec);
                added++;
                continue;
            }
            Entity entity = existing.get();
            if (!entity.kind().equals(RoomData.KIND)) {
                throw new IllegalArgumentException(room.where() + ": room '" + room.id() + "' is a " + entity.kind()
                        + " in the stored world; rename the room or remove that entity");
            }
            boolean changed = false;
            for (Map.Entry<String, Object> e : spec.properties().entrySet()) {
                Object stored = entity.property(e.getKey());
                if (!sameInOrder(stored, e.getValue())) {
                    // Only the order differs when storage sorted the keys (jsonb does): put it back quietly.
                    changed |= !Objects.equals(stored, e.getValue());
                    world.setProperty(room.id(), e.getKey(), e.getValue());
                }
            }
            for (String tag : spec.tags()) {
                if (!entity.hasTag(tag)) {
                    world.tag(room.id(), tag, true);
                    changed = true;
                }
            }
            if (changed) {
                updated++;
            }
        }
        return new Reconciled(added, updated);
    }

    /** Equal, and maps list their keys in the same order (storage may have reordered them). */
    private static boolean sameInOrder(Object a, Object b) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> ia = ma.entrySet().iterator();
            for (Map.Entry<?, ?> eb : mb.entrySet()) {
                Map.Entry<?, ?> ea = ia.next();
                if (!ea.getKey().equals(eb.getKey()) || !sameInOrder(ea.getValue(), eb.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!sameInOrder(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    /**
     * Creates one entity per room in {@code world} (see {@link RoomData#toSpec()}). World thread only.
     *
     * @throws IllegalArgumentException if the world already holds an entity with one of the room ids
     */
    public void populate(World world) {
        for (RoomData room : rooms) {
            world.create(room.toSpec());
        }
    }
}
