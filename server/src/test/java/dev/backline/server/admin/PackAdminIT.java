package dev.backline.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.server.RunningGame;
import dev.backline.server.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live-ops reloading the reference pack over the admin API while a player stays connected. The pack is
 * a copy in a temporary directory, so the test can edit it.
 */
class PackAdminIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PACK = "backline-city";

    @TempDir
    Path scripts;

    private RunningGame running;

    @BeforeEach
    void start() throws IOException {
        Path source = RunningGame.REPO.resolve("scripts").resolve(PACK);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = scripts.resolve(PACK).resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        running = RunningGame.start(scripts);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private HttpResponse<String> call(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(running.base().resolve(path)).timeout(WAIT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> admin(String method, String path) {
        return call(method, path, RunningGame.ADMIN_TOKEN);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = scripts.resolve(PACK).resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void everyAdminRouteNeedsTheToken() {
        for (String[] route : new String[][] {{"GET", "/admin/packs"}, {"POST", "/admin/packs/" + PACK + "/reload"},
                {"POST", "/admin/packs/" + PACK + "/rollback"}, {"GET", "/admin/reloads"}, {"GET", "/admin/faults"}}) {
            assertThat(call(route[0], route[1], null).statusCode()).as("%s %s without a token", route[0], route[1]).isEqualTo(401);
            assertThat(call(route[0], route[1], "wrong-token-wrong-token").statusCode()).as("%s %s with a wrong token", route[0], route[1]).isEqualTo(401);
        }
        assertThat(running.game().scripts().audit()).as("nothing was reloaded").isEmpty();
    }

    @Test
    void aReloadChangesTheGameWhileThePlayerStaysConnected() throws IOException {
        try (TestClient ann = TestClient.join(running.base(), "Ann", "ann-secret")) {
            ann.awaitType("room", WAIT);
            JsonNode packs = TestClient.parse(admin("GET", "/admin/packs").body());
            assertThat(packs.path("packs").get(0).path("name").asText()).isEqualTo(PACK);
            assertThat(packs.path("packs").get(0).path("generation").asInt()).isEqualTo(1);
            // Ann's arrival ran the pack's hooks: each says what it cost, allocation included.
            assertThat(packs.path("packs").get(0).path("hooks")).isNotEmpty()
                    .allSatisfy(h -> assertThat(h.path("allocatedBytes").isIntegralNumber()).as(h.toString()).isTrue());

            edit("commands/social.js", "ctx.reply(`You say, ", "ctx.reply(`You sing, ");
            HttpResponse<String> reload = admin("POST", "/admin/packs/" + PACK + "/reload");

            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            JsonNode report = TestClient.parse(reload.body());
            assertThat(report.path("generation").asInt()).isEqualTo(2);
            assertThat(report.path("changedFiles").get(0).path("file").asText()).isEqualTo("commands/social.js");
            assertThat(report.path("changedFiles").get(0).path("sha256").asText()).hasSize(64);
            assertThat(report.path("actor").asText()).startsWith("admin-token@");

            ann.command("s1", "say la la");
            JsonNode answer = ann.await(f -> "s1".equals(f.path("id").asText()), "answer to say", WAIT);
            assertThat(answer.path("text").asText()).isEqualTo("You sing, \"la la\"");
            assertThat(ann.isClosed()).isFalse();

            HttpResponse<String> rollback = admin("POST", "/admin/packs/" + PACK + "/rollback");
            assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
            ann.command("s2", "say la la");
            assertThat(ann.await(f -> "s2".equals(f.path("id").asText()), "answer to say", WAIT).path("text").asText())
                    .isEqualTo("You say, \"la la\"");

            JsonNode audit = TestClient.parse(admin("GET", "/admin/reloads").body());
            assertThat(audit.path("reloads")).hasSize(2);
            assertThat(audit.path("reloads").get(1).path("action").asText()).isEqualTo("rollback");
        }
    }

    @Test
    void aBrokenReloadIsRefusedWithFileAndLineAndTheGameGoesOn() throws IOException {
        try (TestClient ann = TestClient.join(running.base(), "Ann", "ann-secret")) {
            ann.awaitType("room", WAIT);
            edit("commands/look.js", "export const look = {", "export const look = {{");

            HttpResponse<String> reload = admin("POST", "/admin/packs/" + PACK + "/reload");

            assertThat(reload.statusCode()).isEqualTo(422);
            JsonNode report = TestClient.parse(reload.body());
            assertThat(report.path("ok").asBoolean()).isFalse();
            assertThat(report.path("generation").asInt()).isEqualTo(1);
            assertThat(report.path("errors").get(0).asText()).startsWith(PACK + "/commands/look.js:");
            ann.command("l1", "look");
            assertThat(ann.await(f -> "l1".equals(f.path("id").asText()), "answer to look", WAIT).path("type").asText())
                    .isEqualTo("room");
        }
    }

    @Test
    void anUnknownPackIsA404() {
        assertThat(admin("POST", "/admin/packs/nope/reload").statusCode()).isEqualTo(404);
    }
}
