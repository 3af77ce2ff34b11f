package dev.backline.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server ({@link Main#main}) in a child JVM with the test JVM's flags and class path, on a data
 * directory of the test's: the embedded PostgreSQL and all. The test can kill it (SIGKILL) or stop it as an
 * operator would (SIGTERM, which runs the shutdown hook).
 */
final class ChildServer implements AutoCloseable {
    private static final Pattern UP = Pattern.compile("Backline is up on port (\\d+)");
    private static final Pattern RESTORED = Pattern.compile("restored .* at tick (\\d+)");
    private static final Duration START_WAIT = Duration.ofSeconds(180);

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Void> outputRead = new CompletableFuture<>();
    private volatile long restoredTick;

    private ChildServer(Process process) {
        this.process = process;
    }

    /** Starts the server on {@code dataDir} and waits until it listens. */
    static ChildServer start(Path dataDir, Map<String, String> moreEnv) {
        ChildServer child = launch(dataDir, moreEnv);
        try {
            child.port.get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            child.process.destroyForcibly();
            throw new AssertionError("the child server did not come up: " + e + "\n" + child.log(), e);
        }
        return child;
    }

    /** How a server that was expected to stop by itself ended: its exit status and everything it wrote. */
    record Exit(int status, String log) {
    }

    /** Starts the server on {@code dataDir} and waits for it to exit (a start-up that must fail). */
    static Exit startExpectingExit(Path dataDir, Map<String, String> moreEnv) {
        try (ChildServer child = launch(dataDir, moreEnv)) {
            if (!child.process.waitFor(START_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the child server did not exit\n" + child.log());
            }
            child.outputRead.get(10, TimeUnit.SECONDS);
            return new Exit(child.process.exitValue(), child.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the child's output did not end", e);
        }
    }

    private static ChildServer launch(Path dataDir, Map<String, String> moreEnv) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(RunningGame.REPO.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("BACKLINE_"));
        env.put("BACKLINE_DATA_DIR", dataDir.toString());
        env.put("BACKLINE_HOST", "127.0.0.1");
        env.put("BACKLINE_PORT", "0");
        env.put("BACKLINE_HASH_MEMORY_KIB", "256");
        env.put("BACKLINE_ADMIN_TOKEN", RunningGame.ADMIN_TOKEN);
        env.putAll(moreEnv);
        ChildServer child;
        try {
            child = new ChildServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("child-server-output").start(child::readOutput);
        return child;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher restored = RESTORED.matcher(line);
                if (restored.find()) {
                    restoredTick = Long.parseLong(restored.group(1));
                }
                Matcher up = UP.matcher(line);
                if (up.find()) {
                    port.complete(Integer.parseInt(up.group(1)));
                }
            }
        } catch (IOException e) {
            // the process died; what was read is kept
        }
        outputRead.complete(null);
        port.completeExceptionally(new IllegalStateException("exited with " + process.exitValue() + " before coming up"));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port.join());
    }

    /** The tick the world was restored at, from the start-up log (0 for a new world). */
    long restoredTick() {
        return restoredTick;
    }

    /** The shard's current tick (it goes on from the restored one), from {@code /health}. */
    long tick() {
        return TestClient.parse(TestClient.get(base(), "/health").body()).path("tick").asLong();
    }

    /** SIGKILL: no shutdown hook, no last flush. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the shutdown hook stops the server, writes what is left and stops the database. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child server did not exit\n" + log());
            }
            outputRead.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the child's output did not end", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String log() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
