package dev.backline.server;

import static dev.backline.server.TestClient.json;
import static dev.backline.server.TestClient.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference pack's game-master commands: a player is forbidden; a GM's use works and is audited. */
class GmCommandsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static RunningGame running;

    @BeforeAll
    static void start() {
        running = RunningGame.start();
        TestClient.post(running.base(), "/api/accounts", json(Map.of("name", "Gina", "password", "gina-secret")));
        HttpResponse<String> promoted = admin("PUT", "/admin/accounts/gina/role", json(Map.of("role", "gm")));
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void aPlayerIsForbidden() {
        try (TestClient pat = TestClient.join(running.base(), "Pat", "pat-secret")) {
            pat.command("g1", "gm inspect me");

            JsonNode answer = pat.await(f -> "g1".equals(f.path("id").asText()), "answer to gm", WAIT);
            assertThat(answer.path("type").asText()).isEqualTo("error");
            assertThat(answer.path("code").asText()).isEqualTo("forbidden");
        }
    }

    @Test
    void aGameMasterTeleportsGivesInspectsAndBroadcastsAndEveryUseIsAudited() {
        try (TestClient gina = TestClient.join(running.base(), "Gina", "gina-secret");
             TestClient ron = TestClient.join(running.base(), "Ron", "ron-secret")) {
            JsonNode room = ron.awaitType("room", WAIT).path("payload");
            String elsewhere = room.path("exits").get(0).path("to").asText();

            gina.command("t", "gm teleport ron " + elsewhere);
            JsonNode moved = gina.await(f -> "t".equals(f.path("id").asText()), "teleport", WAIT);
            assertThat(moved.path("payload").path("to").asText()).as(moved.toString()).isEqualTo(elsewhere);
            assertThat(ron.await(f -> "room".equals(f.path("type").asText())
                    && elsewhere.equals(f.path("payload").path("id").asText()), "Ron's new room", WAIT)).isNotNull();

            gina.command("g", "gm give instruments:blues-harmonica ron");
            JsonNode given = gina.await(f -> "g".equals(f.path("id").asText()), "give", WAIT);
            assertThat(given.path("payload").path("to").asText()).as(given.toString()).isEqualTo("player:ron");

            gina.command("i", "gm inspect ron");
            JsonNode inspected = gina.await(f -> "i".equals(f.path("id").asText()), "inspect", WAIT);
            assertThat(inspected.path("payload").path("entity").path("container").asText()).isEqualTo(elsewhere);
            assertThat(inspected.path("payload").path("contents").toString())
                    .contains(given.path("payload").path("item").asText());

            gina.command("b", "gm broadcast servers restart at noon");
            assertThat(ron.awaitType("broadcast", WAIT).path("text").asText()).contains("servers restart at noon");

            // Scripts' audit entries go through the buffered audit log: wait until they are stored.
            JsonNode audit = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                audit = parse(admin("GET", "/admin/audit?actor=player:gina&action=backline-city/gm.", null).body())
                        .path("entries");
                if (audit.size() >= 4) {
                    break;
                }
                sleep(100);
            }
            assertThat(audit.findValuesAsText("action")).contains("backline-city/gm.teleport", "backline-city/gm.give",
                    "backline-city/gm.inspect");
            JsonNode teleport = null;
            for (JsonNode e : audit) {
                if (e.path("action").asText().equals("backline-city/gm.teleport")) {
                    teleport = e;
                }
            }
            assertThat(teleport.path("subject").asText()).isEqualTo("player:ron");
            assertThat(teleport.path("details").path("before").asText()).isEqualTo(room.path("id").asText());
            assertThat(teleport.path("details").path("after").asText()).isEqualTo(elsewhere);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(running.base().resolve(path)).timeout(WAIT)
                .header("Authorization", "Bearer " + RunningGame.ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
