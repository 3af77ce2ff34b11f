package dev.backline.content;

import java.util.Objects;

/**
 * A zone: a directory under {@code zones/} whose name is also the namespace of its room ids.
 *
 * @param id          the directory name, e.g. {@code downtown}
 * @param name        what players read, e.g. "Downtown"
 * @param description a short description for maps and tools
 */
public record ZoneData(String id, String name, String description) {

    public ZoneData {
        Objects.requireNonNull(id, "id");
        requireText(name, "name");
        requireText(description, "description");
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
