package dev.backline.tools.bench.npcs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backline.tools.bench.LoadAverage;
import dev.backline.tools.loadgen.DurationConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench npcs}: tick capacity (issue 9, item 2). N NPC entities live by a needs model that a pack runs
 * once per tick over all of them through {@code game.columns}; the benchmark measures the CPU time of the thread
 * that runs the ticks (the world thread's work, unaffected by other processes on the machine) and the wall time
 * per tick at increasing N, each tick with its share of the persistence hand-over (every tenth tick takes the
 * snapshots of the changed entities, as the write-behind does once a second), finds the largest N whose mean
 * stays within the budget (50 ms: half of one core at 10 Hz), and runs the model's Java twin for contrast.
 */
@Command(name = "bench npcs", sortOptions = false, usageHelpAutoWidth = true,
        description = "Tick capacity (issue 9, item 2): the most scripted NPCs the world sustains at 10 Hz within a CPU budget per tick.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:the script and its Java twin disagree, or a run failed", "2:bad usage"})
public final class NpcBenchmark implements Callable<Integer> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int FLUSH_EVERY = 10;
    private static final int ROUND_TO = 5_000;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    @Option(names = "--npcs", split = ",", paramLabel = "N", defaultValue = "25000,50000,100000,200000,400000",
            description = "NPC counts to measure, ascending (default: ${DEFAULT-VALUE})")
    private List<Integer> npcs;

    @Option(names = "--budget", defaultValue = "50", paramLabel = "MS",
            description = "world-thread CPU per tick the capacity must stay within, ms (default: ${DEFAULT-VALUE})")
    private double budgetMs;

    @Option(names = "--jit-warmup", defaultValue = "150s", converter = DurationConverter.class,
            description = "ticks run unmeasured first, so the JIT has compiled the Graal compiler and the pack (default: ${DEFAULT-VALUE})")
    private Duration jitWarmup;

    @Option(names = "--warmup-npcs", defaultValue = "50000", description = "NPCs during the JIT warm-up (default: ${DEFAULT-VALUE})")
    private int warmupNpcs;

    @Option(names = "--settle", defaultValue = "40", description = "unmeasured ticks of each new world (default: ${DEFAULT-VALUE})")
    private int settleTicks;

    @Option(names = "--ticks", defaultValue = "50", description = "ticks per measured window (default: ${DEFAULT-VALUE})")
    private int ticks;

    @Option(names = "--windows", defaultValue = "3", description = "measured windows per N; the figure is their median (default: ${DEFAULT-VALUE})")
    private int windows;

    @Option(names = "--bisect", defaultValue = "3", description = "steps narrowing the capacity between the last N within budget and the first past it (default: ${DEFAULT-VALUE})")
    private int bisect;

    @Option(names = "--no-java", description = "skip the Java twin")
    private boolean noJava;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON to FILE")
    private Path json;

    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    private final List<Step> steps = new ArrayList<>();

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NpcBenchmark());
        cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        System.exit(cl.execute(args));
    }

    /** One N measured in one mode: per-window means and the spread of single ticks, in ms. */
    record Step(String mode, int npcs, List<Double> windowCpuMs, double cpuMs, double wallMs, double processCpuMs,
                double p50CpuMs, double p90CpuMs, double maxCpuMs, double handOverMs, String loadAverage) {
        double nsPerNpc() {
            return cpuMs * 1e6 / npcs;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (npcs.isEmpty() || ticks < FLUSH_EVERY || windows < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "need at least one N, --ticks >= 10 and --windows >= 1");
        }
        out.printf("bench npcs: budget %.0f ms of world-thread CPU per tick; %s, %d cores; load average %s%n", budgetMs,
                Runtime.version(), Runtime.getRuntime().availableProcessors(), LoadAverage.now());
        if (!agree()) {
            return 1;
        }
        warmUp();
        Step lastWithin = null;
        Step firstPast = null;
        for (int n : npcs) {
            Step step = measure(NpcWorld.Mode.SCRIPT, n);
            if (step.cpuMs() <= budgetMs) {
                lastWithin = step;
            } else {
                firstPast = step;
                break;
            }
        }
        for (int i = 0; i < bisect && lastWithin != null && firstPast != null
                && firstPast.npcs() - lastWithin.npcs() > ROUND_TO; i++) {
            int mid = Math.round((lastWithin.npcs() + firstPast.npcs()) / 2f / ROUND_TO) * ROUND_TO;
            Step step = measure(NpcWorld.Mode.SCRIPT, mid);
            if (step.cpuMs() <= budgetMs) {
                lastWithin = step;
            } else {
                firstPast = step;
            }
        }
        if (!noJava) {
            measure(NpcWorld.Mode.JAVA, warmupNpcs);   // C2's warm-up for the twin, reported too
            for (int n : npcs) {
                measure(NpcWorld.Mode.JAVA, n);
            }
        }
        report(lastWithin, firstPast);
        return 0;
    }

    private boolean agree() {
        String disagreement = disagreement(2_000, 200);
        out.println("check: 2,000 NPCs, 200 ticks: " + (disagreement == null ? "the pack and its Java twin agree" : disagreement));
        return disagreement == null;
    }

    /** Null if the pack and its Java twin compute the same needs (to rounding) from the same start, else how not. */
    static String disagreement(int npcs, int ticks) {
        double script;
        double java;
        try (NpcWorld w = new NpcWorld(NpcWorld.Mode.SCRIPT, npcs)) {
            w.ticks(ticks);
            script = w.checksum();
        }
        try (NpcWorld w = new NpcWorld(NpcWorld.Mode.JAVA, npcs)) {
            w.ticks(ticks);
            java = w.checksum();
        }
        return Math.abs(script - java) <= 1e-9 * Math.abs(java) ? null
                : "the pack computes %.9f where its Java twin computes %.9f".formatted(script, java);
    }

    private void warmUp() {
        if (jitWarmup.isZero()) {
            return;
        }
        out.printf("JIT warm-up: %d NPCs for %d s ...%n", warmupNpcs, jitWarmup.toSeconds());
        long end = System.nanoTime() + jitWarmup.toNanos();
        long report = System.nanoTime() + 15_000_000_000L;
        long started = System.nanoTime();
        try (NpcWorld w = new NpcWorld(NpcWorld.Mode.SCRIPT, warmupNpcs)) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            int count = 0;
            while (System.nanoTime() < end) {
                w.tick();
                count++;
                if (count % FLUSH_EVERY == 0) {
                    w.handOver();
                }
                if (System.nanoTime() >= report) {
                    long now = THREADS.getCurrentThreadCpuTime();
                    out.printf("  %3d s: %.1f ms of CPU per tick (load average %s)%n", (System.nanoTime() - started) / 1_000_000_000L,
                            (now - cpu) / 1e6 / count, LoadAverage.now());
                    cpu = now;
                    count = 0;
                    report += 15_000_000_000L;
                }
            }
        }
    }

    private Step measure(NpcWorld.Mode mode, int n) {
        try (NpcWorld w = new NpcWorld(mode, n)) {
            for (int i = 0; i < settleTicks; i++) {
                w.tick();
                if (i % FLUSH_EVERY == 0) {
                    w.handOver();
                }
            }
            List<Double> means = new ArrayList<>();
            double[] cpu = new double[ticks * windows];
            double wall = 0;
            double process = 0;
            double handOver = 0;
            int handOvers = 0;
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int win = 0; win < windows; win++) {
                double sum = 0;
                for (int t = 0; t < ticks; t++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    long p0 = os.getProcessCpuTime();
                    w.tick();
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    if (t % FLUSH_EVERY == FLUSH_EVERY - 1) {
                        w.handOver();
                        handOver += (THREADS.getCurrentThreadCpuTime() - c1) / 1e6;
                        handOvers++;
                    }
                    double ms = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
                    cpu[win * ticks + t] = ms;
                    sum += ms;
                    wall += (System.nanoTime() - w0) / 1e6;
                    process += (os.getProcessCpuTime() - p0) / 1e6;
                }
                means.add(sum / ticks);
            }
            double[] sortedMeans = means.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            Arrays.sort(cpu);
            int all = cpu.length;
            Step step = new Step(mode.name().toLowerCase(), n, means, sortedMeans[sortedMeans.length / 2], wall / all,
                    process / all, cpu[all / 2], cpu[(int) (all * 0.9)], cpu[all - 1], handOver / handOvers, LoadAverage.now());
            out.printf("%-6s %,9d NPCs: %7.2f ms CPU/tick (windows %s), %6.0f ns/NPC; p50 %.2f p90 %.2f max %.2f; "
                            + "wall %.2f; process CPU %.2f; hand-over %.2f ms; load %s%n", step.mode(), n, step.cpuMs(),
                    means.stream().map(m -> "%.2f".formatted(m)).toList(), step.nsPerNpc(), step.p50CpuMs(), step.p90CpuMs(),
                    step.maxCpuMs(), step.wallMs(), step.processCpuMs(), step.handOverMs(), step.loadAverage());
            steps.add(step);
            return step;
        }
    }

    private void report(Step lastWithin, Step firstPast) throws IOException {
        out.println();
        if (lastWithin == null) {
            out.printf("capacity: below %,d NPCs (the smallest N measured already needs %.1f ms per tick)%n", npcs.getFirst(),
                    firstPast.cpuMs());
        } else if (firstPast == null) {
            out.printf("capacity: at least %,d NPCs (%.1f ms per tick); measure larger N to find the limit%n",
                    lastWithin.npcs(), lastWithin.cpuMs());
        } else {
            out.printf("capacity: %,d NPCs within %.0f ms per tick (%.1f ms, %.0f ns per NPC); %,d need %.1f ms%n",
                    lastWithin.npcs(), budgetMs, lastWithin.cpuMs(), lastWithin.nsPerNpc(), firstPast.npcs(), firstPast.cpuMs());
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("date", Instant.now().toString());
            doc.put("java", Runtime.version().toString());
            doc.put("budgetMs", budgetMs);
            doc.put("jitWarmupSeconds", jitWarmup.toSeconds());
            doc.put("capacity", lastWithin == null ? null : lastWithin.npcs());
            doc.put("steps", steps);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
            out.println("wrote " + json);
        }
    }
}
