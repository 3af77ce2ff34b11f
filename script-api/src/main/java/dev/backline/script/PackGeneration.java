package dev.backline.script;

import dev.backline.command.CommandFailedException;
import dev.backline.command.CommandInvocation;
import dev.backline.command.CommandSpec;
import dev.backline.event.Subscription;
import dev.backline.log.LogContext;
import dev.backline.shard.Shard;
import dev.backline.timer.TimerHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One loaded version of a pack: its own context, its evaluated modules and what its {@code register}
 * declared. Built aside (on any thread, without access to the world), then {@link #install}ed on the
 * world thread between two ticks; {@link #uninstall} takes it out again so another generation can take
 * its place. A generation whose handlers keep failing is quarantined: its handlers stop being called.
 */
final class PackGeneration implements AutoCloseable {
    private static final String PRELUDE = ScriptSandbox.resource("prelude.js");
    /** How many first calls of each hook run under the load budget rather than the call budget. */
    static final int COLD_CALLS = 3;

    private final PackEnvironment env;
    private final PackManifest manifest;
    private final Path root;
    private final int number;
    private final Map<String, String> files;
    private final Context context;
    private final GameFacade game;
    private final ColumnsFacade columns;
    private final Value prelude;
    private final GuestData data;
    private final PackRegistrar registrar;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<TimerHandle> repeatHandles = new ArrayList<>();
    private final Map<String, HookStats> hookStats = new LinkedHashMap<>();
    private final ArrayDeque<Long> recentFaults = new ArrayDeque<>();
    private final ArrayDeque<Long> recentTimeouts = new ArrayDeque<>();
    private Value exports;
    private Shard installedIn;
    private String quarantineReason;

    private PackGeneration(PackEnvironment env, PackManifest manifest, Path root, int number, Map<String, String> files,
                           Context context, LoadedPack slot) {
        this.env = env;
        this.manifest = manifest;
        this.root = root;
        this.number = number;
        this.files = Map.copyOf(files);
        this.context = context;
        this.data = new GuestData(context);
        this.game = new GameFacade(env.shard(), manifest.name(), data,
                new EntityViews(context, data, env.shard().world()::size), slot, slot, env.tunables(), env.audit());
        this.registrar = new PackRegistrar(manifest.name());
        this.columns = new ColumnsFacade(env.shard().world(), manifest.name(), data, registrar.columns);
        Value line = ScriptSandbox.installConsole(context, manifest.name());
        this.prelude = context.eval(Source.newBuilder("js", PRELUDE, "backline-prelude.js").buildLiteral())
                .execute(game, columns, new HostBoundary(), data.toGuest(GuestData.limits()), line);
    }

    /**
     * Builds a generation: new context, prelude, every module evaluated, {@code register(pack)} run. The
     * world is closed to the pack's code meanwhile, so this may run off the world thread.
     *
     * @throws PackLoadException with file:line of what failed; nothing is left half-loaded
     */
    static PackGeneration load(PackEnvironment env, Path root, PackManifest manifest, int number,
                               Map<String, String> files, LoadedPack slot) {
        Path entry = root.resolve(manifest.entry()).normalize();
        if (!entry.startsWith(root) || !Files.isRegularFile(entry)) {
            throw new PackLoadException(root.resolve(PackManifest.FILE) + ": entry module '" + manifest.entry()
                    + "' does not exist in the pack");
        }
        LogContext log = LogContext.current();
        String outer = log.enterPack(manifest.name());
        Context context = ScriptSandbox.newContext(env.engine(), manifest.name(), root);
        try {
            PackGeneration generation = new PackGeneration(env, manifest, root, number, files, context, slot);
            generation.evaluate(entry);
            return generation;
        } catch (PackLoadException e) {
            context.close(true);
            throw e;
        } catch (RuntimeException e) {
            context.close(true);
            throw new PackLoadException(manifest.name() + ": could not load: " + e.getMessage());
        } finally {
            log.leavePack(outer);
        }
    }

    private void evaluate(Path entry) {
        Source source;
        try {
            source = PackFileSystem.moduleSource(manifest.name(), root, entry);
        } catch (IOException e) {
            throw new PackLoadException(entry + ": not readable: " + e.getMessage());
        }
        exports = guarded("load", () -> context.eval(source));
        Value register = exports.getMember("register");
        if (register == null || !register.canExecute()) {
            throw loadFailure(new ScriptFault(manifest.name(), root.relativize(entry).toString(), 0, 0, "load",
                    ScriptFault.Kind.LOAD, "the entry module must export a function register(pack)", ""));
        }
        Value pack = prelude.invokeMember("wrapPack", registrar);
        guarded("register", () -> register.execute(pack));
        registrar.close();
        for (PackRegistrar.CommandDecl decl : registrar.commands) {
            try {
                new CommandSpec(decl.name(), decl.aliases(), decl.help(), decl.usage(), manifest.name(), inv -> { });
            } catch (IllegalArgumentException e) {
                throw loadFailure(new ScriptFault(manifest.name(), manifest.entry(), 0, 0, "register",
                        ScriptFault.Kind.LOAD, e.getMessage(), ""));
            }
        }
        for (String hook : List.of("check", "migrate")) {
            Value fn = exports.getMember(hook);
            if (fn != null && !fn.isNull() && !fn.canExecute()) {
                throw loadFailure(new ScriptFault(manifest.name(), manifest.entry(), 0, 0, "load", ScriptFault.Kind.LOAD,
                        "the export '" + hook + "' must be a function", ""));
            }
        }
    }

    /**
     * Runs the pack's exported {@code migrate(fromVersion, toVersion, state)} on {@code state} (a copy) and
     * returns the state it produced; without a {@code migrate} export, or when it returns undefined, the
     * state is kept as it is.
     *
     * @throws PackLoadException if migrate throws, runs past its budget or returns something that is not plain data
     */
    Map<String, Object> migrate(String fromVersion, Map<String, Object> state) {
        Value fn = exports.getMember("migrate");
        if (fn == null || fn.isNull()) {
            return state;
        }
        Value result = guarded("migrate", () -> fn.execute(fromVersion, manifest.version(), data.toGuest(state)));
        if (result == null || result.isNull()) {
            return state;
        }
        try {
            if (!(GuestData.toHost(result, "migrate's result") instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("migrate must return the new state as an object, or nothing");
            }
            Map<String, Object> migrated = new LinkedHashMap<>();
            map.forEach((k, v) -> migrated.put(String.valueOf(k), v));
            return migrated;
        } catch (IllegalArgumentException e) {
            throw loadFailure(new ScriptFault(manifest.name(), manifest.entry(), 0, 0, "migrate", ScriptFault.Kind.LOAD,
                    e.getMessage(), ""));
        }
    }

    /**
     * Runs the pack's exported {@code check()} with the world open to it (world thread only). A check that
     * throws vetoes the generation.
     *
     * @throws PackLoadException naming file:line of the failed check
     */
    void check() {
        Value fn = exports.getMember("check");
        game.openWorld();
        if (fn != null && !fn.isNull()) {
            guarded("check", fn::execute);
        }
    }

    private Value guarded(String hook, Supplier<Value> body) {
        try {
            return env.watchdog().guard(context, env.limits().loadBudget(), body);
        } catch (PolyglotException e) {
            throw loadFailure(fault(hook, e, env.limits().loadBudget()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw loadFailure(new ScriptFault(manifest.name(), manifest.entry(), 0, 0, hook, ScriptFault.Kind.LOAD,
                    e.getMessage(), ""));
        }
    }

    /** A fault for an exception out of a guarded call; a call the watchdog stopped is a timeout however it surfaced. */
    private ScriptFault fault(String hook, PolyglotException e, Duration budget) {
        ScriptFault fault = ScriptFault.of(manifest.name(), hook, e, PackFileSystem.guestRoot(manifest.name()));
        ScriptWatchdog.StopReason stopped = env.watchdog().lastCallStopped();
        if (stopped == ScriptWatchdog.StopReason.MEMORY) {
            return fault.as(ScriptFault.Kind.RESOURCE, "was stopped because the server's memory was nearly exhausted "
                    + "while it ran (a script allocating without bound?)");
        }
        if (fault.kind() == ScriptFault.Kind.TIMEOUT || stopped == ScriptWatchdog.StopReason.BUDGET) {
            return fault.as(ScriptFault.Kind.TIMEOUT, "used more than its budget of " + budget.toMillis()
                    + " ms of CPU time and was stopped");
        }
        return fault;
    }

    private PackLoadException loadFailure(ScriptFault fault) {
        env.faults().report(fault);
        return new PackLoadException(fault.toString(), List.of(fault));
    }

    /** Registers commands, subscribes handlers and starts repeating timers. World thread only. */
    void install() {
        Shard shard = env.shard();
        if (installedIn != null) {
            throw new IllegalStateException("generation " + number + " of " + manifest.name() + " is already installed");
        }
        game.openWorld();
        columns.install();
        quarantineReason = null;
        recentFaults.clear();
        recentTimeouts.clear();
        // Set first: if a command clashes halfway, uninstall() must take out the ones already registered.
        installedIn = shard;
        for (PackRegistrar.CommandDecl decl : registrar.commands) {
            shard.commands().register(new CommandSpec(decl.name(), decl.aliases(), decl.help(), decl.usage(),
                    manifest.name(), inv -> runCommand(decl, inv)));
        }
        env.tunables().declare(manifest.name(), registrar.tunables);
        registrar.handlers.forEach((event, fns) -> {
            for (Value fn : fns) {
                subscriptions.add(shard.events().subscribe(event, e -> call("on " + event, fn, e.data())));
            }
        });
        for (PackRegistrar.RepeatDecl repeat : registrar.repeats) {
            repeatHandles.add(shard.timers().everyAligned(shard.clock().nowMillis(), repeat.interval(),
                    () -> call("every " + repeat.interval().toMillis() + "ms", repeat.handler(), null)));
        }
    }

    void uninstall() {
        columns.uninstall();
        game.forgetViews();
        if (installedIn == null) {
            return;
        }
        installedIn.commands().removeOwner(manifest.name());
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        repeatHandles.forEach(installedIn.timers()::cancel);
        repeatHandles.clear();
        installedIn = null;
    }

    /** Whether this generation registers a timer handler of that name ({@code pack.timer}). */
    boolean hasTimer(String name) {
        return registrar.timers.containsKey(name);
    }

    /** Fires a named timer's handler; false if this generation has no such timer. */
    boolean fireTimer(String name, Object payload) {
        Value fn = registrar.timers.get(name);
        if (fn == null) {
            env.faults().report(new ScriptFault(manifest.name(), null, 0, 0, "timer " + name, ScriptFault.Kind.ERROR,
                    "timer '" + name + "' fired but the pack no longer registers it; it was dropped", ""));
            return false;
        }
        call("timer " + name, fn, payload);
        return true;
    }

    private void runCommand(PackRegistrar.CommandDecl decl, CommandInvocation inv) {
        if (quarantineReason != null) {
            throw new CommandFailedException("script_error", "'" + decl.name()
                    + "' is unavailable right now: its pack was stopped (" + quarantineReason + "). The operators know.");
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("player", inv.player().value());
        ctx.put("id", inv.requestId());
        ctx.put("verb", inv.verb());
        ctx.put("typed", inv.typed());
        ctx.put("args", inv.args());
        ctx.put("argv", inv.argv());
        String hook = "command '" + decl.name() + "'";
        ScriptFault fault = invoke(hook, () -> prelude.invokeMember("callCommand", decl.run(), data.toGuest(ctx)));
        if (fault != null) {
            throw new CommandFailedException("script_error", fault.kind() == ScriptFault.Kind.TIMEOUT
                    ? "'" + decl.name() + "' took too long and was stopped."
                    : "'" + decl.name() + "' failed: " + fault.message());
        }
    }

    private void call(String hook, Value fn, Object argument) {
        if (quarantineReason == null) {
            invoke(hook, () -> argument == null ? fn.execute() : fn.execute(data.toGuest(argument)));
        }
    }

    /** Runs a guarded call, measuring its CPU time; returns the fault it reported, or null if it went well. */
    private ScriptFault invoke(String hook, Supplier<Value> body) {
        LogContext log = LogContext.current();
        String outer = log.enterPack(manifest.name());
        try {
            return invokeMeasured(hook, body);
        } finally {
            log.leavePack(outer);
        }
    }

    private ScriptFault invokeMeasured(String hook, Supplier<Value> body) {
        long cpuBefore = ThreadMeter.cpuNanos();
        long allocatedBefore = ThreadMeter.allocatedBytes();
        ScriptFault fault = null;
        HookStats seen = hookStats.get(hook);
        // The first calls of a hook pay for lazy parsing and cold interpretation (measured: a first
        // playerEnter used over 50 ms of CPU on a fresh engine), so they get the load budget instead.
        Duration budget = seen == null || seen.calls() < COLD_CALLS ? env.limits().loadBudget() : env.limits().callBudget();
        try {
            env.watchdog().guard(context, budget, body);
        } catch (PolyglotException e) {
            if (e.isHostException() && e.asHostException() instanceof CommandFailedException refused) {
                // The engine refused the command (game.durable() with the store away): the player is told, and
                // it is no fault of the script's, so it counts towards no quarantine.
                throw refused;
            }
            fault = fault(hook, e, budget);
        } catch (IllegalArgumentException | IllegalStateException e) {
            fault = new ScriptFault(manifest.name(), null, 0, 0, hook, ScriptFault.Kind.ERROR, e.getMessage(), "");
        }
        ScriptFault unsettled = columns.settle(hook);
        fault = fault != null ? fault : unsettled;
        long cpu = Math.max(0, ThreadMeter.cpuNanos() - cpuBefore);
        long allocated = Math.max(0, ThreadMeter.allocatedBytes() - allocatedBefore);
        boolean timeout = fault != null && fault.kind() == ScriptFault.Kind.TIMEOUT;
        hookStats.merge(hook, new HookStats(hook, 1, fault == null ? 0 : 1, timeout ? 1 : 0, cpu, cpu, allocated),
                (old, one) -> old.plus(cpu, allocated, one.faults() > 0, timeout));
        if (fault != null) {
            env.faults().report(fault);
            countTowardsQuarantine(fault);
        }
        return fault;
    }

    private void countTowardsQuarantine(ScriptFault fault) {
        if (quarantineReason != null) {
            return;
        }
        QuarantinePolicy policy = env.quarantine();
        long now = System.nanoTime();
        ArrayDeque<Long> window = fault.kind() == ScriptFault.Kind.TIMEOUT ? recentTimeouts : recentFaults;
        window.addLast(now);
        while (!window.isEmpty() && window.peekFirst() < now - policy.window().toNanos()) {
            window.removeFirst();
        }
        if (fault.kind() == ScriptFault.Kind.RESOURCE) {
            quarantineReason = "it nearly exhausted the server's memory";
        } else if (recentTimeouts.size() > policy.maxTimeouts()) {
            quarantineReason = recentTimeouts.size() + " calls ran past their budget within " + policy.window().toSeconds() + " s";
        } else if (recentFaults.size() > policy.maxFaults()) {
            quarantineReason = recentFaults.size() + " script errors within " + policy.window().toSeconds() + " s";
        } else {
            return;
        }
        env.faults().report(new ScriptFault(manifest.name(), null, 0, 0, "quarantine", ScriptFault.Kind.ERROR,
                "generation " + number + " quarantined: " + quarantineReason + "; its handlers are no longer called"
                        + " until a reload", ""));
    }

    PackManifest manifest() {
        return manifest;
    }

    int number() {
        return number;
    }

    Map<String, String> files() {
        return files;
    }

    /** Why this generation is quarantined, or null if it is not. */
    String quarantineReason() {
        return quarantineReason;
    }

    List<HookStats> hookStats() {
        return List.copyOf(hookStats.values());
    }

    List<String> commandNames() {
        return registrar.commands.stream().map(PackRegistrar.CommandDecl::name).toList();
    }

    @Override
    public void close() {
        uninstall();
        context.close(true);
    }
}
