package dev.backline.server.metrics;

import dev.backline.persist.WriteBehind;
import dev.backline.script.HookStats;
import dev.backline.script.LoadedPack;
import dev.backline.script.ScriptRuntime;
import dev.backline.server.BacklineServer;
import dev.backline.shard.Shard;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /metrics} in the Prometheus text format (prometheus-metrics-core): the tick duration histogram and
 * overruns, the command queue depth, connected players, commands and rate-limit rejections, per-pack and
 * per-hook script time and faults, the write-behind's flushes, write time and backlog, and reloads with their
 * duration. Most values are read when scraped from counters the engine keeps anyway; the tick histogram and the
 * player count are taken on the world thread at the end of each tick, so a scrape never touches the world.
 *
 * <pre>{@code ServerMetrics metrics = ServerMetrics.create(shard, scripts, persistence); ... metrics.bind(server);}</pre>
 */
public final class ServerMetrics implements HttpService {
    private static final double NANOS = 1e9;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private volatile BacklineServer server;
    private volatile int players;

    private ServerMetrics() {
    }

    /** Registers every metric; the world thread may already run. */
    public static ServerMetrics create(Shard shard, ScriptRuntime scripts, WriteBehind persistence) {
        ServerMetrics m = new ServerMetrics();
        m.tick(shard);
        m.scripts(scripts);
        m.persistence(persistence);
        m.play();
        return m;
    }

    /** The server whose {@code /play} counters to report, once it has started. */
    public void bind(BacklineServer started) {
        this.server = started;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metrics", (req, res) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            try {
                writer.write(out, registry.scrape());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            res.header(HeaderNames.CONTENT_TYPE, PrometheusTextFormatWriter.CONTENT_TYPE);
            res.send(out.toByteArray());
        });
    }

    private void tick(Shard shard) {
        Histogram duration = Histogram.builder().name("backline_tick_duration_seconds")
                .help("How long each tick took on the world thread")
                .classicOnly().classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1)
                .register(registry);
        // The hook list belongs to the world thread, which may be running: register from a world task.
        boolean accepted = shard.submit(s -> s.afterEachTick(() -> {
            duration.observe(s.stats().lastTickNanos() / NANOS);
            players = s.sessions().count();
        }));
        if (!accepted) {
            throw new IllegalStateException("the world's task queue is full; cannot start the metrics");
        }
        CounterWithCallback.builder().name("backline_tick_overruns").help("Ticks that took longer than the tick period")
                .callback(cb -> cb.call(shard.stats().overruns())).register(registry);
        CounterWithCallback.builder().name("backline_ticks_skipped").help("Ticks dropped because the loop fell too far behind")
                .callback(cb -> cb.call(shard.stats().skipped())).register(registry);
        CounterWithCallback.builder().name("backline_ticks_late")
                .help("Ticks that ended after their slot in the fixed-rate schedule (overruns and late starts)")
                .callback(cb -> cb.call(shard.stats().lateTicks())).register(registry);
        CounterWithCallback.builder().name("backline_tick_overruns_gc")
                .help("Overruns that only garbage-collection pauses within the tick made longer than the period")
                .callback(cb -> cb.call(shard.stats().gcOverruns())).register(registry);
        CounterWithCallback.builder().name("backline_tick_deferred_tasks")
                .help("Queued tasks a tick left for the next one, its task budget spent (once per tick they waited)")
                .callback(cb -> cb.call(shard.stats().deferredTasks())).register(registry);
        CounterWithCallback.builder().name("backline_tick_failures").help("Tasks, listeners and timers that threw")
                .callback(cb -> cb.call(shard.stats().failures())).register(registry);
        GaugeWithCallback.builder().name("backline_command_queue_depth").help("Tasks waiting for the world thread")
                .callback(cb -> cb.call(shard.queueDepth())).register(registry);
        GaugeWithCallback.builder().name("backline_players_connected").help("Players bound to the world at the last tick")
                .callback(cb -> cb.call(players)).register(registry);
    }

    private void play() {
        CounterWithCallback.builder().name("backline_commands").help("Player commands handed to the world")
                .callback(cb -> {
                    BacklineServer s = server;
                    cb.call(s == null ? 0 : s.commandsQueued());
                }).register(registry);
        CounterWithCallback.builder().name("backline_rate_limited").help("Player commands refused with rate_limited")
                .callback(cb -> {
                    BacklineServer s = server;
                    cb.call(s == null ? 0 : s.rateLimited());
                }).register(registry);
    }

    private void scripts(ScriptRuntime scripts) {
        CounterWithCallback.builder().name("backline_script_calls").help("Calls of a pack's hook")
                .labelNames("pack", "hook").callback(cb -> eachHook(scripts, (p, h) -> cb.call(h.calls(), p, h.hook())))
                .register(registry);
        CounterWithCallback.builder().name("backline_script_faults").help("Calls of a pack's hook that threw or overran")
                .labelNames("pack", "hook")
                .callback(cb -> eachHook(scripts, (p, h) -> cb.call(h.faults() + h.timeouts(), p, h.hook())))
                .register(registry);
        CounterWithCallback.builder().name("backline_script_cpu_seconds").help("CPU time spent in a pack's hook")
                .labelNames("pack", "hook").callback(cb -> eachHook(scripts, (p, h) -> cb.call(h.cpuNanos() / NANOS, p, h.hook())))
                .register(registry);
        CounterWithCallback.builder().name("backline_script_allocated_bytes")
                .help("Heap the world thread allocated in a pack's hook (boxed numbers in a hot loop show here)")
                .labelNames("pack", "hook").callback(cb -> eachHook(scripts, (p, h) -> cb.call(h.allocatedBytes(), p, h.hook())))
                .register(registry);
        GaugeWithCallback.builder().name("backline_pack_generation").help("The running generation of each pack")
                .labelNames("pack", "status").callback(cb -> scripts.packs().values().forEach(p ->
                        cb.call(p.generation(), p.name(), p.quarantineReason() == null ? "running" : "quarantined")))
                .register(registry);
        Counter reloads = Counter.builder().name("backline_reloads").help("Pack reloads and rollbacks")
                .labelNames("pack", "action", "result").register(registry);
        Histogram reloadTime = Histogram.builder().name("backline_reload_duration_seconds")
                .help("Build plus swap time of a reload or rollback").classicOnly()
                .classicUpperBounds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10).register(registry);
        scripts.onReport(r -> {
            reloads.labelValues(r.pack(), r.action(), r.ok() ? "ok" : "refused").inc();
            reloadTime.observe((r.buildMillis() + r.swapMillis()) / 1000.0);
        });
    }

    private void persistence(WriteBehind persistence) {
        CounterWithCallback.builder().name("backline_flushes").help("Write-behind batches written")
                .callback(cb -> cb.call(persistence.stats().flushes())).register(registry);
        CounterWithCallback.builder().name("backline_flush_failures").help("Write-behind writes that failed (retried)")
                .callback(cb -> cb.call(persistence.stats().failedWrites())).register(registry);
        GaugeWithCallback.builder().name("backline_flush_backlog_rows").help("Rows handed over and not yet written")
                .callback(cb -> cb.call(persistence.stats().backlogRows())).register(registry);
        GaugeWithCallback.builder().name("backline_flush_last_write_seconds").help("Duration of the last successful write")
                .callback(cb -> cb.call(persistence.stats().lastWriteNanos() / NANOS)).register(registry);
        GaugeWithCallback.builder().name("backline_flush_max_write_seconds").help("Longest successful write so far")
                .callback(cb -> cb.call(persistence.stats().maxWriteNanos() / NANOS)).register(registry);
        GaugeWithCallback.builder().name("backline_database_available").help("1 while writes succeed, 0 after a failed one")
                .callback(cb -> cb.call(persistence.stats().available() ? 1 : 0)).register(registry);
    }

    private static void eachHook(ScriptRuntime scripts, java.util.function.BiConsumer<String, HookStats> each) {
        for (LoadedPack pack : scripts.packs().values()) {
            for (HookStats h : pack.hookStats()) {
                each.accept(pack.name(), h);
            }
        }
    }
}
