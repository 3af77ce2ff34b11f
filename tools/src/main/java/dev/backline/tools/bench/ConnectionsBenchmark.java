package dev.backline.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backline.tools.loadgen.DurationConverter;
import dev.backline.tools.loadgen.LoadSettings;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench connections}: how many authenticated WebSocket connections the server holds and what each costs
 * it. Starts the server built in {@code server/target} as a child process, reads its heap with no player, has
 * loadgen players in other processes ({@link HeldConnections}) join and stay idle, reads the heap again with
 * them held, asks each player for one command to prove its connection alive, closes them all and reads the heap
 * a third time. Heap readings are live bytes after a full collection ({@link ClassHistogram}).
 */
@Command(name = "bench connections", sortOptions = false, usageHelpAutoWidth = true,
        description = "Concurrent authenticated WebSocket connections (issue 9, item 3): N loadgen players in separate "
                + "processes join a server of its own and stay idle; reports the server's heap per connection, threads, "
                + "RSS, the time to connect them and whether every one is still alive at the end.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured, and every connection was established and alive at the end",
            "1:the server or the players failed, or connections failed or died (the figures are still printed)",
            "2:bad usage"})
public final class ConnectionsBenchmark implements Callable<Integer> {
    static final String IDLE_GAME = "dev/backline/tools/bench/connections/";
    private static final List<String> IDLE_GAME_FILES = List.of("world/world.yaml", "world/zones/hall/zone.yaml",
            "world/zones/hall/rooms.yaml", "scripts/idle/pack.yaml", "scripts/idle/main.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SERVER_START = Duration.ofSeconds(120);
    private static final Duration JOIN_WAIT = Duration.ofMinutes(30);
    private static final Duration PROBE_WAIT = Duration.ofMinutes(5);
    /** One player process per this many connections: each needs a descriptor per socket under the same limit. */
    static final int CONNECTIONS_PER_PROCESS = 10_000;
    /** A player process's run id is the run's and one base-36 digit: account names stay within the server's rule. */
    private static final int MAX_PROCESSES = 36;
    /**
     * Descriptors the server may open beside the players' sockets: HTTP keep-alive connections of the joins, the
     * database, and jcmd's attach socket (with fewer than 64 spare, attaching failed at 19,800 connections).
     */
    private static final int SPARE_FILES = 256;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "20000", description = "connections to hold (default: ${DEFAULT-VALUE})")
    private int connections;

    // More does not join faster on two cores, and the server's 4 database connections (3 s wait) then refuse some.
    @Option(names = "--join-concurrency", paramLabel = "N", defaultValue = "16",
            description = "players registering, logging in and connecting at once, over all player processes (default: ${DEFAULT-VALUE})")
    private int joinConcurrency;

    @Option(names = "--hold", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "how long the connections are held idle after the last join before the heap is read (default: ${DEFAULT-VALUE})")
    private Duration hold;

    @Option(names = "--player-processes", paramLabel = "N",
            description = "player processes (default: one per " + CONNECTIONS_PER_PROCESS + " connections)")
    private Integer playerProcesses;

    @Option(names = "--reference-game", description = "the repo's game (scripts/, world-data/) instead of the benchmark's idle one; "
            + "every arrival there is announced to everyone in the start room, so joins cost O(N^2): keep N to a few thousand")
    private boolean referenceGame;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON to FILE")
    private Path json;

    @Option(names = "--keep", description = "keep the temporary directory: the server's log and the three class histograms")
    private boolean keep;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "the Backline checkout with a built server (default: the current directory)")
    private Path repo;

    private final PrintWriter out;
    private final PrintWriter err;
    private final HttpClient http = HttpClient.newHttpClient();
    private String serverClasspath;
    private ConnectionsReport report;

    ConnectionsBenchmark(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(command(new ConnectionsBenchmark(out, err), out, err).execute(args));
    }

    static CommandLine command(ConnectionsBenchmark benchmark, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(benchmark);
        cl.setOut(out);
        cl.setErr(err);
        // One line that says what is wrong, not the whole help after it.
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("bench connections: " + e.getMessage() + " (--help shows the options)");
            return 2;
        });
        return cl;
    }

    /** Runs the server from this class path instead of the repo's build (tests, whose class path has the server). */
    ConnectionsBenchmark withServerClasspath(String classpath) {
        this.serverClasspath = classpath;
        return this;
    }

    /** The last run's report, null before one has measured. */
    ConnectionsReport report() {
        return report;
    }

    @Override
    public Integer call() throws Exception {
        int processes = playerProcesses != null ? playerProcesses : (connections + CONNECTIONS_PER_PROCESS - 1) / CONNECTIONS_PER_PROCESS;
        if (connections < 1 || connections > LoadSettings.MAX_PLAYERS || joinConcurrency < 1 || hold.isNegative()
                || processes < 1 || processes > Math.min(connections, MAX_PROCESSES)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--connections must be 1 to " + LoadSettings.MAX_PLAYERS
                    + ", --join-concurrency at least 1, --hold not negative, --player-processes 1 to " + MAX_PROCESSES + " and not above the connections");
        }
        Path root = repo.toAbsolutePath().normalize();
        Path temp = Files.createTempDirectory("backline-connections-bench-");
        try {
            checkPorts();
            Path scripts = root.resolve("scripts");
            Path world = root.resolve("world-data");
            if (!referenceGame) {
                unpackIdleGame(temp);
                scripts = temp.resolve("scripts");
                world = temp.resolve("world");
            }
            Map<String, String> env = ServerProcess.loadSettings(temp.resolve("data"), scripts, world);
            String classpath = serverClasspath != null ? serverClasspath : BenchFiles.serverClasspath(root);
            err.println("bench: starting the server (log: " + temp.resolve("server.log") + ")");
            try (ServerProcess server = ServerProcess.start(classpath, root, env, temp.resolve("server.log"), SERVER_START)) {
                report = measure(server, processes, temp);
            }
            out.print(report.toText());
            out.flush();
            if (json != null) {
                ObjectNode doc = JSON.valueToTree(report);
                doc.put("bytesPerConnection", report.bytesPerConnection());
                doc.put("bytesFreedPerConnection", report.bytesFreedPerConnection());
                doc.put("clean", report.clean());
                JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
                out.println("report written to " + json);
            }
            return report.clean() ? 0 : 1;
        } catch (IllegalStateException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        } finally {
            BenchFiles.release(temp, keep, err::println);
        }
    }

    private ConnectionsReport measure(ServerProcess server, int processes, Path temp) throws IOException, InterruptedException {
        long pid = server.pid();
        checkDescriptors(pid);
        ServerReading before = read(pid, temp, "before");
        String game = referenceGame ? "reference" : "idle";
        err.println("bench: " + mb(before.heap().bytes()) + " live heap with no player; connecting " + connections + " players from "
                + processes + " process" + (processes == 1 ? "" : "es") + " (" + game + " game)");
        List<LoadgenProcess> players = new ArrayList<>();
        try {
            String runId = LoadSettings.newRunId().substring(0, 5);
            for (int i = 0; i < processes; i++) {
                int share = connections / processes + (i < connections % processes ? 1 : 0);
                int concurrency = Math.max(1, joinConcurrency / processes);
                players.add(LoadgenProcess.start("players-" + (i + 1), server.base(), share, runId + Integer.toString(i, 36), concurrency, temp, err::println));
            }
            int established = 0;
            double connectSeconds = 0;
            Map<String, Long> failures = new LinkedHashMap<>();
            for (LoadgenProcess p : players) {
                JsonNode joined = p.await("joined", JOIN_WAIT);
                established += joined.path("joined").asInt();
                connectSeconds = Math.max(connectSeconds, joined.path("seconds").asDouble());
                joined.path("failures").properties().forEach(f -> failures.merge(f.getKey(), f.getValue().asLong(), Long::sum));
            }
            err.println("bench: " + established + " connections established in " + Math.round(connectSeconds) + " s; holding them "
                    + hold.toSeconds() + " s (players in the world: " + health(server.base()).path("players").asInt() + ")");
            Thread.sleep(hold.toMillis());
            ServerReading held = read(pid, temp, "held");
            err.println("bench: " + mb(held.heap().bytes()) + " live heap with them; asking every player for a command");
            int alive = 0;
            Map<String, Long> disconnects = new LinkedHashMap<>();
            for (LoadgenProcess p : players) {
                p.order("probe");
            }
            for (LoadgenProcess p : players) {
                JsonNode probed = p.await("probed", PROBE_WAIT);
                alive += probed.path("answered").asInt();
                probed.path("disconnects").properties().forEach(d -> disconnects.merge(d.getKey(), d.getValue().asLong(), Long::sum));
            }
            for (LoadgenProcess p : players) {
                p.order("leave");
            }
            for (LoadgenProcess p : players) {
                p.await("left", PROBE_WAIT);
            }
            awaitNoPlayers(server.base());
            ServerReading after = read(pid, temp, "after");
            return new ConnectionsReport(game, connections, established, failures, connectSeconds, hold.toMillis() / 1000.0, alive,
                    disconnects, before.heap().bytes(), held.heap().bytes(), after.heap().bytes(), before.threads(), held.threads(),
                    held.heap().instancesOf("java.lang.VirtualThread"), before.rssKib(), held.rssKib(), before.openFiles(),
                    held.openFiles(), held.heap().growthSince(before.heap(), 12));
        } finally {
            for (LoadgenProcess p : players) {
                p.close();
            }
        }
    }

    /**
     * Every connection is a descriptor in the server, under its limit on open files (the hard limit bounds what
     * the launcher can raise it to), beside those it has open already.
     */
    private void checkDescriptors(long pid) throws IOException {
        long limit = ServerReading.openFilesLimit(pid);
        int open = ServerReading.openFiles(pid);
        if ((long) open + connections + SPARE_FILES > limit) {
            throw new IllegalStateException(String.format("the server cannot hold %,d connections: it may open %,d files "
                    + "(ulimit -n; the launcher raises it to the hard limit, ulimit -Hn) and has %,d open already, and joins need "
                    + "about %d more; at most %,d fit here", connections, limit, open, SPARE_FILES, Math.max(0, limit - open - SPARE_FILES)));
        }
    }

    /** Each connection from loopback to the one server port takes a local port of the ephemeral range. */
    private void checkPorts() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (!Files.isReadable(range)) {
            return;
        }
        // Files.readString would trust the size /proc reports, which is 0.
        String[] bounds = Files.readAllLines(range).getFirst().strip().split("\\s+");
        int ports = Integer.parseInt(bounds[1]) - Integer.parseInt(bounds[0]) + 1;
        if (connections + SPARE_FILES > ports) {
            throw new IllegalStateException(String.format("%,d connections from one address to one port need as many local ports; "
                    + "the ephemeral range (%s) has %,d", connections, range, ports));
        }
    }

    private ServerReading read(long pid, Path temp, String name) throws IOException, InterruptedException {
        ServerReading reading = ServerReading.of(pid);
        Files.writeString(temp.resolve("histogram-" + name + ".txt"), reading.histogramText());
        return reading;
    }

    /** Waits until the server has handed every departure to the world, so the third reading holds no session. */
    private void awaitNoPlayers(URI base) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
        int players;
        while ((players = health(base).path("players").asInt()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(players + " players were still in the world " + PROBE_WAIT.toSeconds()
                        + " s after their connections closed");
            }
            Thread.sleep(200);
        }
    }

    private JsonNode health(URI base) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(60)).GET().build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void unpackIdleGame(Path to) throws IOException {
        for (String file : IDLE_GAME_FILES) {
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = ConnectionsBenchmark.class.getClassLoader().getResourceAsStream(IDLE_GAME + file)) {
                if (in == null) {
                    throw new IllegalStateException("the tools' build lacks " + IDLE_GAME + file);
                }
                Files.copy(in, target);
            }
        }
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
