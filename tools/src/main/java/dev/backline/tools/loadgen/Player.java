package dev.backline.tools.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * One simulated player: registers, logs in, opens {@code /play}, authenticates, then sends the commands
 * it is told to. Everything is asynchronous on the JDK's HTTP client, so a player costs a socket and a
 * few objects, never a thread. It remembers the exits of the last {@code room} event so {@code go} walks
 * through a real exit, and times each command from the send to the first event carrying its id.
 */
final class Player implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The protocol's ping frame type, and the mix entry that sends one instead of a command. */
    private static final String PING = "ping";

    private final String name;
    private final LoadSettings settings;
    private final LoadStats stats;
    private final HttpClient http;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> probes = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final AtomicLong sequence = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile List<String> exits = List.of();
    private volatile CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile boolean open;
    private volatile boolean leaving;

    /** A command waiting for its answer. */
    private record Pending(String type, long sentNanos) {
    }

    /** Why a join failed, short enough to count failures by it. */
    static final class JoinFailure extends RuntimeException {
        JoinFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    Player(String name, LoadSettings settings, LoadStats stats, HttpClient http) {
        this.name = name;
        this.settings = settings;
        this.stats = stats;
        this.http = http;
    }

    String name() {
        return name;
    }

    /** Register, log in, connect and authenticate; completes once the server has welcomed the player. */
    CompletableFuture<Void> join() {
        Map<String, String> credentials = Map.of("name", name, "password", settings.password());
        return post("/api/accounts", credentials, 201, "register")
                .thenCompose(created -> post("/api/sessions", credentials, 200, "login"))
                .thenCompose(session -> connect(session.path("token").asText()))
                .thenCompose(ws -> welcomed)
                .orTimeout(settings.joinTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        stats.joined();
                    } else {
                        stats.joinFailed(reason(error));
                        abort();
                    }
                });
    }

    private CompletableFuture<JsonNode> post(String path, Map<String, String> body, int expected, String step) {
        HttpRequest request = HttpRequest.newBuilder(settings.httpBase().resolve(path))
                .timeout(settings.joinTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw new JoinFailure(step + ": " + cause.getClass().getSimpleName());
            }
            if (response.statusCode() != expected) {
                throw new JoinFailure(step + ": HTTP " + response.statusCode());
            }
            try {
                return JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new JoinFailure(step + ": the answer is not JSON");
            }
        });
    }

    private CompletableFuture<WebSocket> connect(String token) {
        return http.newWebSocketBuilder().connectTimeout(settings.joinTimeout())
                .buildAsync(settings.playUri(), this)
                .thenCompose(ws -> {
                    socket = ws;
                    return send(Map.of("v", 1, "type", "auth", "token", token));
                });
    }

    /** Sends the next command of the mix, unless the player is not in the world or its last send is still going. */
    void sendNext() {
        if (!open || leaving) {
            return;
        }
        if (!lastSend.isDone()) {
            stats.skippedSend();
            return;
        }
        RandomGenerator random = ThreadLocalRandom.current();
        CommandLineChoice line = CommandLineChoice.of(settings.mix().pick(random), exits, random);
        String type = line.verb();
        String text = line.text();
        String id = "c" + sequence.incrementAndGet();
        pending.put(id, new Pending(type, System.nanoTime()));
        stats.sent(type);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("v", 1);
        // 'ping' is the protocol's ping, answered by the server without the world: the cost of the transport alone.
        frame.put("type", type.equals(PING) ? PING : "cmd");
        frame.put("id", id);
        if (!type.equals(PING)) {
            frame.put("text", text);
        }
        send(frame);
    }

    /** A protocol-level ping, so an idle player's connection is not closed as idle. */
    void ping() {
        if (open && !leaving && lastSend.isDone()) {
            send(Map.of("v", 1, "type", PING));
        }
    }

    /**
     * Sends {@code text} as a command outside the mix and its latency figures: completes with true when an
     * answer that is not an error comes back, false when an error does or the player is not in the world.
     */
    CompletableFuture<Boolean> probe(String text) {
        if (!open || leaving) {
            return CompletableFuture.completedFuture(false);
        }
        String id = "p" + sequence.incrementAndGet();
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        probes.put(id, answer);
        answer.whenComplete((ok, e) -> probes.remove(id));
        send(Map.of("v", 1, "type", "cmd", "id", id, "text", text)).exceptionally(e -> {
            answer.complete(false);
            return null;
        });
        return answer;
    }

    // The JDK's WebSocket refuses a send while the previous one is still being written, so a send that may
    // come from another thread than the scheduler's (a probe) waits for it.
    private synchronized CompletableFuture<WebSocket> send(Map<String, ?> frame) {
        String text = json(frame);
        CompletableFuture<?> previous = lastSend;
        CompletableFuture<WebSocket> sending = previous.isDone() ? socket.sendText(text, true)
                : previous.exceptionally(e -> null).thenCompose(x -> socket.sendText(text, true));
        lastSend = sending;
        return sending;
    }

    /** Commands sent and not answered yet. */
    int pendingCount() {
        return pending.size();
    }

    /** Starts a normal close; the server's close answer or {@link #abort()} ends it. */
    CompletableFuture<?> leave() {
        leaving = true;
        WebSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        // A close must not overlap a text send that is still being written.
        return lastSend.exceptionally(e -> null)
                .thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "loadgen done"))
                .exceptionally(e -> null);
    }

    void abort() {
        leaving = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            handle(message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        ws.request(1);
        return null;
    }

    private void handle(String message) {
        long now = System.nanoTime();
        JsonNode frame;
        try {
            frame = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            stats.error("loadgen:bad_json_from_server");
            return;
        }
        String type = frame.path("type").asText();
        JsonNode id = frame.get("id");
        String code = type.equals("error") ? frame.path("code").asText("?") : null;
        CompletableFuture<Boolean> probe = id != null && id.isTextual() ? probes.get(id.asText()) : null;
        if (probe != null) {
            probe.complete(code == null);
            return;
        }
        Pending answered = id != null && id.isTextual() ? pending.remove(id.asText()) : null;
        if (answered != null) {
            stats.answered(answered.type(), (now - answered.sentNanos()) / 1000, code);
        } else if (code != null) {
            if (!welcomed.isDone()) {
                welcomed.completeExceptionally(new JoinFailure("auth: " + code));
                return;
            }
            stats.error(code);
        }
        switch (type) {
            case "welcome" -> {
                open = true;
                welcomed.complete(null);
            }
            case "room" -> exits = exitsOf(frame.path("payload").path("exits"));
            default -> {
            }
        }
    }

    private static List<String> exitsOf(JsonNode list) {
        List<String> dirs = new ArrayList<>();
        for (JsonNode exit : list) {
            String dir = exit.path("dir").asText("");
            if (!dir.isEmpty()) {
                dirs.add(dir);
            }
        }
        return List.copyOf(dirs);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        ended(reason == null || reason.isEmpty() ? "closed " + statusCode : reason + " (" + statusCode + ")");
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        ended("transport error: " + error.getClass().getSimpleName());
    }

    private void ended(String why) {
        boolean wasOpen = open;
        open = false;
        if (!welcomed.isDone()) {
            welcomed.completeExceptionally(new JoinFailure("connection ended before welcome: " + why));
        } else if (wasOpen && !leaving) {
            stats.disconnected(why);
        }
    }

    private static String reason(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof JoinFailure) {
            return e.getMessage();
        }
        if (e instanceof TimeoutException) {
            return "timed out";
        }
        return e.getClass().getSimpleName();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The period between commands at {@code rate} per second, or null at rate 0. */
    static Duration period(double rate) {
        return rate <= 0 ? null : Duration.ofNanos(Math.max(1, Math.round(1e9 / rate)));
    }

    @Override
    public String toString() {
        return name + (open ? " (in the world)" : "");
    }
}
