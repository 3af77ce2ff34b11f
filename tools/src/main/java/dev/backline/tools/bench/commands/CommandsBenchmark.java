package dev.backline.tools.bench.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backline.tools.bench.LoadAverage;
import dev.backline.tools.loadgen.CommandMix;
import dev.backline.tools.loadgen.DurationConverter;
import dev.backline.tools.loadgen.Loadgen;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench commands}: what a command costs the world thread (issue 9, item 4's engine-bound part), in
 * process: the game's world data and packs on the real shard and script runtime, players that send the loadgen's
 * mix at its rate, ticks run back to back on this thread. No sockets, no encoding, no second process: what
 * {@code tools/scripts/command-cost.sh} measures from outside through a server under the loadgen, without the
 * transport, the loadgen and the server's other threads competing for the same two cores, so the figures are
 * steady enough to compare one change of the engine with the next.
 */
@Command(name = "bench commands", sortOptions = false, usageHelpAutoWidth = true,
        description = "The world thread's CPU and heap per command of a mix, in process (issue 9, item 4).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:a command got an error or no answer", "2:bad usage"})
public final class CommandsBenchmark implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--players", split = ",", paramLabel = "N", defaultValue = "100,400,1000",
            description = "player counts to measure, ascending; the same world grows (default: ${DEFAULT-VALUE})")
    private List<Integer> playerCounts;

    @Option(names = "--mix", defaultValue = "look:5,go:3,say:1,who:1", converter = Loadgen.MixConverter.class,
            description = "weighted commands, as the loadgen's (default: ${DEFAULT-VALUE})")
    private CommandMix mix;

    @Option(names = "--rate", defaultValue = "2", description = "commands per player per second of game ticks (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(names = "--jit-warmup", defaultValue = "120s", converter = DurationConverter.class,
            description = "the mix at the first player count, unmeasured, so the JIT has compiled the pack (default: ${DEFAULT-VALUE})")
    private Duration jitWarmup;

    @Option(names = "--settle", defaultValue = "100", description = "unmeasured ticks after each join (default: ${DEFAULT-VALUE})")
    private int settleTicks;

    @Option(names = "--ticks", defaultValue = "200", description = "ticks per measured window (default: ${DEFAULT-VALUE})")
    private int ticks;

    @Option(names = "--windows", defaultValue = "5", description = "windows per player count; the figure is their median (default: ${DEFAULT-VALUE})")
    private int windows;

    @Option(names = "--world", defaultValue = "world-data", paramLabel = "DIR", description = "world data (default: ${DEFAULT-VALUE})")
    private Path worldDir;

    @Option(names = "--scripts", defaultValue = "scripts", paramLabel = "DIR", description = "packs (default: ${DEFAULT-VALUE})")
    private Path scriptsDir;

    @Option(names = "--district", defaultValue = "0", paramLabel = "ROOMS",
            description = "add a grid of ROOMS plain rooms and scatter the players over it, so rooms hold what a large world's do (default: none)")
    private int districtRooms;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON to FILE")
    private Path json;

    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new CommandsBenchmark());
        cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        System.exit(cl.execute(args));
    }

    /** One verb's share of a step: calls, and per call the world thread's CPU and heap in the command itself. */
    record VerbFigure(String verb, long calls, double micros, double kilobytes) {
    }

    /**
     * One player count: per command the world thread's CPU (median of the windows, the tick's own work
     * included) and heap, the events sent per command, and where the players stood.
     */
    record Step(int players, List<Double> windowMicros, double micros, double kilobytes, double eventsPerCommand,
                double idleTickMicros, int roomsOccupied, int mostInOneRoom, List<VerbFigure> verbs) {
        /** The commands per second one world thread would answer at this cost. */
        double capacityPerSecond() {
            return 1e6 / micros;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (playerCounts.isEmpty() || ticks < GameWorld.HAND_OVER_EVERY || windows < 1 || !(rate > 0) || districtRooms < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "need at least one player count, --ticks >= 10, --windows >= 1, --rate > 0 and --district >= 0");
        }
        for (Path dir : List.of(worldDir, scriptsDir)) {
            if (!Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), dir + " is not a directory");
            }
        }
        out.printf("bench commands: mix %s, %.1f commands per player per second%s; %s, %d cores; load average %s%n", mix,
                rate, districtRooms > 0 ? ", players scattered over a district of %,d rooms".formatted(districtRooms) : "",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), LoadAverage.now());
        List<Step> steps = new ArrayList<>();
        try (GameWorld world = new GameWorld(worldDir, scriptsDir, districtRooms)) {
            world.joinUpTo(playerCounts.getFirst());
            warmUp(world);
            for (int n : playerCounts) {
                world.joinUpTo(n);
                steps.add(measure(world, n));
            }
            String failure = failures(world);
            if (failure != null) {
                out.println("FAILED: " + failure);
                return 1;
            }
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("date", Instant.now().toString());
            doc.put("java", Runtime.version().toString());
            doc.put("mix", mix.toString());
            doc.put("rate", rate);
            doc.put("districtRooms", districtRooms);
            doc.put("jitWarmupSeconds", jitWarmup.toSeconds());
            doc.put("steps", steps);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
            out.println("wrote " + json);
        }
        return 0;
    }

    private void warmUp(GameWorld world) {
        if (jitWarmup.isZero()) {
            return;
        }
        out.printf("JIT warm-up: %d players for %d s ...%n", playerCounts.getFirst(), jitWarmup.toSeconds());
        long started = System.nanoTime();
        long end = started + jitWarmup.toNanos();
        long report = started + 15_000_000_000L;
        long cpu = GameWorld.threadCpuNanos();
        long commands = world.commands();
        while (System.nanoTime() < end) {
            world.tick(mix, rate);
            if (System.nanoTime() >= report) {
                long now = GameWorld.threadCpuNanos();
                out.printf("  %3d s: %.0f µs of world thread per command (load average %s)%n",
                        (System.nanoTime() - started) / 1_000_000_000L, (now - cpu) / 1e3 / Math.max(1, world.commands() - commands),
                        LoadAverage.now());
                cpu = now;
                commands = world.commands();
                report += 15_000_000_000L;
            }
        }
    }

    private Step measure(GameWorld world, int n) {
        long idleCpu = GameWorld.threadCpuNanos();
        for (int i = 0; i < GameWorld.HAND_OVER_EVERY * 5; i++) {
            world.tick(null, 0);
        }
        double idleTick = (GameWorld.threadCpuNanos() - idleCpu) / 1e3 / (GameWorld.HAND_OVER_EVERY * 5);
        for (int i = 0; i < settleTicks; i++) {
            world.tick(mix, rate);
        }
        world.resetVerbCosts();
        long eventsBefore = events(world);
        long commandsBefore = world.commands();
        long allocatedBefore = GameWorld.threadAllocatedBytes();
        List<Double> means = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            long commands = world.commands();
            long cpu = GameWorld.threadCpuNanos();
            for (int t = 0; t < ticks; t++) {
                world.tick(mix, rate);
            }
            means.add((GameWorld.threadCpuNanos() - cpu) / 1e3 / (world.commands() - commands));
        }
        long commands = world.commands() - commandsBefore;
        double kilobytes = (GameWorld.threadAllocatedBytes() - allocatedBefore) / 1024.0 / commands;
        double eventsPer = (double) (events(world) - eventsBefore) / commands;
        List<VerbFigure> verbs = new ArrayList<>();
        new TreeMap<>(world.verbCosts()).forEach((verb, cost) -> {
            if (cost.calls > 0) {
                verbs.add(new VerbFigure(verb, cost.calls, cost.cpuNanos / 1e3 / cost.calls,
                        cost.allocatedBytes / 1024.0 / cost.calls));
            }
        });
        int[] spread = world.spread();
        Step step = new Step(n, means, median(means), kilobytes, eventsPer, idleTick, spread[0], spread[1], verbs);
        out.printf("%,6d players: %6.1f µs of world thread per command (windows %s), %.1f KB, %.1f events; "
                        + "a tick without commands %.0f µs (the hand-over included); in %d rooms, at most %d in one; "
                        + "one world thread: ~%,.0f commands/s%n",
                n, step.micros(), means.stream().map(m -> "%.1f".formatted(m)).toList(), kilobytes, eventsPer, idleTick,
                spread[0], spread[1], step.capacityPerSecond());
        for (VerbFigure v : verbs) {
            out.printf("        %-6s %,8d calls  %7.1f µs  %7.1f KB per call%n", v.verb(), v.calls(), v.micros(), v.kilobytes());
        }
        return step;
    }

    private static long events(GameWorld world) {
        return world.players().stream().mapToLong(BenchPlayer::events).sum();
    }

    /** Null if every command was answered without an error, else what went wrong (after a few quiet ticks). */
    private static String failures(GameWorld world) {
        for (int i = 0; i < GameWorld.HAND_OVER_EVERY; i++) {
            world.tick(null, 0);
        }
        long errors = 0;
        long unanswered = 0;
        String example = null;
        for (BenchPlayer p : world.players()) {
            errors += p.errors();
            unanswered += p.unanswered();
            if (p.lastError() != null) {
                example = p.name() + " got " + p.lastError();
            }
        }
        return errors == 0 && unanswered == 0 && example == null ? null
                : "%d errors, %d commands unanswered; %s".formatted(errors, unanswered, example);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
