package dev.backline.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backline.tools.loadgen.CommandMix;
import dev.backline.tools.loadgen.DurationConverter;
import dev.backline.tools.loadgen.LoadGenerator;
import dev.backline.tools.loadgen.LoadReport;
import dev.backline.tools.loadgen.LoadSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench latency}: latency against load. Starts the server built in {@code server/target} as a child
 * process, then for each player count in turn connects that many loadgen players at the given rate, warms up,
 * and measures a window: commands answered per second, latency p50/p90/p99/max, errors and the server's
 * overrun and skipped ticks. Writes the table, optionally JSON, and an SVG plot of latency against load.
 */
@Command(name = "bench latency", sortOptions = false, usageHelpAutoWidth = true,
        description = "Latency against load (issue 9): steps of N players at R commands/s each against a server of its own; "
                + "prints a table and writes an SVG plot.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:the server or the players failed", "2:bad usage"})
public final class LatencyBenchmark implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SERVER_START = Duration.ofSeconds(120);

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    @Option(names = "--players", split = ",", paramLabel = "N", defaultValue = "25,50,100,200,300,400",
            description = "player counts, one step each (default: ${DEFAULT-VALUE})")
    private List<Integer> players;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "2", description = "commands per second per player (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(names = "--mix", paramLabel = "MIX", defaultValue = "look:5,go:3,say:1,who:1", description = "the command mix (default: ${DEFAULT-VALUE})")
    private String mix;

    @Option(names = "--warmup", paramLabel = "D", defaultValue = "15s", converter = DurationConverter.class,
            description = "unmeasured time at each step once its players are in (default: ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--jit-warmup", paramLabel = "D", defaultValue = "120s", converter = DurationConverter.class,
            description = "unmeasured load (the first step's players) before the first step, while the JIT compiles the Graal "
                    + "compiler and the pack's hot code: minutes of CPU on two cores (default: ${DEFAULT-VALUE})")
    private Duration jitWarmup;

    @Option(names = "--window", paramLabel = "D", defaultValue = "20s", converter = DurationConverter.class,
            description = "measured time at each step (default: ${DEFAULT-VALUE})")
    private Duration window;

    @Option(names = "--target", paramLabel = "MS", defaultValue = "110", description = "the latency target drawn on the plot (default: ${DEFAULT-VALUE})")
    private double targetMillis;

    @Option(names = "--svg", paramLabel = "FILE", defaultValue = "latency.svg", description = "where to write the plot (default: ${DEFAULT-VALUE})")
    private Path svg;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the steps as JSON to FILE")
    private Path json;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "the Backline checkout with a built server (default: the current directory)")
    private Path repo;

    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    private final PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new LatencyBenchmark());
        cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CommandMix commandMix;
        try {
            commandMix = CommandMix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--mix: " + e.getMessage());
        }
        if (players.stream().anyMatch(n -> n < 1) || rate <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--players must be positive, --rate above 0");
        }
        Path root = repo.toAbsolutePath().normalize();
        Path temp = Files.createTempDirectory("backline-latency-bench-");
        Map<String, String> env = ServerProcess.loadSettings(temp.resolve("data"), root.resolve("scripts"), root.resolve("world-data"));
        err.println("bench: starting the server (log: " + temp.resolve("server.log") + ")");
        try (ServerProcess server = ServerProcess.start(BenchFiles.serverClasspath(root), root, env,
                temp.resolve("server.log"), SERVER_START)) {
            warmUpJit(server.base(), players.getFirst(), commandMix);
            List<LatencyStep> steps = new ArrayList<>();
            for (int n : players) {
                LatencyStep step = step(server.base(), n, commandMix);
                steps.add(step);
                err.println(String.format(Locale.ROOT, "bench: %d players: %.0f/s answered, p50 %.1f / p99 %.1f ms, %d errors, "
                        + "%d overruns, %d skipped ticks", n, step.answeredPerSecond(), step.p50(), step.p99(), step.errors(),
                        step.overruns(), step.skippedTicks()));
            }
            print(steps);
            Files.writeString(svg, LatencyPlot.svg(String.format(Locale.ROOT, "Backline: latency against load (%s, %.1f commands/s per player)",
                    mix, rate), steps, targetMillis));
            out.println("plot written to " + svg);
            if (json != null) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("rate", rate);
                doc.put("mix", mix);
                doc.put("steps", steps);
                JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
                out.println("report written to " + json);
            }
            return 0;
        } catch (IllegalStateException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        } finally {
            BenchFiles.deleteTree(temp);
        }
    }

    private void warmUpJit(URI base, int n, CommandMix commandMix) throws InterruptedException {
        if (jitWarmup.isZero()) {
            return;
        }
        err.println("bench: warming up the JIT for " + jitWarmup.toSeconds() + " s with " + n + " players");
        LoadSettings settings = LoadSettings.of(URI.create("ws://" + base.getRawAuthority()), n, rate, Duration.ofDays(1), commandMix)
                .withRampUp(Duration.ofSeconds(Math.min(20, 1 + n / 20))).withJoinConcurrency(8);
        try (LoadGenerator load = LoadGenerator.start(settings)) {
            Thread.sleep(jitWarmup.toMillis());
            load.finish();
        }
    }

    private LatencyStep step(URI base, int n, CommandMix commandMix) throws IOException, InterruptedException {
        LoadSettings settings = LoadSettings.of(URI.create("ws://" + base.getRawAuthority()), n, rate, Duration.ofDays(1), commandMix)
                .withRampUp(Duration.ofSeconds(Math.min(20, 1 + n / 20))).withJoinConcurrency(8);
        try (LoadGenerator load = LoadGenerator.start(settings)) {
            try {
                load.allJoined().get(10, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(n + " players did not finish joining: " + e);
            }
            Thread.sleep(warmup.toMillis());
            JsonNode before = health(base);
            long errorsBefore = load.progress().errors();
            long started = System.nanoTime();
            load.startWindow();
            Thread.sleep(window.toMillis());
            LoadReport.Latency latency = load.endWindow();
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonNode after = health(base);
            long errors = load.progress().errors() - errorsBefore;
            load.finish();
            return new LatencyStep(n, n * rate, latency.count() / seconds, latency.p50(), latency.p90(), latency.p99(),
                    latency.max(), errors, after.path("overruns").asLong() - before.path("overruns").asLong(),
                    after.path("skippedTicks").asLong() - before.path("skippedTicks").asLong());
        }
    }

    private void print(List<LatencyStep> steps) {
        out.printf(Locale.ROOT, "%8s %10s %10s %9s %9s %9s %9s %7s %9s %8s%n", "players", "offered/s", "answered/s",
                "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "overruns", "skipped");
        for (LatencyStep s : steps) {
            out.printf(Locale.ROOT, "%8d %10.0f %10.0f %9.1f %9.1f %9.1f %9.1f %7d %9d %8d%n", s.players(), s.offeredPerSecond(),
                    s.answeredPerSecond(), s.p50(), s.p90(), s.p99(), s.max(), s.errors(), s.overruns(), s.skippedTicks());
        }
    }

    private JsonNode health(URI base) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(60)).GET().build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
