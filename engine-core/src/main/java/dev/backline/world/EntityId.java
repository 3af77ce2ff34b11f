package dev.backline.world;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, namespaced entity id such as {@code city:rehearsal-room} or {@code player:alice}.
 *
 * <pre>{@code EntityId room = EntityId.of("city:rehearsal-room");}</pre>
 */
public record EntityId(String value) implements Comparable<EntityId> {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]*:[a-z0-9][a-z0-9_.\\-/]*");
    private static final int MAX_LENGTH = 128;

    public EntityId {
        Objects.requireNonNull(value, "entity id");
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("entity id '" + value
                    + "' must look like 'namespace:name' (lower case letters, digits, '-', '_', '.', '/'; at most "
                    + MAX_LENGTH + " characters)");
        }
    }

    public static EntityId of(String value) {
        return new EntityId(value);
    }

    /** Whether {@code value} is a well-formed id, for validating input without exceptions. */
    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches();
    }

    public String namespace() {
        return value.substring(0, value.indexOf(':'));
    }

    public String localName() {
        return value.substring(value.indexOf(':') + 1);
    }

    @Override
    public int compareTo(EntityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
