package dev.backline.tools.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backline.tools.loadgen.LoadReport;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ReloadBenchmark} measured: every reload as the server reported it, the tick counters of a
 * window without reloads and of the window with them, and the load's own report (disconnects, errors,
 * latencies). Percentiles over the reloads are nearest-rank over the exact values (with 20 reloads the
 * p99 is the slowest one).
 */
public record ReloadBenchmarkReport(Machine machine, Settings settings, List<Reload> reloads, Window baseline,
                                    Window duringReloads, LoadReport load, Targets targets) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ReloadBenchmarkReport {
        reloads = List.copyOf(reloads);
    }

    /**
     * Where and when it ran. {@code loadAverage} is the machine's one-minute load average at the end of the
     * run: on a shared machine other processes' work lands in the figures.
     */
    public record Machine(String date, int cores, double memoryGiB, String java, String scriptMode, double loadAverage) {
        /** This machine, now; {@code scriptMode} is what the server logged about GraalJS. */
        static Machine current(String scriptMode) {
            long bytes = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : 0;
            return new Machine(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    Runtime.getRuntime().availableProcessors(), Math.round(bytes * 10.0 / (1L << 30)) / 10.0,
                    Runtime.version().toString(), scriptMode,
                    Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
        }
    }

    /** What the run did. */
    public record Settings(String pack, String module, int players, double rate, String mix, int reloads,
                           double intervalSeconds, double warmupSeconds, int warmupReloads) {
    }

    /** One reload as {@code POST /admin/packs/{pack}/reload} answered it, plus the request's own time. */
    public record Reload(int n, boolean ok, int generation, List<String> changedFiles, long buildMillis,
                         long swapMillis, double requestMillis, List<String> errors) {
        public Reload {
            changedFiles = List.copyOf(changedFiles);
            errors = List.copyOf(errors);
        }
    }

    /**
     * A stretch of the run: the world's tick counters from {@code GET /health} at its start and end, the
     * deepest world queue seen (polled once a second) and the latency of the commands answered in it.
     */
    public record Window(double seconds, long ticks, long overruns, long gcOverruns, long lateTicks, long skippedTicks,
                         long deferredTasks,
                         double maxTickMillisSinceStart, long maxQueueDepth, LoadReport.Latency commands) {
        public double ticksPerSecond() {
            return seconds <= 0 ? 0 : ticks / seconds;
        }
    }

    /** The figures the targets speak of, and whether each was met. */
    public record Targets(long swapP50, long swapP99, long swapMax, long buildP50, long buildP99, int failedReloads,
                          long disconnects, long missedTicks, boolean swapMet, boolean disconnectsMet,
                          boolean missedTicksMet) {
        public boolean allMet() {
            return swapMet && disconnectsMet && missedTicksMet && failedReloads == 0;
        }
    }

    static final long SWAP_TARGET_MILLIS = 250;
    /** The server's tick rate: the benchmark starts it with the default. */
    static final int TICK_RATE_HZ = 10;

    /** Works out the target figures from the measurements. */
    static Targets targets(List<Reload> reloads, Window during, LoadReport load) {
        List<Long> swaps = new ArrayList<>();
        List<Long> builds = new ArrayList<>();
        int failed = 0;
        for (Reload r : reloads) {
            if (r.ok()) {
                swaps.add(r.swapMillis());
                builds.add(r.buildMillis());
            } else {
                failed++;
            }
        }
        long disconnects = load.disconnects().values().stream().mapToLong(Long::longValue).sum();
        // A tick that never ends counts no overrun until it ends, so ticks short of the rate are missed too;
        // skipped ticks are among those short, hence the larger of the two.
        long shortfall = Math.max(0, Math.round(during.seconds() * TICK_RATE_HZ) - during.ticks() - 1);
        // Late ticks include every overrun, and short ticks that started late too.
        long missed = Math.max(during.overruns(), during.lateTicks()) + Math.max(during.skippedTicks(), shortfall);
        long p99 = nearestRank(swaps, 99);
        return new Targets(nearestRank(swaps, 50), p99, nearestRank(swaps, 100), nearestRank(builds, 50),
                nearestRank(builds, 99), failed, disconnects, missed, !swaps.isEmpty() && p99 <= SWAP_TARGET_MILLIS,
                disconnects == 0, missed == 0);
    }

    /** The smallest value with at least {@code percentile}% of the values at or below it; 0 for none. */
    static long nearestRank(List<Long> values, double percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "reload benchmark, %s: %d cores, %.0f GiB, Java %s, %s; load average %.2f%n",
                machine.date(), machine.cores(), machine.memoryGiB(), machine.java(), machine.scriptMode(), machine.loadAverage()));
        b.append(String.format(Locale.ROOT, "%d reloads of %s/%s every %.1f s, %d players sending %s commands/s each (%s); "
                        + "warm-up %.0f s%s%n%n",
                settings.reloads(), settings.pack(), settings.module(), settings.intervalSeconds(), settings.players(),
                number(settings.rate()), settings.mix(), settings.warmupSeconds(),
                settings.warmupReloads() == 0 ? "" : " after " + settings.warmupReloads() + " unmeasured reloads"));
        b.append(String.format(Locale.ROOT, "  #  ok  gen  build ms  swap ms  request ms  changed%n"));
        for (Reload r : reloads) {
            b.append(String.format(Locale.ROOT, "%3d  %-3s %4d %9d %8d %11.1f  %s%s%n", r.n(), r.ok() ? "yes" : "NO", r.generation(),
                    r.buildMillis(), r.swapMillis(), r.requestMillis(), String.join(" ", r.changedFiles()),
                    r.errors().isEmpty() ? "" : "  errors: " + String.join("; ", r.errors())));
        }
        b.append('\n');
        b.append(windowLines("without reloads", baseline));
        b.append(windowLines("during reloads ", duringReloads));
        b.append('\n').append(load.toText()).append('\n');
        b.append(String.format(Locale.ROOT, "swap:  p50 %d ms, p99 %d ms, max %d ms (target p99 <= %d ms)  %s%n",
                targets.swapP50(), targets.swapP99(), targets.swapMax(), SWAP_TARGET_MILLIS, verdict(targets.swapMet())));
        b.append(String.format(Locale.ROOT, "build: p50 %d ms, p99 %d ms%n", targets.buildP50(), targets.buildP99()));
        b.append(String.format(Locale.ROOT, "failed reloads: %d  %s%n", targets.failedReloads(), verdict(targets.failedReloads() == 0)));
        b.append(String.format(Locale.ROOT, "disconnects: %d (target 0)  %s%n", targets.disconnects(), verdict(targets.disconnectsMet())));
        b.append(String.format(Locale.ROOT, "missed ticks during reloads (late or overrun + skipped + ticks short of 10 Hz): %d (target 0)  %s%n",
                targets.missedTicks(), verdict(targets.missedTicksMet())));
        return b.toString();
    }

    private static String windowLines(String label, Window w) {
        LoadReport.Latency c = w.commands();
        return String.format(Locale.ROOT, "%s: %.1f s, %d ticks (%.2f/s), %d overruns (%d of them by GC pauses), %d late, %d skipped, world queue up to %d, "
                        + "%d tasks deferred by a tick's budget; longest tick since start %.1f ms%n"
                        + "%s  commands: %d answered, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                label, w.seconds(), w.ticks(), w.ticksPerSecond(), w.overruns(), w.gcOverruns(), w.lateTicks(), w.skippedTicks(),
                w.maxQueueDepth(), w.deferredTasks(), w.maxTickMillisSinceStart(), " ".repeat(label.length()), c.count(), c.p50(), c.p99(), c.max());
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
