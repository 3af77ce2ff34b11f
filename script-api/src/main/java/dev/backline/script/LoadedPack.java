package dev.backline.script;

import dev.backline.timer.TimerHandle;
import dev.backline.world.PropertyValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pack as the engine keeps it across reloads: its directory, the generation installed now, up to
 * {@link #KEPT_GENERATIONS} earlier ones for rollback, its state store, and the named timers its scripts
 * scheduled. Timers are resolved by name when they fire, so a timer scheduled by one generation runs the
 * handler of whichever generation is installed then.
 */
public final class LoadedPack implements TimerScheduler, PackStateStore {
    /** Earlier generations kept for rollback. */
    public static final int KEPT_GENERATIONS = 3;

    private final PackEnvironment env;
    private final Path root;
    private final Map<Long, TimerHandle> timers = new HashMap<>();
    private final ArrayDeque<PackGeneration> previous = new ArrayDeque<>();
    private final ReentrantLock building = new ReentrantLock();
    private Map<String, Object> state = new LinkedHashMap<>();
    private volatile PackGeneration current;
    private int lastNumber;
    private long nextTimer;

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
            return PackGeneration.load(env, root, manifest, ++lastNumber, PackFiles.hash(root), this);
        } finally {
            building.unlock();
        }
    }

    /**
     * Swaps {@code next} in (world thread, between two tasks): runs its {@code check()}, computes the
     * migrated state on a copy when the version changed, then uninstalls the current generation and
     * installs the next. Anything failing leaves the current generation installed and its state untouched.
     *
     * @throws PackLoadException with the errors; {@code next} is then closed
     */
    synchronized void swapIn(PackGeneration next) {
        try {
            next.check();
            Map<String, Object> nextState = state;
            if (current != null && !current.manifest().version().equals(next.manifest().version())) {
                nextState = next.migrate(current.manifest().version(), copy(state));
                nextState = copy(nextState);
            }
            replace(next);
            state = nextState;
        } catch (PackLoadException | IllegalArgumentException e) {
            next.close();
            throw e instanceof PackLoadException p ? p : new PackLoadException(next.manifest().name() + ": " + e.getMessage());
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

    @Override
    public Object get(String key) {
        return state.get(key);
    }

    @Override
    public void put(String key, Object value) {
        if (value == null) {
            state.remove(key);
        } else {
            state.put(key, PropertyValues.freeze(value));
        }
    }

    /** A copy of the state store, e.g. for persistence or an admin view. */
    public Map<String, Object> stateSnapshot() {
        return copy(state);
    }

    @Override
    public long schedule(Duration delay, String timerName, Object data) {
        if (timers.size() >= 100_000) {
            throw new IllegalStateException("game.after: the pack has 100000 timers pending; cancel some first");
        }
        long id = ++nextTimer;
        timers.put(id, env.shard().timers().after(env.shard().clock().nowMillis(), delay, () -> {
            timers.remove(id);
            current.fireTimer(timerName, data);
        }));
        return id;
    }

    @Override
    public boolean cancel(long handle) {
        TimerHandle h = timers.remove(handle);
        return h != null && env.shard().timers().cancel(h);
    }

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
