package dev.backline.world;

import java.util.Objects;

/**
 * A stable, namespaced entity id such as {@code city:rehearsal-room} or {@code player:alice}.
 *
 * <pre>{@code EntityId room = EntityId.of("city:rehearsal-room");}</pre>
 */
public record EntityId(String value) implements Comparable<EntityId> {
    private static final int MAX_LENGTH = 128;

    public EntityId {
        Objects.requireNonNull(value, "entity id");
        if (!isValid(value)) {
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
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        // [a-z0-9][a-z0-9_-]*:[a-z0-9][a-z0-9_.\-/]* by hand: scripts pass ids on every call, and the regex
        // was 3 % of the world thread's time under load.
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1 || !isLowerAlnum(value.charAt(0)) || !isLowerAlnum(value.charAt(colon + 1))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = value.charAt(i);
            if (!isLowerAlnum(c) && c != '_' && c != '-') {
                return false;
            }
        }
        for (int i = colon + 2; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLowerAlnum(c) && c != '_' && c != '-' && c != '.' && c != '/') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
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
