package dev.backline.script;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tunables of every pack: what each pack declared (replaced by each new generation) and the values live-ops
 * set. Changes are made on the world thread, between ticks, so a handler sees one value for a whole tick and the
 * new one from the next; a change may be scheduled for a game time and is then applied after the first tick that
 * reaches it. Each change can be reverted, one step at a time, back to the default. Reads for the admin API
 * ({@link #list}) are safe from any thread. Set values live in memory: a restart goes back to the defaults (the
 * audit log keeps every change).
 */
public final class Tunables {
    private static final Logger LOG = System.getLogger("backline.script");
    private static final int MAX_HISTORY = 50;
    private static final int MAX_SCHEDULED = 1000;

    /** A tunable as live-ops see it. {@code scheduled} are the pending changes, soonest first. */
    public record View(String pack, TunableSpec spec, Object value, boolean overridden, List<Scheduled> scheduled) {
    }

    /** A change waiting for its game time. */
    public record Scheduled(String pack, String name, Object value, long atGameMillis, String actor) {
    }

    /** What a change did. */
    public record Change(String pack, String name, Object before, Object after) {
    }

    private final Map<String, Map<String, TunableSpec>> declared = new ConcurrentHashMap<>();
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final Map<String, Deque<Optional<Object>>> history = new ConcurrentHashMap<>();
    private final List<Scheduled> scheduled = new CopyOnWriteArrayList<>();

    /**
     * A generation of {@code pack} declared these (world thread, when it is swapped in). Set values that the new
     * declaration no longer accepts go back to the default, with a log line.
     */
    void declare(String pack, Map<String, TunableSpec> specs) {
        declared.put(pack, Map.copyOf(specs));
        for (String key : List.copyOf(values.keySet())) {
            if (!key.startsWith(pack + "/")) {
                continue;
            }
            TunableSpec spec = specs.get(key.substring(pack.length() + 1));
            try {
                if (spec == null) {
                    throw new IllegalArgumentException("no longer declared");
                }
                values.put(key, spec.validate(values.get(key)));
            } catch (IllegalArgumentException e) {
                values.remove(key);
                LOG.log(Level.WARNING, "tunable " + key + " went back to its default: " + e.getMessage());
            }
        }
    }

    /** The pack is gone: its tunables with it. */
    void forget(String pack) {
        declared.remove(pack);
        values.keySet().removeIf(k -> k.startsWith(pack + "/"));
        scheduled.removeIf(s -> s.pack().equals(pack));
    }

    /**
     * The current value (world thread).
     *
     * @throws IllegalArgumentException if the pack declared no such tunable
     */
    Object value(String pack, String name) {
        TunableSpec spec = spec(pack, name);
        Object v = values.get(key(pack, name));
        return v != null ? v : spec.defaultValue();
    }

    /**
     * Sets a value now (world thread).
     *
     * @throws IllegalArgumentException for an unknown tunable or a value it does not accept
     */
    public Change set(String pack, String name, Object value) {
        TunableSpec spec = spec(pack, name);
        Object valid = spec.validate(value);
        String key = key(pack, name);
        Object before = value(pack, name);
        Deque<Optional<Object>> past = history.computeIfAbsent(key, k -> new ArrayDeque<>());
        past.push(Optional.ofNullable(values.get(key)));
        while (past.size() > MAX_HISTORY) {
            past.removeLast();
        }
        values.put(key, valid);
        return new Change(pack, name, before, valid);
    }

    /**
     * Undoes the latest change (world thread): the value before it, or the default when there is nothing to undo.
     *
     * @throws IllegalArgumentException for an unknown tunable
     */
    public Change revert(String pack, String name) {
        TunableSpec spec = spec(pack, name);
        String key = key(pack, name);
        Object before = value(pack, name);
        Deque<Optional<Object>> past = history.get(key);
        Optional<Object> previous = past == null || past.isEmpty() ? Optional.empty() : past.pop();
        Object restored = previous.map(v -> {
            try {
                return spec.validate(v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
        if (restored == null) {
            values.remove(key);
        } else {
            values.put(key, restored);
        }
        return new Change(pack, name, before, value(pack, name));
    }

    /**
     * Schedules a change for a game time; validated now (any thread).
     *
     * @throws IllegalArgumentException for an unknown tunable, a value it does not accept, or too many pending
     */
    public Scheduled schedule(String pack, String name, Object value, long atGameMillis, String actor) {
        Object valid = spec(pack, name).validate(value);
        if (scheduled.size() >= MAX_SCHEDULED) {
            throw new IllegalArgumentException("more than " + MAX_SCHEDULED + " changes are already scheduled");
        }
        Scheduled s = new Scheduled(pack, name, valid, atGameMillis, actor);
        scheduled.add(s);
        return s;
    }

    /** Applies the scheduled changes that are due (world thread, after a tick); returns what they did. */
    public List<Change> applyDue(long nowGameMillis) {
        if (scheduled.isEmpty()) {
            return List.of();
        }
        List<Scheduled> due = scheduled.stream().filter(s -> s.atGameMillis() <= nowGameMillis)
                .sorted(Comparator.comparingLong(Scheduled::atGameMillis)).toList();
        List<Change> done = new ArrayList<>();
        for (Scheduled s : due) {
            scheduled.remove(s);
            try {
                done.add(set(s.pack(), s.name(), s.value()));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "scheduled change of tunable " + s.pack() + "/" + s.name() + " by " + s.actor()
                        + " dropped: " + e.getMessage());
            }
        }
        return done;
    }

    /** Every declared tunable with its value, by pack and name. */
    public List<View> list() {
        List<View> out = new ArrayList<>();
        new TreeMap<>(declared).forEach((pack, specs) -> new TreeMap<>(specs).forEach((name, spec) -> {
            Object v = values.get(key(pack, name));
            List<Scheduled> pending = scheduled.stream().filter(s -> s.pack().equals(pack) && s.name().equals(name))
                    .sorted(Comparator.comparingLong(Scheduled::atGameMillis)).toList();
            out.add(new View(pack, spec, v != null ? v : spec.defaultValue(), v != null, pending));
        }));
        return out;
    }

    /** One tunable's view, if declared. */
    public Optional<View> find(String pack, String name) {
        return list().stream().filter(v -> v.pack().equals(pack) && v.spec().name().equals(name)).findFirst();
    }

    private TunableSpec spec(String pack, String name) {
        Map<String, TunableSpec> specs = declared.getOrDefault(pack, Map.of());
        TunableSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("pack '" + pack + "' declares no tunable '" + name + "'"
                    + (specs.isEmpty() ? "" : "; it declares " + new TreeSet<>(specs.keySet())));
        }
        return spec;
    }

    private static String key(String pack, String name) {
        return pack + "/" + name;
    }
}
