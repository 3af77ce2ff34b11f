package dev.backline.timer;

import dev.backline.world.PackStateKey;
import dev.backline.world.PropertyValues;
import java.util.Objects;

/**
 * A pending named timer of a pack ({@code game.after(delay, 'name', data)} in a script): which pack, the
 * handler's name, when it is due in game time and the plain data it passes. Kept by {@link PackTimers} and
 * persisted with the world, so it fires after a restart as it would have without one.
 *
 * <pre>{@code PackTimer t = new PackTimer(7, "backline-city", "closeShop", dueMillis, Map.of("shop", "city:bar"));}</pre>
 *
 * @param id        unique within the shard, and the handle scripts cancel it by
 * @param dueMillis game time (epoch milliseconds) at which it fires
 * @param data      immutable JSON-compatible data, or null
 */
public record PackTimer(long id, String pack, String name, long dueMillis, Object data) {
    static final int MAX_NAME_LENGTH = 64;

    public PackTimer {
        if (id < 1) {
            throw new IllegalArgumentException("a timer id must be positive, was " + id);
        }
        PackStateKey.requirePackName(pack);
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a timer name must have 1 to " + MAX_NAME_LENGTH
                    + " characters and no NUL character, was '" + name + "'");
        }
        data = PropertyValues.freeze(data);
    }
}
