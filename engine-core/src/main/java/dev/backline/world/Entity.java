package dev.backline.world;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One thing in the world: a room, a player, an NPC, an item. Owned and mutated by the world thread only,
 * through {@link World}; everyone else sees it through {@link EntitySnapshot}s.
 */
public final class Entity {
    private final EntityId id;
    private final String kind;
    private final EntityId template;
    private EntityId container;
    private final Set<String> tags = new TreeSet<>();
    /** An immutable copy of {@link #tags}, for snapshots; null after a change until the next snapshot. */
    private Set<String> frozenTags = Set.of();
    private PropertyMap properties = PropertyMap.EMPTY;
    private final Set<EntityId> contents = new LinkedHashSet<>();
    // Bookkeeping of World's change tracking: a flag on the entity is cheaper than a set of ids, for every
    // change and for the persistence hand-over.
    boolean changed;
    boolean removed;
    private long revision;

    Entity(EntityId id, String kind, EntityId template) {
        this.id = id;
        this.kind = kind;
        this.template = template;
    }

    public EntityId id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public Optional<EntityId> template() {
        return Optional.ofNullable(template);
    }

    public Optional<EntityId> container() {
        return Optional.ofNullable(container);
    }

    public Set<String> tags() {
        return Collections.unmodifiableSet(tags);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** The properties as they are now: an immutable map, which later changes replace rather than alter. */
    public Map<String, Object> properties() {
        return properties;
    }

    public Object property(String key) {
        return properties.get(key);
    }

    /**
     * Counts the changes of this entity's own state (container, tags, properties; not what it holds): whatever
     * was derived from it at one revision is still current while the revision stays the same.
     */
    public long revision() {
        return revision;
    }

    /** What this entity holds, in the order things arrived. */
    public Set<EntityId> contents() {
        return Collections.unmodifiableSet(contents);
    }

    public EntitySnapshot snapshot() {
        Set<String> tagsNow = frozenTags;
        if (tagsNow == null) {
            tagsNow = Set.copyOf(tags);
            frozenTags = tagsNow;
        }
        return new EntitySnapshot(id, kind, template, container, tagsNow, properties);
    }


    void setContainer(EntityId container) {
        this.container = container;
        revision++;
    }

    Set<EntityId> mutableContents() {
        return contents;
    }

    boolean addTag(String tag) {
        boolean added = tags.add(tag);
        if (added) {
            frozenTags = null;
            revision++;
        }
        return added;
    }

    boolean removeTag(String tag) {
        boolean removed = tags.remove(tag);
        if (removed) {
            frozenTags = null;
            revision++;
        }
        return removed;
    }

    /** Sets a property to an already frozen value, or removes it when {@code frozenValue} is null. */
    void putProperty(String key, Object frozenValue) {
        properties = frozenValue == null ? properties.without(key) : properties.with(key, frozenValue);
        revision++;
    }

    /** Sets the first {@code n} properties to already frozen, non-null values at once. */
    void putProperties(String[] keys, Object[] frozenValues, int n) {
        properties = properties.withAll(keys, frozenValues, n);
        revision++;
    }

    void initialize(Set<String> initialTags, Map<String, Object> frozenProperties) {
        tags.addAll(initialTags);
        frozenTags = tags.isEmpty() ? Set.of() : null;
        properties = PropertyMap.copyOf(frozenProperties);
        revision++;
    }
}
