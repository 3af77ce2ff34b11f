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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A loaded, validated world: its zones and rooms, where new players appear, the item templates of its
 * catalogues and the items its rooms start with.
 *
 * <pre>{@code
 * WorldData data = WorldDataLoader.load(Path.of("world-data"));
 * data.populate(shard.world());
 * shard.presence().setStartRoom(data.startRoom());
 * }</pre>
 */
public record WorldData(String name, EntityId startRoom, List<ZoneData> zones, List<RoomData> rooms,
                        List<ItemTemplateData> templates, List<ItemPlacement> items) {

    public WorldData {
        ZoneData.requireText(name, "name");
        Objects.requireNonNull(startRoom, "startRoom");
        zones = List.copyOf(zones);
        rooms = List.copyOf(rooms);
        templates = List.copyOf(templates);
        items = List.copyOf(items);
        if (rooms.stream().noneMatch(r -> r.id().equals(startRoom))) {
            throw new IllegalArgumentException("start room '" + startRoom + "' is not one of the rooms");
        }
        Set<EntityId> templateIds = templates.stream().map(ItemTemplateData::id).collect(Collectors.toSet());
        Set<EntityId> roomIds = rooms.stream().map(RoomData::id).collect(Collectors.toSet());
        for (ItemPlacement item : items) {
            if (!templateIds.contains(item.template()) || !roomIds.contains(item.room())) {
                throw new IllegalArgumentException(item.where() + ": item '" + item.id() + "' names a template or room "
                        + "that is not declared");
            }
        }
    }

    /** A world without items. */
    public WorldData(String name, EntityId startRoom, List<ZoneData> zones, List<RoomData> rooms) {
        this(name, startRoom, zones, rooms, List.of(), List.of());
    }

    public Optional<ItemTemplateData> template(EntityId id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<RoomData> room(EntityId id) {
        return rooms.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * What {@link #reconcile} did: rooms created, rooms whose declared content changed (not counting maps
     * whose keys were only put back in the declared order), item templates created or changed, and
     * declared items put (back) into their rooms.
     */
    public record Reconciled(int added, int updated, int templatesChanged, int itemsPlaced) {
    }

    /**
     * Brings a world restored from storage up to date with this world data. Rooms the data has and the world
     * lacks are created. For rooms both have, what the data declares wins: name, description, zone, exits,
     * each declared free property (in the declared order), and each declared tag (added). Properties and tags
     * the data does not mention, set by scripts at run time, are kept. Rooms the world has and the data no
     * longer declares are left alone: something may be inside them. Item templates are brought up to date
     * the same way. A declared item that is missing (never placed, or used up since) is put back in its
     * room; one that exists is left where it is, even in a player's pocket. World thread only.
     *
     * @throws IllegalArgumentException if an id of a room or template names an entity of another kind in the world
     */
    public Reconciled reconcile(World world) {
        int added = 0;
        int updated = 0;
        int templatesChanged = 0;
        int itemsPlaced = 0;
        for (RoomData room : rooms) {
            switch (update(world, room.toSpec(), room.where())) {
                case CREATED -> added++;
                case CHANGED -> updated++;
                case SAME -> { }
            }
        }
        for (ItemTemplateData template : templates) {
            if (update(world, template.toSpec(), template.where()) != Outcome.SAME) {
                templatesChanged++;
            }
        }
        for (ItemPlacement item : items) {
            if (!world.exists(item.id())) {
                world.create(item.toSpec());
                itemsPlaced++;
            }
        }
        return new Reconciled(added, updated, templatesChanged, itemsPlaced);
    }

    private enum Outcome { CREATED, CHANGED, SAME }

    /** Creates the declared entity, or makes its declared properties and tags win over the stored ones. */
    private static Outcome update(World world, EntitySpec spec, SourceLocation where) {
        Optional<Entity> existing = world.find(spec.id());
        if (existing.isEmpty()) {
            world.create(spec);
            return Outcome.CREATED;
        }
        Entity entity = existing.get();
        if (!entity.kind().equals(spec.kind())) {
            throw new IllegalArgumentException(where + ": " + spec.kind() + " '" + spec.id() + "' is a " + entity.kind()
                    + " in the stored world; rename it or remove that entity");
        }
        boolean changed = false;
        for (Map.Entry<String, Object> e : spec.properties().entrySet()) {
            Object stored = entity.property(e.getKey());
            if (!sameInOrder(stored, e.getValue())) {
                // Only the order differs when storage sorted the keys (jsonb does): put it back quietly.
                changed |= !Objects.equals(stored, e.getValue());
                world.setProperty(spec.id(), e.getKey(), e.getValue());
            }
        }
        for (String tag : spec.tags()) {
            if (!entity.hasTag(tag)) {
                world.tag(spec.id(), tag, true);
                changed = true;
            }
        }
        return changed ? Outcome.CHANGED : Outcome.SAME;
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
     * Creates one entity per room (see {@link RoomData#toSpec()}), per item template and per declared item
     * in {@code world}. World thread only.
     *
     * @throws IllegalArgumentException if the world already holds an entity with one of the ids
     */
    public void populate(World world) {
        for (RoomData room : rooms) {
            world.create(room.toSpec());
        }
        for (ItemTemplateData template : templates) {
            world.create(template.toSpec());
        }
        for (ItemPlacement item : items) {
            world.create(item.toSpec());
        }
    }
}
