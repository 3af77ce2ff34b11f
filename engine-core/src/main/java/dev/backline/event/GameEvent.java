package dev.backline.event;

import dev.backline.world.PropertyValues;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something that happened in the world, with a lowerCamel name ({@code playerEnter}, {@code roomExit})
 * and JSON-compatible data (an empty map when there is none).
 */
public record GameEvent(String name, Map<String, Object> data) {
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*(:[A-Za-z0-9_.-]+)?");

    @SuppressWarnings("unchecked")
    public GameEvent {
        Objects.requireNonNull(name, "event name");
        if (!NAME.matcher(name).matches() || name.length() > 96) {
            throw new IllegalArgumentException("event name '" + name + "' must be lowerCamel, like 'playerEnter'");
        }
        data = data == null ? Map.of() : (Map<String, Object>) PropertyValues.freeze(data);
    }

    public static GameEvent of(String name, Map<String, Object> data) {
        return new GameEvent(name, data);
    }
}
