package dev.backline.script;

import dev.backline.shard.Shard;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.graalvm.polyglot.Engine;

/**
 * Runs script packs for one shard: one shared polyglot engine (so parsed sources and compiled code are
 * shared between packs and generations), one context per pack generation, a watchdog for call budgets,
 * the fault log, and transactional reloads with an audit trail.
 *
 * <pre>{@code
 * try (ScriptRuntime scripts = ScriptRuntime.create(shard, ScriptLimits.defaults())) {
 *     scripts.loadAll(Path.of("scripts"));                  // before the world thread starts
 *     scripts.reload("backline-city", "alice").join();      // any time later, from any thread
 * }
 * }</pre>
 */
public final class ScriptRuntime implements AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.script");
    static final int AUDIT_KEPT = 500;

    private final Shard shard;
    private final PackEnvironment env;
    private final boolean ownsEngine;
    private final Map<String, LoadedPack> packs = new ConcurrentHashMap<>();
    private final ArrayDeque<ReloadReport> audit = new ArrayDeque<>();
    private final List<Consumer<ReloadReport>> reportListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(
            // Below the world thread and the network: a reload may take longer, a tick may not (see WorldThread).
            Thread.ofPlatform().name("pack-builder").daemon(true).priority(Thread.MIN_PRIORITY).factory());

    private ScriptRuntime(Shard shard, ScriptLimits limits, QuarantinePolicy quarantine, Engine engine, boolean ownsEngine) {
        this.shard = shard;
        this.env = new PackEnvironment(engine, shard, new ScriptWatchdog(), limits, new ScriptFaults(), quarantine,
                new Tunables(), new ScriptAudit());
        this.ownsEngine = ownsEngine;
        // Scheduled tunable changes take effect between ticks, like every other change.
        shard.afterEachTick(() -> env.tunables().applyDue(shard.clock().nowMillis())
                .forEach(c -> LOG.log(Level.INFO, "scheduled change applied: tunable " + c.pack() + "/" + c.name()
                        + " " + c.before() + " -> " + c.after())));
    }

    public static ScriptRuntime create(Shard shard, ScriptLimits limits) {
        return create(shard, limits, QuarantinePolicy.defaults());
    }

    public static ScriptRuntime create(Shard shard, ScriptLimits limits, QuarantinePolicy quarantine) {
        return new ScriptRuntime(shard, limits, quarantine, newEngine(), true);
    }

    /**
     * A runtime that owns {@code engine}, made ahead with {@link #newEngine()} (on another thread while the
     * database starts, say); closing the runtime closes it.
     */
    public static ScriptRuntime create(Shard shard, ScriptLimits limits, QuarantinePolicy quarantine, Engine engine) {
        return new ScriptRuntime(shard, limits, quarantine, engine, true);
    }

    /**
     * A runtime on an engine shared with others (many test worlds in one JVM share parsed and compiled
     * code this way). The engine must come from {@link #newEngine()}; closing the runtime leaves it open.
     */
    public static ScriptRuntime onSharedEngine(Shard shard, ScriptLimits limits, Engine engine) {
        return new ScriptRuntime(shard, limits, QuarantinePolicy.defaults(), engine, false);
    }

    /** A polyglot engine configured for pack contexts (CONSTRAINED sandbox policy), warmed up ({@link EngineWarmUp}). */
    public static Engine newEngine() {
        return newEngine(null);
    }

    /**
     * {@link #newEngine()}, keeping what the warm-up works out from the engine's jars under {@code cacheDir}
     * (null: nowhere) so the next start of the process is a second faster.
     */
    public static Engine newEngine(Path cacheDir) {
        if (ScriptSandbox.DIAGNOSTICS) {
            LOG.log(Level.WARNING, "script diagnostics on (backline.scriptDiagnostics): the script engine accepts "
                    + "Truffle's tracing and experimental options; not for production");
        }
        Engine engine = Engine.newBuilder("js")
                .sandbox(ScriptSandbox.policy())
                .allowExperimentalOptions(ScriptSandbox.DIAGNOSTICS)
                .option("engine.WarnInterpreterOnly", "false")
                .out(new LogStream("engine", Level.INFO))
                .err(new LogStream("engine", Level.WARNING))
                .build();
        EngineWarmUp.run(engine, cacheDir);
        return engine;
    }

    /** Whether GraalJS runs compiled or interpreted here, for the start-up log line. */
    public RuntimeMode mode() {
        return RuntimeMode.detect(env.engine());
    }

    /**
     * Loads every pack under {@code scriptsDir} (each directory holding a {@code pack.yaml}) and installs
     * it. All packs are built before any is installed, so one broken pack leaves nothing half-installed.
     * Call it before the world thread starts, or on it.
     *
     * @throws PackLoadException listing every pack's problems with file:line
     */
    public List<LoadedPack> loadAll(Path scriptsDir) {
        List<Path> dirs;
        try (Stream<Path> list = Files.list(scriptsDir)) {
            dirs = list.filter(d -> Files.isRegularFile(d.resolve(PackManifest.FILE))).sorted().toList();
        } catch (IOException e) {
            throw new PackLoadException(scriptsDir + ": cannot list packs: " + e.getMessage());
        }
        if (dirs.isEmpty()) {
            throw new PackLoadException(scriptsDir + ": no packs found (a pack is a directory with a " + PackManifest.FILE + ")");
        }
        List<String> problems = new ArrayList<>();
        List<ScriptFault> allFaults = new ArrayList<>();
        Map<LoadedPack, PackGeneration> built = new LinkedHashMap<>();
        for (Path dir : dirs) {
            try {
                LoadedPack pack = new LoadedPack(env, dir.toRealPath());
                PackGeneration generation = pack.build();
                if (packs.containsKey(generation.manifest().name())) {
                    generation.close();
                    throw new PackLoadException(dir + ": pack '" + generation.manifest().name() + "' is already loaded");
                }
                built.put(pack, generation);
            } catch (PackLoadException e) {
                problems.add(e.getMessage());
                allFaults.addAll(e.faults());
            } catch (IOException e) {
                problems.add(dir + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            built.values().forEach(PackGeneration::close);
            throw new PackLoadException(String.join("\n", problems), allFaults);
        }
        List<LoadedPack> installed = new ArrayList<>();
        try {
            built.forEach((pack, generation) -> {
                pack.swapIn(generation);
                packs.put(generation.manifest().name(), pack);
                installed.add(pack);
                LOG.log(Level.INFO, "pack " + generation.manifest().name() + " " + generation.manifest().version()
                        + " loaded: " + generation.commandNames().size() + " commands");
            });
        } catch (RuntimeException e) {
            installed.forEach(p -> packs.remove(p.name()));
            installed.forEach(LoadedPack::close);
            throw e instanceof PackLoadException p ? p : new PackLoadException("installing packs failed: " + e.getMessage());
        }
        return installed;
    }

    /**
     * Reloads one pack from its files: builds the next generation on the calling thread (every module
     * evaluated, {@code register} run), then swaps it in on the world thread between two tasks, after its
     * {@code check()} and {@code migrate()} succeed. Any failure leaves the running generation in place.
     * The future completes with the report once the world thread has swapped (or refused); the report is
     * also kept in {@link #audit()}.
     *
     * @throws IllegalArgumentException if there is no such pack
     */
    public CompletableFuture<ReloadReport> reload(String packName, String actor) {
        LoadedPack pack = pack(packName);
        // Built on our own platform thread: callers may be virtual threads (Helidon's), on which polyglot
        // contexts are experimental, and one builder serialises concurrent reloads.
        return CompletableFuture.supplyAsync(() -> build(pack, packName, actor), builder).thenCompose(f -> f);
    }

    private CompletableFuture<ReloadReport> build(LoadedPack pack, String packName, String actor) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        Map<String, String> before = pack.files();
        int running = pack.generation();
        PackGeneration next;
        try {
            next = pack.build();
        } catch (PackLoadException e) {
            Map<String, String> now = safeHash(pack.root());
            return CompletableFuture.completedFuture(record(new ReloadReport(packName, "reload", actor, at, false, running,
                    running, FileChange.between(before, now), now, millisSince(started), 0, errors(e))));
        }
        long buildMillis = millisSince(started);
        CompletableFuture<ReloadReport> result = new CompletableFuture<>();
        boolean accepted = shard.submitControl(s -> {
            long swapStarted = System.nanoTime();
            ReloadReport report;
            try {
                pack.swapIn(next);
                report = new ReloadReport(packName, "reload", actor, at, true, next.number(), running,
                        FileChange.between(before, next.files()), next.files(), buildMillis, millisSince(swapStarted), List.of());
            } catch (PackLoadException e) {
                report = new ReloadReport(packName, "reload", actor, at, false, running, running,
                        FileChange.between(before, next.files()), next.files(), buildMillis, millisSince(swapStarted), errors(e));
            }
            result.complete(record(report));
        });
        if (!accepted) {
            next.close();
            result.complete(record(new ReloadReport(packName, "reload", actor, at, false, running, running,
                    FileChange.between(before, next.files()), next.files(), buildMillis, 0,
                    List.of("the world's control queue is full; try again"))));
        }
        return result;
    }

    /**
     * Swaps the pack back to the generation before the current one, on the world thread.
     *
     * @throws IllegalArgumentException if there is no such pack
     */
    public CompletableFuture<ReloadReport> rollback(String packName, String actor) {
        LoadedPack pack = pack(packName);
        Instant at = Instant.now();
        CompletableFuture<ReloadReport> result = new CompletableFuture<>();
        boolean accepted = shard.submitControl(s -> {
            long started = System.nanoTime();
            int from = pack.generation();
            Map<String, String> before = pack.files();
            ReloadReport report;
            try {
                PackGeneration now = pack.rollBack();
                report = new ReloadReport(packName, "rollback", actor, at, true, now.number(), from,
                        FileChange.between(before, now.files()), now.files(), 0, millisSince(started), List.of());
            } catch (RuntimeException e) {
                report = new ReloadReport(packName, "rollback", actor, at, false, from, from, List.of(), before, 0,
                        millisSince(started), List.of(e.getMessage()));
            }
            result.complete(record(report));
        });
        if (!accepted) {
            result.complete(record(new ReloadReport(packName, "rollback", actor, at, false, pack.generation(),
                    pack.generation(), List.of(), pack.files(), 0, 0, List.of("the world's control queue is full; try again"))));
        }
        return result;
    }

    private LoadedPack pack(String name) {
        LoadedPack pack = packs.get(name);
        if (pack == null) {
            throw new IllegalArgumentException("no pack '" + name + "'; loaded: " + packs.keySet().stream().sorted().toList());
        }
        return pack;
    }

    private ReloadReport record(ReloadReport report) {
        synchronized (audit) {
            if (audit.size() == AUDIT_KEPT) {
                audit.removeFirst();
            }
            audit.addLast(report);
        }
        String summary = report.action() + " of " + report.pack() + " by " + report.actor() + ": "
                + (report.ok() ? "generation " + report.previousGeneration() + " -> " + report.generation()
                        + ", " + report.changedFiles().size() + " files changed, build " + report.buildMillis()
                        + " ms, swap " + report.swapMillis() + " ms"
                        : "FAILED, generation " + report.generation() + " keeps running: " + String.join("; ", report.errors()));
        LOG.log(report.ok() ? Level.INFO : Level.WARNING, summary);
        for (Consumer<ReloadReport> listener : reportListeners) {
            try {
                listener.accept(report);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a reload report listener failed: " + e);
            }
        }
        return report;
    }

    /**
     * Also hands every reload and rollback report to {@code listener} (the persistent audit log, say), on
     * the thread that made the report: often the world thread, so the listener must not block.
     */
    public void onReport(Consumer<ReloadReport> listener) {
        reportListeners.add(listener);
    }

    /** Every reload and rollback, oldest first (the latest {@value #AUDIT_KEPT}). */
    public List<ReloadReport> audit() {
        synchronized (audit) {
            return List.copyOf(audit);
        }
    }

    public Map<String, LoadedPack> packs() {
        return Collections.unmodifiableMap(new java.util.TreeMap<>(packs));
    }

    /**
     * Sends what scripts record with {@code game.audit} to {@code log}, which is called on the world thread and
     * must not block (a {@code BufferedAuditLog}).
     */
    public void auditTo(dev.backline.persist.AuditLog log) {
        env.audit().connect(log);
    }

    /** The packs' tunables: declared values and what live-ops set. */
    public Tunables tunables() {
        return env.tunables();
    }

    public ScriptFaults faults() {
        return env.faults();
    }

    public ScriptLimits limits() {
        return env.limits();
    }

    private static List<String> errors(PackLoadException e) {
        return e.faults().isEmpty() ? List.of(e.getMessage()) : e.faults().stream().map(ScriptFault::toString).toList();
    }

    private static Map<String, String> safeHash(Path root) {
        try {
            return PackFiles.hash(root);
        } catch (PackLoadException e) {
            return Map.of();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Override
    public void close() {
        builder.shutdownNow();
        packs.values().forEach(LoadedPack::close);
        packs.clear();
        env.watchdog().close();
        if (ownsEngine) {
            env.engine().close();
        }
    }
}
