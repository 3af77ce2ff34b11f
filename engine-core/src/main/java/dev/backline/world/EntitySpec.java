package dev.backline.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to create: id, kind, optional template and container, tags and initial properties.
 *
 * <pre>{@code world.create(EntitySpec.of(EntityId.of("city:bar"), "room").withProperty("name", "The Bar"));}</pre>
 */
public record EntitySpec(EntityId id, String kind, EntityId template, EntityId container,
                         Set<String> tags, Map<String, Object> properties) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public EntitySpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind '" + kind + "' must be a lower-case word of at most 32 characters");
        }
        for (String tag : tags) {
            requireName(id, "tag", tag);
        }
        tags = Set.copyOf(tags);
        // Checked here, not only in World: a name the world rejects would otherwise surface much later,
        // e.g. as a failed snapshot during persistence.
        Map<String, Object> frozen = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            requireName(id, "property", k);
            if (v != null) {
                frozen.put(k, PropertyValues.freeze(v));
            }
        });
        properties = Collections.unmodifiableMap(frozen);
    }

    private static void requireName(EntityId id, String what, String name) {
        if (!World.isValidName(name)) {
            throw new IllegalArgumentException("entity '" + id + "': " + what + " name '" + name + "' must have 1 to "
                    + World.MAX_NAME_LENGTH + " characters");
        }
    }

    public static EntitySpec of(EntityId id, String kind) {
        return new EntitySpec(id, kind, null, null, Set.of(), Map.of());
    }

    public EntitySpec withTemplate(EntityId template) {
        return new EntitySpec(id, kind, template, container, tags, properties);
    }

    public EntitySpec withContainer(EntityId container) {
        return new EntitySpec(id, kind, template, container, tags, properties);
    }

    public EntitySpec withTags(Set<String> tags) {
        return new EntitySpec(id, kind, template, container, tags, properties);
    }

    public EntitySpec withProperty(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.put(key, value);
        return new EntitySpec(id, kind, template, container, tags, copy);
    }

    public EntitySpec withProperties(Map<String, Object> more) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.putAll(more);
        return new EntitySpec(id, kind, template, container, tags, copy);
    }
}
