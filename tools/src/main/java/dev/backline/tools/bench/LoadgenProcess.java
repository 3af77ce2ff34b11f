package dev.backline.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@link HeldConnections} child JVM: its players hold connections to the server from a process other than
 * the server's and the benchmark's, so neither's heap or descriptors are mixed with theirs. Its JSON lines come
 * back as events; its standard error goes to {@code progress}, with its name in front.
 */
final class LoadgenProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ENDED = JSON.createObjectNode().put("event", "exited");
    private static final int KEPT_LINES = 20;

    private final String name;
    private final Process process;
    private final Writer orders;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final Deque<String> lastLines = new ArrayDeque<>();

    private LoadgenProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.orders = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /**
     * Starts {@code players} players against {@code server} with this JVM's class path (where the tools are).
     * Idle HTTP connections (the joins' registrations and logins) close after 2 s instead of the JDK's 30, so
     * that only WebSocket connections are left open on the server by the time it is measured.
     */
    static LoadgenProcess start(String name, URI server, int players, String runId, int joinConcurrency, Path workingDir,
                                Consumer<String> progress) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The serial collector keeps the player processes' garbage collection off the server's two cores.
        command.addAll(List.of("-XX:+UseSerialGC", "-Djdk.httpclient.keepalive.timeout=2",
                "-cp", System.getProperty("java.class.path"), HeldConnections.class.getName(),
                "--url", "ws://" + server.getRawAuthority(), "--players", Integer.toString(players), "--run-id", runId,
                "--join-concurrency", Integer.toString(joinConcurrency)));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
        LoadgenProcess child = new LoadgenProcess(name, process);
        Thread.ofPlatform().daemon().name(name + "-out").start(() -> child.readEvents(process.getInputStream()));
        Thread.ofPlatform().daemon().name(name + "-err").start(() -> child.copyErrors(process.getErrorStream(), progress));
        return child;
    }

    String name() {
        return name;
    }

    /**
     * The next event, which must be {@code expected}.
     *
     * @throws IllegalStateException when another event comes, the process ends or nothing comes in time
     */
    JsonNode await(String expected, Duration wait) throws InterruptedException {
        JsonNode event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new IllegalStateException(name + " sent no '" + expected + "' within " + wait.toSeconds() + " s" + tail());
        }
        String got = event.path("event").asText();
        if (!got.equals(expected)) {
            throw new IllegalStateException(name + " " + (event == ENDED ? "exited" : "sent '" + got + "'")
                    + " instead of '" + expected + "'" + tail());
        }
        return event;
    }

    /** Sends an order ({@code probe}, {@code leave}). */
    void order(String word) throws IOException {
        orders.write(word + "\n");
        orders.flush();
    }

    private void readEvents(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                // Anything else on its standard output (a thread dump that jstack or SIGQUIT asked for) is not an order's answer.
                JsonNode event = null;
                try {
                    event = JSON.readTree(line);
                } catch (IOException e) {
                    // not JSON
                }
                if (event != null && event.isObject() && event.has("event")) {
                    events.add(event);
                } else {
                    remember("(not an event) " + line);
                }
            }
        } catch (IOException e) {
            // the process ended; ENDED below says so
        }
        events.add(ENDED);
    }

    private void copyErrors(InputStream in, Consumer<String> progress) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                progress.accept(name + ": " + line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void remember(String line) {
        synchronized (lastLines) {
            lastLines.addLast(line);
            if (lastLines.size() > KEPT_LINES) {
                lastLines.removeFirst();
            }
        }
    }

    private String tail() {
        synchronized (lastLines) {
            return lastLines.isEmpty() ? "" : "; its last output:\n" + String.join("\n", lastLines);
        }
    }

    /** Closing its standard input tells it to drop its connections and exit; it is killed if it does not. */
    @Override
    public void close() throws InterruptedException {
        try {
            orders.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
