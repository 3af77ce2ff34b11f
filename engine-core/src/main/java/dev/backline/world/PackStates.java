package dev.backline.world;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each pack's module state store: JSON-compatible values under keys the pack chooses, and the version of the
 * pack whose shape the values have (so a pack updated between two runs gets its {@code migrate} hook at
 * start-up). State a pack keeps here (rather than in module variables) survives hot reloads and restarts,
 * like entity properties, and is persisted by the same write-behind. Single-writer like {@link World}: the
 * world thread only.
 *
 * <pre>{@code
 * states.put(PackStateKey.of("backline-city", "lastDailyReset"), "2026-01-02");
 * states.get(PackStateKey.of("backline-city", "lastDailyReset"));   // Optional["2026-01-02"]
 * }</pre>
 */
public final class PackStates {
    static final int MAX_VERSION_LENGTH = 100;

    private final Map<String, Map<String, Object>> byPack = new HashMap<>();
    private final Map<String, String> versions = new HashMap<>();
    private Set<PackStateKey> dirty = new LinkedHashSet<>();
    private Set<String> dirtyVersions = new LinkedHashSet<>();

    public Optional<Object> get(PackStateKey key) {
        Map<String, Object> values = byPack.get(key.pack());
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(key.key()));
    }

    /**
     * Sets a value; {@code null} removes it. The value is copied into an immutable JSON-compatible form.
     *
     * @throws IllegalArgumentException naming the path of the first value JSON cannot hold
     */
    public void put(PackStateKey key, Object value) {
        Object frozen = value == null ? null : PropertyValues.freeze(value);
        if (store(key, frozen)) {
            dirty.add(key);
        }
    }

    /**
     * Puts a value read back from storage without marking it changed. Before the world thread starts only.
     *
     * @throws IllegalArgumentException if the value is not JSON-compatible
     */
    public void restore(PackStateKey key, Object value) {
        store(key, PropertyValues.freeze(value));
    }

    /**
     * Makes {@code values} the pack's whole state: keys it lacks are removed, the others set (a pack's
     * {@code migrate} result replacing the old state, for instance). Only real changes count as changes.
     *
     * @throws IllegalArgumentException if a key or value is not acceptable; nothing was changed
     */
    public void replace(String pack, Map<String, Object> values) {
        Map<PackStateKey, Object> next = new LinkedHashMap<>();
        values.forEach((key, value) -> next.put(PackStateKey.of(pack, key), value == null ? null : PropertyValues.freeze(value)));
        for (String key : all(pack).keySet()) {
            PackStateKey k = PackStateKey.of(pack, key);
            if (next.get(k) == null && store(k, null)) {
                dirty.add(k);
            }
        }
        next.forEach((k, frozen) -> {
            if (frozen != null && !frozen.equals(get(k).orElse(null)) && store(k, frozen)) {
                dirty.add(k);
            }
        });
    }

    /** Every value of one pack, in the order the keys were first set. */
    public Map<String, Object> all(String pack) {
        Map<String, Object> values = byPack.get(pack);
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The packs that hold state, sorted by name. */
    public Set<String> packs() {
        return Collections.unmodifiableSet(new java.util.TreeSet<>(byPack.keySet()));
    }

    /** How many values all packs hold together. */
    public int size() {
        return byPack.values().stream().mapToInt(Map::size).sum();
    }

    /** Keys set or removed since the last call; a removed key no longer has a value. */
    public Set<PackStateKey> drainDirty() {
        Set<PackStateKey> out = Collections.unmodifiableSet(dirty);
        dirty = new LinkedHashSet<>();
        return out;
    }

    /** The version of the pack that last shaped this pack's state, if one was recorded. */
    public Optional<String> version(String pack) {
        return Optional.ofNullable(versions.get(pack));
    }

    /**
     * Records which version of the pack the state now belongs to (after its first load, or a migration).
     *
     * @throws IllegalArgumentException if the pack name or version is malformed
     */
    public void setVersion(String pack, String version) {
        if (!requireVersion(version).equals(versions.put(PackStateKey.requirePackName(pack), version))) {
            dirtyVersions.add(pack);
        }
    }

    /** Puts back a version read from storage, without marking it changed. Before the world thread starts only. */
    public void restoreVersion(String pack, String version) {
        versions.put(PackStateKey.requirePackName(pack), requireVersion(version));
    }

    /** Packs whose recorded version changed since the last call. */
    public Set<String> drainDirtyVersions() {
        Set<String> out = Collections.unmodifiableSet(dirtyVersions);
        dirtyVersions = new LinkedHashSet<>();
        return out;
    }

    /**
     * Checks a pack version as this store keeps it.
     *
     * @throws IllegalArgumentException if it is blank, longer than 100 characters or holds NUL
     */
    public static String requireVersion(String version) {
        if (version == null || version.isBlank() || version.length() > MAX_VERSION_LENGTH || version.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a pack version must have 1 to " + MAX_VERSION_LENGTH
                    + " characters and no NUL character, was '" + version + "'");
        }
        return version;
    }

    private boolean store(PackStateKey key, Object frozen) {
        if (frozen == null) {
            Map<String, Object> values = byPack.get(key.pack());
            if (values == null || values.remove(key.key()) == null) {
                return false;
            }
            if (values.isEmpty()) {
                byPack.remove(key.pack());
            }
            return true;
        }
        byPack.computeIfAbsent(key.pack(), p -> new LinkedHashMap<>()).put(key.key(), frozen);
        return true;
    }
}
