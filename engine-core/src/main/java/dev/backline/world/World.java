package dev.backline.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entity store of one shard. Single-writer: only the world thread calls it, so it takes no locks.
 * Keeps containment consistent (an entity is in its container's contents and nowhere else) and records
 * which entities changed since the last {@link #drainChanges()}, for write-behind persistence.
 */
public final class World {
    private static final int MAX_NESTING = 64;
    static final int MAX_NAME_LENGTH = 64;

    /**
     * What changed since the last drain: snapshots of the entities created or changed, as they are now, and
     * the ids of those removed (and not created again since).
     */
    public record Changes(List<EntitySnapshot> changed, Set<EntityId> removed) {
    }

    private final Map<EntityId, Entity> entities = new HashMap<>();
    private List<Entity> changed = new ArrayList<>();
    private Set<EntityId> removed = new LinkedHashSet<>();
    private final AtomicLong instanceCounter = new AtomicLong();
    private final List<WorldListener> listeners = new ArrayList<>();
    private final List<EntityColumns> columnSets = new ArrayList<>();

    public void addListener(WorldListener listener) {
        listeners.add(listener);
    }

    /**
     * Creates an entity.
     *
     * @throws IllegalArgumentException if the id is taken or the container does not exist
     */
    public Entity create(EntitySpec spec) {
        if (entities.containsKey(spec.id())) {
            throw new IllegalArgumentException("entity '" + spec.id() + "' already exists");
        }
        if (spec.container() != null && !entities.containsKey(spec.container())) {
            throw new IllegalArgumentException("container '" + spec.container() + "' of '" + spec.id() + "' does not exist");
        }
        Entity entity = new Entity(spec.id(), spec.kind(), spec.template());
        entity.initialize(spec.tags(), spec.properties());
        entities.put(entity.id(), entity);
        if (spec.container() != null) {
            entity.setContainer(spec.container());
            entities.get(spec.container()).mutableContents().add(entity.id());
        }
        if (!removed.isEmpty()) {
            removed.remove(entity.id());
        }
        markChanged(entity);
        for (EntityColumns columns : columnSets) {
            columns.arrived(entity);
        }
        return entity;
    }

    /** A fresh id for an instance, e.g. {@code item:7} for a dropped item spawned from a template. */
    public EntityId newInstanceId(String namespace) {
        EntityId id;
        do {
            id = EntityId.of(namespace + ":" + instanceCounter.incrementAndGet());
        } while (entities.containsKey(id));
        return id;
    }

    public Optional<Entity> find(EntityId id) {
        return Optional.ofNullable(entities.get(id));
    }

    /** @throws NoSuchElementException if there is no such entity */
    public Entity get(EntityId id) {
        Entity entity = entities.get(id);
        if (entity == null) {
            throw new NoSuchElementException("no entity '" + id + "'");
        }
        return entity;
    }

    public boolean exists(EntityId id) {
        return entities.containsKey(id);
    }

    public int size() {
        return entities.size();
    }

    public Collection<Entity> all() {
        return Collections.unmodifiableCollection(entities.values());
    }

    /** The entities directly inside {@code container}, optionally only of one kind. */
    public List<Entity> contents(EntityId container, String kindOrNull) {
        Entity holder = get(container);
        List<Entity> result = new ArrayList<>(holder.contents().size());
        for (EntityId id : holder.contents()) {
            Entity e = entities.get(id);
            if (kindOrNull == null || e.kind().equals(kindOrNull)) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * Moves an entity into another container, or out of every container when {@code to} is null.
     *
     * @throws IllegalArgumentException if it would put an entity inside itself or the target does not exist
     * @throws NoSuchElementException if the entity itself does not exist
     */
    public void move(EntityId id, EntityId to) {
        Entity entity = get(id);
        EntityId from = entity.container().orElse(null);
        if (java.util.Objects.equals(from, to)) {
            return;
        }
        if (to != null) {
            Entity target = entities.get(to);
            if (target == null) {
                throw new IllegalArgumentException("cannot move '" + id + "' into '" + to + "': it does not exist");
            }
            requireNotInside(target, id);
        }
        if (from != null) {
            entities.get(from).mutableContents().remove(id);
        }
        entity.setContainer(to);
        if (to != null) {
            entities.get(to).mutableContents().add(id);
        }
        markChanged(entity);
        for (WorldListener listener : listeners) {
            listener.moved(entity, from, to);
        }
    }

    private void requireNotInside(Entity target, EntityId mover) {
        Entity cursor = target;
        for (int depth = 0; cursor != null; depth++) {
            if (cursor.id().equals(mover)) {
                throw new IllegalArgumentException("cannot put '" + mover + "' inside itself");
            }
            if (depth > MAX_NESTING) {
                throw new IllegalArgumentException("containers nest deeper than " + MAX_NESTING);
            }
            cursor = cursor.container().map(entities::get).orElse(null);
        }
    }

    /** Sets a property; {@code null} removes it. The value is copied and must be JSON-compatible. */
    public void setProperty(EntityId id, String key, Object value) {
        requireKey(key);
        Entity entity = get(id);
        entity.putProperty(key, value == null ? null : PropertyValues.freeze(value));
        markChanged(entity);
    }

    public void tag(EntityId id, String tag, boolean present) {
        requireKey(tag);
        Entity entity = get(id);
        boolean changed = present ? entity.addTag(tag) : entity.removeTag(tag);
        if (changed) {
            markChanged(entity);
        }
    }

    /** Removes an entity; what it held falls into its container (or out of the world if it had none). */
    public void remove(EntityId id) {
        Entity entity = get(id);
        EntityId outer = entity.container().orElse(null);
        for (EntityId inner : List.copyOf(entity.contents())) {
            move(inner, outer);
        }
        if (outer != null) {
            entities.get(outer).mutableContents().remove(id);
        }
        entities.remove(id);
        entity.removed = true;
        removed.add(id);
        for (EntityColumns columns : columnSets) {
            columns.departed(entity);
        }
    }

    /**
     * Columns of numeric properties of every entity of {@code kind}, kept up to date with the entities created
     * and removed from now on, until {@link EntityColumns#close()}.
     *
     * @param defaults what each column reads for an entity without that property
     * @throws IllegalArgumentException if a name cannot name a property, is repeated, or a default is not finite
     */
    public EntityColumns columns(String kind, List<String> names, double[] defaults) {
        List<Entity> members = new ArrayList<>();
        for (Entity e : entities.values()) {
            if (e.kind().equals(kind)) {
                members.add(e);
            }
        }
        // By id, so the row order does not depend on the hash map's: the same world gives the same rows.
        members.sort((a, b) -> a.id().value().compareTo(b.id().value()));
        EntityColumns columns = new EntityColumns(this, kind, names, defaults, members);
        columnSets.add(columns);
        return columns;
    }

    void release(EntityColumns columns) {
        columnSets.remove(columns);
    }

    /** The bulk write-back of {@link EntityColumns}: the first {@code n} properties, already frozen, at once. */
    void setProperties(Entity entity, String[] keys, Object[] frozenValues, int n) {
        entity.putProperties(keys, frozenValues, n);
        markChanged(entity);
    }

    /**
     * What changed since the last call (of this or {@link #drainDirty()}), for the persistence hand-over:
     * each changed entity is snapshotted once, however often it changed.
     */
    public Changes drainChanges() {
        List<EntitySnapshot> snapshots = new ArrayList<>(changed.size());
        for (Entity e : changed) {
            e.changed = false;
            if (!e.removed) {
                snapshots.add(e.snapshot());
            }
        }
        Changes out = new Changes(Collections.unmodifiableList(snapshots), Collections.unmodifiableSet(removed));
        changed = new ArrayList<>(Math.max(16, changed.size()));
        removed = new LinkedHashSet<>();
        return out;
    }

    /** Ids changed since the last call; removed entities are included and no longer {@link #exists}. */
    public Set<EntityId> drainDirty() {
        Changes changes = drainChanges();
        Set<EntityId> ids = new LinkedHashSet<>();
        changes.changed().forEach(e -> ids.add(e.id()));
        ids.addAll(changes.removed());
        return Collections.unmodifiableSet(ids);
    }

    private void markChanged(Entity entity) {
        if (!entity.changed) {
            entity.changed = true;
            changed.add(entity);
        }
    }

    /** Whether {@code name} can name a property or a tag. */
    static boolean isValidName(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && name.indexOf('\0') < 0;
    }

    private static void requireKey(String key) {
        if (!isValidName(key)) {
            throw new IllegalArgumentException("a property or tag name must have 1 to " + MAX_NAME_LENGTH
                    + " characters and no NUL character");
        }
    }
}
