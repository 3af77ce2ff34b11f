package dev.backline.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * What a pack's {@code register(pack)} entry point calls to declare its commands, event handlers and
 * timers. The table it builds is the pack's table of contents. Registering after {@code register} has
 * returned is an error: handlers cannot multiply at run time.
 */
public final class PackRegistrar {
    /** The events the engine raises, so a misspelt name fails at load time, not silently. */
    static final Set<String> EVENTS = Set.of("playerEnter", "playerLeave", "roomEnter", "roomExit", "tick");
    static final int MAX_REGISTRATIONS = 1_000;
    private static final Pattern TIMER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    record CommandDecl(String name, List<String> aliases, String help, String usage, Value run) {
    }

    record RepeatDecl(Duration interval, Value handler) {
    }

    private final String pack;
    final List<CommandDecl> commands = new ArrayList<>();
    final Map<String, List<Value>> handlers = new LinkedHashMap<>();
    final Map<String, Value> timers = new LinkedHashMap<>();
    final List<RepeatDecl> repeats = new ArrayList<>();
    final Map<String, TunableSpec> tunables = new LinkedHashMap<>();
    final Map<String, ColumnsSpec> columns = new LinkedHashMap<>();
    private boolean open = true;
    private int count;

    PackRegistrar(String pack) {
        this.pack = pack;
    }

    /** {@code pack.command({name, aliases?, help, usage?, run(ctx)})}. */
    @Export
    public void command(Value spec) {
        requireOpen("pack.command");
        if (spec == null || !spec.hasMembers() || spec.canExecute()) {
            throw Args.error("pack.command", "spec", "an object like {name: 'look', help: '…', run(ctx) {…}}", spec);
        }
        String name = Args.string(spec.getMember("name"), "pack.command", "name");
        List<String> aliases = new ArrayList<>();
        Value a = spec.getMember("aliases");
        if (a != null && !a.isNull()) {
            if (!a.hasArrayElements()) {
                throw Args.error("pack.command", "aliases", "an array of strings", a);
            }
            for (long i = 0; i < a.getArraySize(); i++) {
                aliases.add(Args.string(a.getArrayElement(i), "pack.command", "aliases[" + i + "]"));
            }
        }
        String help = Args.string(spec.getMember("help"), "pack.command '" + name + "'", "help");
        String usage = Args.optionalString(spec.getMember("usage"), "pack.command '" + name + "'", "usage");
        Value run = Args.function(spec.getMember("run"), "pack.command '" + name + "'", "run");
        commands.add(new CommandDecl(name, List.copyOf(aliases), help, usage, run));
    }

    /** {@code pack.on(event, handler)}. */
    @Export
    public void on(Value event, Value handler) {
        requireOpen("pack.on");
        String name = Args.string(event, "pack.on", "event");
        if (!EVENTS.contains(name)) {
            throw new IllegalArgumentException("pack.on: unknown event '" + name + "'; the engine raises "
                    + EVENTS.stream().sorted().toList());
        }
        handlers.computeIfAbsent(name, k -> new ArrayList<>()).add(Args.function(handler, "pack.on '" + name + "'", "handler"));
    }

    /** {@code pack.every(interval, handler)}: a repeating handler in game time. */
    @Export
    public void every(Value interval, Value handler) {
        requireOpen("pack.every");
        Duration d = Args.duration(interval, "pack.every", "interval");
        if (d.toMillis() < 1) {
            throw Args.error("pack.every", "interval", "at least 1 ms of game time", interval);
        }
        repeats.add(new RepeatDecl(d, Args.function(handler, "pack.every", "handler")));
    }

    /** {@code pack.timer(name, handler)}: a named handler that {@code game.after} schedules. */
    @Export
    public void timer(Value name, Value handler) {
        requireOpen("pack.timer");
        String n = Args.string(name, "pack.timer", "name");
        if (!TIMER_NAME.matcher(n).matches()) {
            throw Args.error("pack.timer", "name", "a word of letters, digits, '_', '-', '.' (at most 64)", name);
        }
        if (timers.containsKey(n)) {
            throw new IllegalArgumentException("pack.timer: '" + n + "' is already registered in pack " + pack);
        }
        timers.put(n, Args.function(handler, "pack.timer '" + n + "'", "handler"));
    }

    /**
     * {@code pack.tunable(name, {type, default, min?, max?, options?, help?})}: a value live-ops may change at run
     * time, read with {@code game.tunable(name)}.
     */
    @Export
    public void tunable(Value name, Value spec) {
        requireOpen("pack.tunable");
        String n = Args.string(name, "pack.tunable", "name");
        if (spec == null || !spec.hasMembers() || spec.canExecute()) {
            throw Args.error("pack.tunable", "spec", "an object like {type: 'number', default: 1, min: 0, max: 10}", spec);
        }
        Object host = GuestData.toHost(spec, "pack.tunable '" + n + "'");
        if (!(host instanceof Map<?, ?> map)) {
            throw Args.error("pack.tunable", "spec", "an object", spec);
        }
        @SuppressWarnings("unchecked")
        TunableSpec declared = TunableSpec.of(n, (Map<String, Object>) map);
        if (tunables.putIfAbsent(n, declared) != null) {
            throw new IllegalArgumentException("pack.tunable: '" + n + "' is already declared in pack " + pack);
        }
    }

    /**
     * {@code pack.columns(name, {kind, props: {prop: default, ...}})}: numeric properties of every entity of a kind,
     * which {@code game.columns(name)} hands out as typed arrays.
     */
    @Export
    public void columns(Value name, Value spec) {
        requireOpen("pack.columns");
        ColumnsSpec declared = ColumnsSpec.of(name, spec);
        if (columns.size() >= ColumnsFacade.MAX_TABLES) {
            throw new IllegalArgumentException("pack.columns: pack " + pack + " declares more than " + ColumnsFacade.MAX_TABLES
                    + " column sets");
        }
        if (columns.putIfAbsent(declared.name(), declared) != null) {
            throw new IllegalArgumentException("pack.columns: '" + declared.name() + "' is already declared in pack " + pack);
        }
    }

    void close() {
        open = false;
    }

    private void requireOpen(String call) {
        if (!open) {
            throw new IllegalStateException(call + ": registering is only allowed while register(pack) runs");
        }
        if (++count > MAX_REGISTRATIONS) {
            throw new IllegalStateException(call + ": pack " + pack + " registered more than " + MAX_REGISTRATIONS + " things");
        }
    }
}
