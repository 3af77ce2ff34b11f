package dev.backline.tools.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code loadgen}: real WebSocket players against a running server, with progress once a second and a
 * report at the end (text, and JSON with {@code --json}). Exits 0 when every player joined and stayed
 * and every command got an answer that was not an error, 1 otherwise, 2 on bad usage.
 *
 * <pre>{@code
 * $ loadgen --url ws://localhost:8080 --players 200 --rate 2 --duration 60s --mix look:5,go:3,say:1,who:1
 * }</pre>
 */
@Command(name = "loadgen", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Connects N real WebSocket players to a running Backline server: each registers an account (named "
                    + "lg<run id>-<n>), logs in, authenticates on /play and sends commands at the given rate following "
                    + "the mix. 'go' walks through an exit of the last room the player saw, 'say' says a short line, 'ping' sends the "
                    + "protocol's ping instead of a command (the server answers it without the world: the transport alone).",
            "Latency is the time from sending a command to the first event carrying its id (an error answer counts "
                    + "as an answer and as an error). Progress goes to standard error once a second; the report to "
                    + "standard output."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every player joined and stayed, every command was answered without an error",
            "1:errors, disconnects, failed joins or unanswered commands (all in the report)", "2:bad usage"})
public final class Loadgen implements Callable<Integer> {
    static final int CLEAN = 0;
    static final int PROBLEMS = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "the server, e.g. ws://localhost:8080 (http:// works too)")
    private URI url;

    @Option(names = "--players", paramLabel = "N", defaultValue = "10", description = "players to connect (default: ${DEFAULT-VALUE})")
    private int players;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "1",
            description = "commands per second per player; 0 only holds the connections (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "how long to send once every player has joined, e.g. 30s, 5m (default: ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--ramp-up", paramLabel = "D", defaultValue = "0s", converter = DurationConverter.class,
            description = "spread the players' joins over this time (default: ${DEFAULT-VALUE})")
    private Duration rampUp;

    @Option(names = "--mix", paramLabel = "MIX", defaultValue = "look:5,go:3,say:1,who:1", converter = MixConverter.class,
            description = "command:weight pairs (default: ${DEFAULT-VALUE})")
    private CommandMix mix;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON to FILE ('-': standard output, instead of the text)")
    private String json;

    @Option(names = "--run-id", paramLabel = "ID", description = "account name prefix, 1-6 lower-case letters or digits (default: random)")
    private String runId;

    @Option(names = "--join-concurrency", paramLabel = "N", defaultValue = "64",
            description = "players registering, logging in and connecting at the same time (default: ${DEFAULT-VALUE})")
    private int joinConcurrency;

    @Option(names = "--drain", paramLabel = "D", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long to wait for the last answers after sending stops (default: ${DEFAULT-VALUE})")
    private Duration drain;

    @Option(names = "--quiet", description = "no progress lines")
    private boolean quiet;

    private final PrintStream out;
    private final PrintStream err;

    Loadgen(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole tool, minus {@code System.exit}: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Loadgen(out, err));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cl.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        LoadSettings settings;
        try {
            settings = new LoadSettings(url, players, rate, duration, rampUp, mix,
                    runId == null ? LoadSettings.newRunId() : runId, drain, joinConcurrency, Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!quiet) {
            err.println("loadgen: run " + settings.runId() + ": " + players + " players to " + settings.playUri() + ", "
                    + rate + " commands/s each for " + duration.toSeconds() + " s after joining");
        }
        LoadReport report;
        try (LoadGenerator generator = LoadGenerator.start(settings)) {
            report = generator.run(p -> {
                if (!quiet) {
                    err.println(p.toLine());
                }
            });
        }
        if ("-".equals(json)) {
            out.println(report.toJson());
        } else {
            out.print(report.toText());
            if (json != null) {
                Path file = Path.of(json);
                Files.writeString(file, report.toJson() + "\n");
                out.println("report written to " + file);
            }
        }
        return report.clean() ? CLEAN : PROBLEMS;
    }

    /** Parses {@code --mix}. */
    public static final class MixConverter implements ITypeConverter<CommandMix> {
        @Override
        public CommandMix convert(String value) {
            try {
                return CommandMix.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
