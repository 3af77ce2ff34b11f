package dev.backline.content;

import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.PropertyValues;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An item template as declared in {@code items/<catalogue>.yaml}: what every item made from it shares.
 * It becomes an entity of kind {@value #KIND} with no container, which scripts read with
 * {@code game.entity(item.template)}; items made from it name it as their {@code template}.
 *
 * @param id          the full id, {@code <catalogue>:<name>}, e.g. {@code instruments:battered-telecaster}
 * @param tags        lower-case words scripts can test for
 * @param properties  free JSON-compatible data for scripts (prices, slots, modifiers, ...)
 * @param where       where the template starts in its file
 */
public record ItemTemplateData(EntityId id, String name, String description, Set<String> tags,
                               Map<String, Object> properties, SourceLocation where) {
    /** The entity kind of item templates. */
    public static final String KIND = "item-template";
    /** Property keys the template's own fields fill in, which its free {@code properties} may not use. */
    public static final Set<String> RESERVED_PROPERTIES = Set.of("name", "description");

    @SuppressWarnings("unchecked")
    public ItemTemplateData {
        Objects.requireNonNull(id, "id");
        ZoneData.requireText(name, "name");
        ZoneData.requireText(description, "description");
        Objects.requireNonNull(where, "where");
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        properties = (Map<String, Object>) PropertyValues.freeze(properties);
        for (String key : properties.keySet()) {
            if (RESERVED_PROPERTIES.contains(key)) {
                throw new IllegalArgumentException("property '" + key + "' is reserved");
            }
        }
    }

    /** What to create: kind {@value #KIND}, its tags, its free properties, {@code name} and {@code description}. */
    public EntitySpec toSpec() {
        return EntitySpec.of(id, KIND)
                .withTags(tags)
                .withProperties(properties)
                .withProperty("name", name)
                .withProperty("description", description);
    }
}
