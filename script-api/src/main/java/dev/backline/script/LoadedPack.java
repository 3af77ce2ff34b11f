package dev.backline.script;

import dev.backline.timer.PackTimer;
import dev.backline.timer.PackTimers;
import dev.backline.timer.TimerHandle;
import dev.backline.world.PackStateKey;
import dev.backline.world.PackStates;
import dev.backline.world.PropertyValues;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pack as the engine keeps it across reloads: its directory, the generation installed now, up to
 * {@link #KEPT_GENERATIONS} earlier ones for rollback, and its live timers. Its state store and pending
 * named timers are kept in the shard ({@link PackStates}, {@link PackTimers}), so they are persisted with the
 * world and come back after a restart: the first generation installed in a run schedules the timers that
 * were pending, and migrates the state if it was shaped by another version of the pack. Timers are resolved
 * by name when they fire, so a timer scheduled by one generation runs the handler of whichever generation is
 * installed then.
 */
public final class LoadedPack implements TimerScheduler, PackStateStore {
    /** Earlier generations kept for rollback. */
    public static final int KEPT_GENERATIONS = 3;
    static final int MAX_TIMERS = 100_000;
    private static final Logger LOG = System.getLogger("backline.script");

    private final PackEnvironment env;
    private final Path root;
    private final Map<Long, TimerHandle> timers = new HashMap<>();
    private final ArrayDeque<PackGeneration> previous = new ArrayDeque<>();
    private final ReentrantLock building = new ReentrantLock();
    private volatile String packName;
    private volatile PackGeneration current;
    private int lastNumber;

    LoadedPack(PackEnvironment env, Path root) {
        this.env = env;
        this.root = root;
    }

    public String name() {
        return current.manifest().name();
    }

    public PackManifest manifest() {
        return current.manifest();
    }

    public int generation() {
        return current.number();
    }

    /** The numbers of the earlier generations a rollback can return to, newest first. */
    public synchronized List<Integer> previousGenerations() {
        List<Integer> numbers = new ArrayList<>();
        previous.descendingIterator().forEachRemaining(g -> numbers.add(g.number()));
        return numbers;
    }

    public Path root() {
        return root;
    }

    public List<String> commandNames() {
        return current.commandNames();
    }

    /** Why the installed generation is quarantined, or null when it runs normally. */
    public String quarantineReason() {
        return current.quarantineReason();
    }

    /**
     * Runs the current generation's handler of {@code pack.timer(name)} now, with {@code payload} (plain data), as
     * if that timer had come due: the way live-ops starts something a pack scheduled. World thread only.
     *
     * @return false if the pack registers no timer of that name (nothing ran)
     */
    public boolean fireTimerNow(String name, Object payload) {
        PackGeneration generation = current;
        return generation.hasTimer(name) && generation.fireTimer(name, payload);
    }

    public List<HookStats> hookStats() {
        return current.hookStats();
    }

    public Map<String, String> files() {
        return current.files();
    }

    /** Builds the next generation from the files on disk (any thread; the world is closed to it). */
    PackGeneration build() {
        building.lock();
        try {
            PackManifest manifest = PackManifest.read(root);
            if (current != null && !manifest.name().equals(current.manifest().name())) {
                throw new PackLoadException(root.resolve(PackManifest.FILE) + ": the pack's name changed from '"
                        + current.manifest().name() + "' to '" + manifest.name() + "'; a reload cannot rename a pack");
            }
            packName = manifest.name();
            return PackGeneration.load(env, root, manifest, ++lastNumber, PackFiles.hash(root), this);
        } finally {
            building.unlock();
        }
    }

    /**
     * Swaps {@code next} in (world thread, between two tasks): runs its {@code check()}, computes the
     * migrated state on a copy when the state was shaped by another version of the pack, then uninstalls the
     * current generation, installs the next and stores the migrated state. The first generation of a run
     * also schedules the timers left pending by the last run. Anything failing leaves the current generation
     * installed and the state untouched.
     *
     * @throws PackLoadException with the errors; {@code next} is then closed
     */
    synchronized void swapIn(PackGeneration next) {
        boolean first = current == null;
        PackStates states = env.shard().packStates();
        String pack = next.manifest().name();
        try {
            String version = PackStates.requireVersion(next.manifest().version());
            next.check();
            Optional<String> shapedBy = states.version(pack);
            Map<String, Object> migrated = null;
            if (shapedBy.isPresent() && !shapedBy.get().equals(version)) {
                migrated = copy(next.migrate(shapedBy.get(), copy(states.all(pack))));
                // Checked before the swap, so that storing it afterwards cannot fail.
                migrated.keySet().forEach(key -> PackStateKey.of(pack, key));
            }
            replace(next);
            if (migrated != null) {
                states.replace(pack, migrated);
            }
            states.setVersion(pack, version);
        } catch (PackLoadException | IllegalArgumentException e) {
            next.close();
            throw e instanceof PackLoadException p ? p : new PackLoadException(next.manifest().name() + ": " + e.getMessage());
        }
        if (first) {
            resumeTimers();
        }
    }

    /** Goes back to the generation before the current one (world thread). @throws IllegalStateException if there is none */
    synchronized PackGeneration rollBack() {
        PackGeneration target = previous.pollLast();
        if (target == null) {
            throw new IllegalStateException("pack " + name() + " has no earlier generation to roll back to");
        }
        PackGeneration abandoned = current;
        try {
            abandoned.uninstall();
            target.install();
        } catch (RuntimeException e) {
            target.uninstall();
            abandoned.install();
            previous.addLast(target);
            throw e;
        }
        current = target;
        abandoned.close();
        return target;
    }

    private void replace(PackGeneration next) {
        PackGeneration old = current;
        if (old != null) {
            old.uninstall();
        }
        try {
            next.install();
        } catch (RuntimeException e) {
            next.uninstall();
            if (old != null) {
                old.install();
            }
            throw e;
        }
        current = next;
        if (old != null) {
            previous.addLast(old);
            while (previous.size() > KEPT_GENERATIONS) {
                previous.pollFirst().close();
            }
        }
    }

    PackGeneration current() {
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        return new LinkedHashMap<>((Map<String, Object>) PropertyValues.freeze(map));
    }

    /** @throws IllegalArgumentException if the key is empty, longer than 128 characters or holds NUL */
    @Override
    public Object get(String key) {
        return env.shard().packStates().get(PackStateKey.of(packName, key)).orElse(null);
    }

    /** @throws IllegalArgumentException if the key or value is not acceptable */
    @Override
    public void put(String key, Object value) {
        env.shard().packStates().put(PackStateKey.of(packName, key), value);
    }

    /** A copy of the state store, e.g. for an admin view. World thread only. */
    public Map<String, Object> stateSnapshot() {
        return copy(env.shard().packStates().all(packName));
    }

    @Override
    public long schedule(Duration delay, String timerName, Object data) {
        PackTimers pending = env.shard().packTimers();
        if (pending.count(packName) >= MAX_TIMERS) {
            throw new IllegalStateException("game.after: the pack has " + MAX_TIMERS + " timers pending; cancel some first");
        }
        long due = Math.addExact(env.shard().clock().nowMillis(), delay.toMillis());
        PackTimer timer = pending.add(packName, timerName, due, data);
        arm(timer);
        return timer.id();
    }

    @Override
    public boolean cancel(long handle) {
        TimerHandle h = timers.remove(handle);
        if (h == null) {
            return false;
        }
        env.shard().packTimers().remove(handle);
        return env.shard().timers().cancel(h);
    }

    /** Schedules a pending timer to fire at its due time, then to leave the pending set. */
    private void arm(PackTimer timer) {
        long id = timer.id();
        timers.put(id, env.shard().timers().at(timer.dueMillis(), () -> {
            timers.remove(id);
            env.shard().packTimers().remove(id);
            current.fireTimer(timer.name(), timer.data());
        }));
    }

    private void resumeTimers() {
        List<PackTimer> pending = env.shard().packTimers().of(packName);
        pending.forEach(this::arm);
        if (!pending.isEmpty()) {
            LOG.log(Level.INFO, "pack " + packName + ": " + pending.size() + " timers pending from the last run, the next"
                    + " due at game time " + Instant.ofEpochMilli(pending.getFirst().dueMillis()));
        }
    }

    /** Stops its timers and closes its generations. Pending timers stay in the shard, to be persisted. */
    synchronized void close() {
        timers.values().forEach(env.shard().timers()::cancel);
        timers.clear();
        previous.forEach(PackGeneration::close);
        previous.clear();
        if (current != null) {
            current.close();
        }
    }
}
