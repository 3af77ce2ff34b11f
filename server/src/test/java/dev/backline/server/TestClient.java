package dev.backline.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real WebSocket client for tests: connects to {@code /play}, collects every server frame (parsed JSON)
 * in a queue, and waits for frames by type. Also registers and logs in over HTTP.
 *
 * <pre>{@code
 * try (TestClient alice = TestClient.join(baseUri, "Alice", "password1")) {
 *     alice.command("c1", "say hi");
 *     assertThat(alice.awaitType("message", Duration.ofSeconds(5)).path("id").asText()).isEqualTo("c1");
 * }
 * }</pre>
 */
public final class TestClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** How the server closed the socket. */
    public record Closed(int status, String reason) {
    }

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;

    private TestClient() {
    }

    /** Opens a WebSocket to {@code wsUri} (e.g. {@code ws://127.0.0.1:port/play}). */
    public static TestClient connect(URI wsUri) {
        TestClient client = new TestClient();
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(wsUri, client.new Listener()).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        return client;
    }

    /** Registers (a taken name is fine), logs in, connects, authenticates and waits for {@code welcome}. */
    public static TestClient join(URI baseUri, String name, String password) {
        post(baseUri, "/api/accounts", json(Map.of("name", name, "password", password)));
        String token = login(baseUri, name, password);
        TestClient client = connect(playUri(baseUri));
        client.auth(token);
        client.awaitType("welcome", TIMEOUT);
        return client;
    }

    /** {@code http://host:port} to {@code ws://host:port/play}. */
    public static URI playUri(URI baseUri) {
        return URI.create(baseUri.toString().replaceFirst("^http", "ws") + "/play");
    }

    /** POSTs a JSON body; returns the response whatever its status. */
    public static HttpResponse<String> post(URI baseUri, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return exchange(request);
    }

    public static HttpResponse<String> get(URI baseUri, String path) {
        return exchange(HttpRequest.newBuilder(baseUri.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Logs in and returns the token; fails unless the server answers 200. */
    public static String login(URI baseUri, String name, String password) {
        HttpResponse<String> response = post(baseUri, "/api/sessions", json(Map.of("name", name, "password", password)));
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + name + " failed: " + response.statusCode() + " " + response.body());
        }
        return parse(response.body()).path("token").asText();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends one text frame as is. */
    public void send(String text) {
        socket.sendText(text, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Sends one message split into WebSocket fragments. */
    public void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        }
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Sends a WebSocket-level ping (a control frame, not the protocol's ping frame). */
    public void sendPing(byte[] payload) {
        socket.sendPing(ByteBuffer.wrap(payload)).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Waits for a WebSocket-level pong and returns its payload. */
    public byte[] awaitPong() {
        try {
            byte[] payload = pongs.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (payload == null) {
                throw new AssertionError("no pong within " + TIMEOUT.toMillis() + " ms");
            }
            return payload;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends {@code {"v":1,"type":type, ...fields}}; fields alternate name and value. */
    public void sendFrame(String type, Object... fields) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("v", 1);
        frame.put("type", type);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            frame.put((String) fields[i], fields[i + 1]);
        }
        send(json(frame));
    }

    public void auth(String token) {
        sendFrame("auth", "token", token);
    }

    public void command(String id, String text) {
        if (id == null) {
            sendFrame("cmd", "text", text);
        } else {
            sendFrame("cmd", "id", id, "text", text);
        }
    }

    public void ping(String id) {
        sendFrame("ping", "id", id);
    }

    /** The next frame, whatever its type; fails after the timeout. */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + timeout.toMillis() + " ms");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits for the first frame matching {@code test}, dropping the frames before it. */
    public JsonNode await(Predicate<JsonNode> test, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder skipped = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame;
            try {
                frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (frame == null) {
                throw new AssertionError("no " + what + " frame within " + timeout.toMillis() + " ms; skipped: " + skipped);
            }
            if (test.test(frame)) {
                return frame;
            }
            skipped.append(frame).append(' ');
        }
    }

    public JsonNode awaitType(String type, Duration timeout) {
        return await(f -> type.equals(f.path("type").asText()), "'" + type + "'", timeout);
    }

    public JsonNode awaitType(String type) {
        return awaitType(type, TIMEOUT);
    }

    /** Waits for an error frame with this code. */
    public JsonNode awaitError(String code) {
        return await(f -> "error".equals(f.path("type").asText()) && code.equals(f.path("code").asText()),
                "error '" + code + "'", TIMEOUT);
    }

    /** Frames received and not yet taken. */
    public int pending() {
        return frames.size();
    }

    /** Waits until the server closes the socket. */
    public Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the socket was not closed within " + timeout.toMillis() + " ms");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the TCP connection without a close handshake, like a crashed client. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
            } catch (RuntimeException e) {
                socket.abort();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(parse(partial.toString()));
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            byte[] payload = new byte[message.remaining()];
            message.get(payload);
            pongs.add(payload);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
