package dev.backline.tools.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server ({@code dev.backline.server.Main}) in a child JVM started with this JVM's flags (so the
 * same JIT set-up), on a free port, with every {@code BACKLINE_*} variable of ours removed and the given
 * ones set. Its output goes to a log file; the last lines are kept for error messages.
 */
public final class ServerProcess implements AutoCloseable {
    public static final String MAIN = "dev.backline.server.Main";
    private static final Pattern UP = Pattern.compile("Backline is up on port (\\d+)");
    private static final int KEPT_LINES = 60;

    private final Process process;
    private final Path log;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * The settings every load benchmark runs its server with: the data in {@code dataDir}, the packs of
     * {@code scripts} over the world of {@code world}, no file watching, cheap password hashing (registering
     * hundreds of accounts at the production cost would only slow the set-up), no per-address command limit
     * (every player comes from this one address) and no chat limit (a random command mix may say more in a
     * minute than a person would). A mutable copy, for a benchmark's own additions.
     */
    public static Map<String, String> loadSettings(Path dataDir, Path scripts, Path world) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BACKLINE_DATA_DIR", dataDir.toString());
        env.put("BACKLINE_SCRIPTS_DIR", scripts.toString());
        env.put("BACKLINE_WORLD_DIR", world.toString());
        env.put("BACKLINE_DEV", "0");
        env.put("BACKLINE_HASH_MEMORY_KIB", "256");
        env.put("BACKLINE_ADDRESS_COMMANDS_PER_SECOND", "1000000");
        env.put("BACKLINE_CHAT_BURST", "100000");
        env.put("BACKLINE_CHAT_PER_MINUTE", "1000000");
        // One log line per command is tens of MB a minute at these rates; the benchmarks measure the game, not the disk.
        env.put("BACKLINE_LOG_COMMANDS", "false");
        return env;
    }

    /**
     * Starts the server and waits until it listens.
     *
     * @param classpath the server's runtime class path
     * @param workingDir the directory it runs in
     * @param env       the {@code BACKLINE_*} settings (host and port are set here)
     * @throws IllegalStateException with the server's last output when it does not come up
     */
    public static ServerProcess start(String classpath, Path workingDir, Map<String, String> env, Path log, Duration wait)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xmx") && !a.startsWith("-Xms"))
                .forEach(command::add);
        command.addAll(List.of("-cp", classpath, MAIN));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workingDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("BACKLINE_"));
        builder.environment().putAll(env);
        builder.environment().put("BACKLINE_HOST", "127.0.0.1");
        builder.environment().put("BACKLINE_PORT", "0");
        ServerProcess server = new ServerProcess(builder.start(), log);
        Thread.ofPlatform().daemon().name("server-output").start(server::copyOutput);
        try {
            server.port.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            server.close();
            throw new IllegalStateException("the server did not come up within " + wait.toSeconds() + " s"
                    + (e instanceof ExecutionException ? " (" + e.getCause().getMessage() + ")" : "") + "; its last output:\n"
                    + server.tail());
        }
        return server;
    }

    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                Matcher up = UP.matcher(line);
                if (up.find()) {
                    port.complete(Integer.parseInt(up.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended or the log cannot be written; what was read is kept
        }
        port.completeExceptionally(new IllegalStateException("it exited before coming up"));
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port.join());
    }

    /** The server's process id, for jcmd and {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server's last lines of output. */
    public String tail() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, as an operator stops it; SIGKILL if it is still running after the wait. */
    public void stop(Duration wait) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Stops it the polite way, so its embedded PostgreSQL stops too (a SIGKILL would leave that running). */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stop(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
