package dev.backline.server.account;

import static dev.backline.server.TestClient.get;
import static dev.backline.server.TestClient.json;
import static dev.backline.server.TestClient.parse;
import static dev.backline.server.TestClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.server.RunningServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountsIT {
    private static RunningServer running;
    private static URI base;

    @BeforeAll
    static void start() {
        running = RunningServer.start();
        base = running.baseUri();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void registersAnAccount() {
        HttpResponse<String> response = register("Alice", "password1");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        JsonNode body = parse(response.body());
        assertThat(body.path("name").asText()).isEqualTo("Alice");
        assertThat(body.path("id").asText()).isNotBlank();
        assertThat(body.has("password")).isFalse();
    }

    @Test
    void aTakenNameIsAConflictInAnyCase() {
        assertThat(register("Bob", "password1").statusCode()).isEqualTo(201);

        HttpResponse<String> again = register("BOB", "password2");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(parse(again.body()).path("error").asText()).contains("taken");
    }

    @ParameterizedTest
    @CsvSource({
            "ab, password1, name",
            "1abc, password1, name",
            "has space, password1, name",
            "waytoolongname_abcdefg, password1, name",
            "Carol, short, password"})
    void invalidNamesAndPasswordsAreRejected(String name, String password, String mentioned) {
        HttpResponse<String> response = register(name, password);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response.body()).path("error").asText()).contains(mentioned);
    }

    @Test
    void aTooLongPasswordIsRejected() {
        assertThat(register("Dave", "x".repeat(129)).statusCode()).isEqualTo(400);
        assertThat(register("Dave", "x".repeat(128)).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"name\":", "[1,2]", "\"text\"", "{\"name\":5,\"password\":\"password1\"}",
            "{\"name\":\"Erin\"}", "{\"name\":\"Erin\",\"password\":null}", "{\"name\":\"Erin\",\"password\":[1]}",
            "{\"name\":\"Erin\",\"name\":\"Erin2\",\"password\":\"password1\"}", "{\"name\":\"Erin\",\"password\":\"password1\"} x"})
    void malformedBodiesGetA400WithAJsonError(String body) {
        for (String path : new String[] {"/api/accounts", "/api/sessions"}) {
            HttpResponse<String> response = post(base, path, body);

            assertThat(response.statusCode()).as(path + " with " + body).isEqualTo(400);
            assertThat(parse(response.body()).path("error").asText()).as(path + " with " + body).isNotBlank();
        }
    }

    @Test
    void logsInWithTheRightPassword() {
        register("Frank", "password1");

        HttpResponse<String> response = login("frank", "password1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = parse(response.body());
        assertThat(body.path("token").asText()).matches("[A-Za-z0-9_-]{43}");
        Instant expires = Instant.parse(body.path("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
    }

    @Test
    void aWrongPasswordOrUnknownNameIs401() {
        register("Grace", "password1");

        HttpResponse<String> wrong = login("Grace", "password2");
        HttpResponse<String> unknown = login("Nobody", "password1");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(parse(wrong.body()).path("error").asText()).isEqualTo("wrong name or password");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void healthReportsTheWorld() {
        HttpResponse<String> response = get(base, "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = parse(response.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("tick").isIntegralNumber()).isTrue();
        assertThat(body.path("players").isIntegralNumber()).isTrue();
        assertThat(body.path("queueDepth").isIntegralNumber()).isTrue();
        assertThat(body.path("overruns").isIntegralNumber()).isTrue();
        assertThat(body.path("skippedTicks").isIntegralNumber()).isTrue();
        assertThat(body.path("maxTickMillis").isNumber()).isTrue();
    }

    private static HttpResponse<String> register(String name, String password) {
        return post(base, "/api/accounts", json(Map.of("name", name, "password", password)));
    }

    private static HttpResponse<String> login(String name, String password) {
        return post(base, "/api/sessions", json(Map.of("name", name, "password", password)));
    }
}
