package dev.backline.server.account;

import static dev.backline.server.TestClient.json;
import static dev.backline.server.TestClient.parse;
import static dev.backline.server.TestClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.server.RunningServer;
import dev.backline.server.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login throttling, logout and characters over real HTTP and the real {@code /play} WebSocket. */
class SessionsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private RunningServer running;
    private URI base;

    @BeforeEach
    void start() {
        running = RunningServer.start();
        base = running.baseUri();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void repeatedWrongPasswordsGet429WithRetryAfter() {
        post(base, "/api/accounts", json(Map.of("name", "Alice", "password", "password1")));
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            assertThat(login("Alice", "not-the-password").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = login("Alice", "password1");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, LoginThrottle.WINDOW.toSeconds() + 1));
        assertThat(parse(throttled.body()).path("error").asText()).contains("too many failed logins");
    }

    @Test
    void logoutEndsTheTokenForTheWebSocketToo() {
        post(base, "/api/accounts", json(Map.of("name", "Bob", "password", "password1")));
        String token = TestClient.login(base, "Bob", "password1");

        assertThat(call("DELETE", "/api/sessions", token, null).statusCode()).isEqualTo(204);
        assertThat(call("DELETE", "/api/sessions", token, null).statusCode()).isEqualTo(401);
        assertThat(call("DELETE", "/api/sessions", null, null).statusCode()).isEqualTo(401);

        try (TestClient client = TestClient.connect(running.playUri())) {
            client.auth(token);
            JsonNode error = client.awaitError("unauthorized");
            assertThat(error.path("message").asText()).contains("log in again");
        }
    }

    @Test
    void anAccountCreatesCharactersAndPlaysTheOneItNamesInTheAuthFrame() {
        post(base, "/api/accounts", json(Map.of("name", "Carol", "password", "password1")));
        String token = TestClient.login(base, "Carol", "password1");

        HttpResponse<String> created = call("POST", "/api/characters", token, json(Map.of("name", "Zora")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(parse(created.body()).path("id").asText()).isEqualTo("player:zora");
        assertThat(call("POST", "/api/characters", token, json(Map.of("name", "carol"))).statusCode()).isEqualTo(409);
        HttpResponse<String> bad = call("POST", "/api/characters", token, json(Map.of("name", "1 bad")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(parse(bad.body()).path("error").asText()).contains("character name");
        assertThat(call("POST", "/api/characters", null, json(Map.of("name", "Yuri"))).statusCode()).isEqualTo(401);
        JsonNode list = parse(call("GET", "/api/characters", token, null).body());
        assertThat(list.path("characters").findValuesAsText("name")).containsExactly("Carol", "Zora");
        assertThat(list.path("role").asText()).isEqualTo("player");

        try (TestClient zora = TestClient.connect(running.playUri());
             TestClient first = TestClient.connect(running.playUri());
             TestClient stranger = TestClient.connect(running.playUri())) {
            zora.sendFrame("auth", "token", token, "character", "Zora");
            assertThat(zora.awaitType("welcome").path("payload").path("player").path("id").asText()).isEqualTo("player:zora");
            first.auth(token);
            assertThat(first.awaitType("welcome").path("payload").path("player").path("id").asText())
                    .as("without a character, the account's first one").isEqualTo("player:carol");
            stranger.sendFrame("auth", "token", token, "character", "Mallory");
            assertThat(stranger.awaitError("unauthorized").path("message").asText()).contains("no character 'Mallory'");
        }
    }

    @Test
    void anAccountOwnsAtMostTheConfiguredNumberOfCharacters() {
        post(base, "/api/accounts", json(Map.of("name", "Dora", "password", "password1")));
        String token = TestClient.login(base, "Dora", "password1");
        int max = AccountsConfig.defaults().maxCharacters();
        for (int i = 1; i < max; i++) {
            assertThat(call("POST", "/api/characters", token, json(Map.of("name", "Dora" + i))).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = call("POST", "/api/characters", token, json(Map.of("name", "Doramore")));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(parse(refused.body()).path("error").asText()).contains("at most " + max);
    }

    private HttpResponse<String> login(String name, String password) {
        return post(base, "/api/sessions", json(Map.of("name", name, "password", password)));
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TestClient.TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
