package dev.backline.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backline.tools.loadgen.CommandMix;
import dev.backline.tools.loadgen.LoadGenerator;
import dev.backline.tools.loadgen.LoadSettings;
import dev.backline.tools.loadgen.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The player side of {@code bench connections}, in a process of its own: loadgen players that join (register,
 * log in, authenticate on {@code /play}) and then stay idle, apart from loadgen's keep-alive pings. It reports
 * on standard output as JSON lines and takes orders on standard input, one word a line:
 * <ul>
 *   <li>{@code {"event":"joined",...}} once every player has joined or failed to;</li>
 *   <li>{@code probe} sends every player one command; answers {@code {"event":"probed",...}};</li>
 *   <li>{@code leave} closes every connection normally; answers {@code {"event":"left"}} and exits.</li>
 * </ul>
 * The end of standard input (the benchmark is gone) drops every connection and exits.
 */
@Command(name = "held-connections", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Players that join a server and stay idle, driven over standard input by bench connections.")
public final class HeldConnections implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Each probe waits for the next tick, so it takes ~100 ms: with the joins' few at once, 10,000 players would take
     * minutes. Several processes together stay under the server's per-address burst of 1,000 commands.
     */
    private static final int PROBES_AT_ONCE = 400;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "the server, ws://host:port")
    private URI url;

    @Option(names = "--players", required = true, paramLabel = "N", description = "players to hold")
    private int players;

    @Option(names = "--run-id", required = true, paramLabel = "ID", description = "account name prefix")
    private String runId;

    @Option(names = "--join-concurrency", paramLabel = "N", defaultValue = "64", description = "joins at once")
    private int joinConcurrency;

    @Option(names = "--probe", paramLabel = "TEXT", defaultValue = "probe", description = "the command every player sends on 'probe'")
    private String probeCommand;

    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new HeldConnections());
        cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        LoadSettings settings;
        try {
            // Rate 0: no commands, only the keep-alive pings. The join timeout is long: on a shared machine the
            // processes may be paused for minutes, after which every join under way would time out at once.
            settings = new LoadSettings(url, players, 0, Duration.ofDays(365), Duration.ZERO, CommandMix.parse("look:1"), runId,
                    Duration.ZERO, joinConcurrency, Duration.ofMinutes(10));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        long started = System.nanoTime();
        try (LoadGenerator load = LoadGenerator.start(settings)) {
            awaitJoins(load);
            Progress joined = load.progress();
            Map<String, Object> event = event("joined");
            event.put("joined", joined.joined());
            event.put("failed", joined.joinFailures());
            event.put("seconds", (System.nanoTime() - started) / 1e9);
            event.put("failures", load.joinFailures());
            emit(event);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "probe" -> {
                        LoadGenerator.ProbeResult probe = load.probe(probeCommand, PROBES_AT_ONCE, PROBE_TIMEOUT);
                        Map<String, Object> probed = event("probed");
                        probed.put("players", probe.players());
                        probed.put("answered", probe.answered());
                        probed.put("disconnects", load.disconnects());
                        emit(probed);
                    }
                    case "leave" -> {
                        load.finish();
                        emit(event("left"));
                        return 0;
                    }
                    default -> System.err.println("held-connections: unknown order '" + line + "' (probe, leave)");
                }
            }
        }
        return 0;
    }

    private void awaitJoins(LoadGenerator load) throws InterruptedException {
        while (true) {
            try {
                load.allJoined().get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                Progress p = load.progress();
                System.err.println("players " + p.joined() + "/" + p.players()
                        + (p.joinFailures() > 0 ? " (" + p.joinFailures() + " failed)" : ""));
            } catch (java.util.concurrent.ExecutionException e) {
                return;   // allJoined only ever completes normally; the failures are counted per player
            }
        }
    }

    private static Map<String, Object> event(String name) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", name);
        return event;
    }

    private void emit(Map<String, Object> event) throws IOException {
        out.println(JSON.writeValueAsString(event));
    }
}
