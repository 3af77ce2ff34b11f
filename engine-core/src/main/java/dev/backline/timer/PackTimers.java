package dev.backline.timer;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pending named timers of every pack, as data: what must be scheduled again after a restart. The
 * script runtime adds a timer here when a script schedules it and removes it when it fires or is cancelled;
 * the write-behind persists the changes like those of entities. The {@link Timers} entry that actually fires
 * it is the runtime's business. Single-writer: the world thread only.
 *
 * <pre>{@code
 * PackTimer t = timers.add("backline-city", "closeShop", clock.nowMillis() + 60_000, Map.of());
 * timers.remove(t.id());
 * }</pre>
 */
public final class PackTimers {
    private static final Comparator<PackTimer> DUE_ORDER =
            Comparator.comparingLong(PackTimer::dueMillis).thenComparingLong(PackTimer::id);

    private final Map<Long, PackTimer> pending = new HashMap<>();
    private final Map<String, Integer> perPack = new HashMap<>();
    private Set<Long> dirty = new LinkedHashSet<>();
    private long lastId;

    /**
     * Adds a timer under a new id.
     *
     * @throws IllegalArgumentException if the pack or name is malformed or {@code data} is not JSON-compatible
     */
    public PackTimer add(String pack, String name, long dueMillis, Object data) {
        PackTimer timer = new PackTimer(lastId + 1, pack, name, dueMillis, data);
        lastId = timer.id();
        put(timer);
        dirty.add(timer.id());
        return timer;
    }

    /** Takes a timer out (it fired or was cancelled); empty if there is none with that id. */
    public Optional<PackTimer> remove(long id) {
        PackTimer timer = pending.remove(id);
        if (timer == null) {
            return Optional.empty();
        }
        perPack.computeIfPresent(timer.pack(), (p, n) -> n == 1 ? null : n - 1);
        dirty.add(id);
        return Optional.of(timer);
    }

    /** Puts back a timer read from storage, without marking it changed. Before the world thread starts only. */
    public void restore(PackTimer timer) {
        if (pending.containsKey(timer.id())) {
            throw new IllegalArgumentException("timer " + timer.id() + " is already pending");
        }
        put(timer);
        lastId = Math.max(lastId, timer.id());
    }

    public Optional<PackTimer> get(long id) {
        return Optional.ofNullable(pending.get(id));
    }

    /** One pack's pending timers, soonest first (ties in the order they were scheduled). */
    public List<PackTimer> of(String pack) {
        return pending.values().stream().filter(t -> t.pack().equals(pack)).sorted(DUE_ORDER).toList();
    }

    /** How many timers one pack has pending. */
    public int count(String pack) {
        return perPack.getOrDefault(pack, 0);
    }

    public int size() {
        return pending.size();
    }

    /** Ids added or removed since the last call; a removed id is no longer pending. */
    public Set<Long> drainDirty() {
        Set<Long> out = Collections.unmodifiableSet(dirty);
        dirty = new LinkedHashSet<>();
        return out;
    }

    private void put(PackTimer timer) {
        pending.put(timer.id(), timer);
        perPack.merge(timer.pack(), 1, Integer::sum);
    }
}
