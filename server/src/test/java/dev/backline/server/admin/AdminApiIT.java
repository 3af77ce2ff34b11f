package dev.backline.server.admin;

import static dev.backline.server.TestClient.json;
import static dev.backline.server.TestClient.parse;
import static dev.backline.server.TestClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.persist.AuditEntry;
import dev.backline.server.RunningGame;
import dev.backline.server.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of the admin API: no token is 401, a player's token 403, an admin account's token works and
 * leaves an audit row naming the admin. The first admin is made with the bootstrap token.
 */
class AdminApiIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningGame running;
    private static String adminToken;
    private static String playerToken;
    private static String patRoom;
    private static TestClient pat;
    @TempDir
    static Path scripts;

    /** Method, path, body. */
    record Route(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> routes() {
        return List.of(
                new Route("GET", "/admin/packs", null),
                new Route("POST", "/admin/packs/backline-city/reload", null),
                new Route("POST", "/admin/packs/backline-city/rollback", null),
                new Route("GET", "/admin/reloads", null),
                new Route("GET", "/admin/faults", null),
                new Route("GET", "/admin/accounts/Pat", null),
                new Route("PUT", "/admin/accounts/Pat/role", json(Map.of("role", "player"))),
                new Route("GET", "/admin/audit?limit=5", null),
                new Route("GET", "/admin/tunables", null),
                new Route("PUT", "/admin/tunables/knobs/level", json(Map.of("value", 2))),
                new Route("POST", "/admin/tunables/knobs/level/revert", null),
                new Route("GET", "/admin/world/players", null),
                new Route("GET", "/admin/world/entities/player:pat", null),
                new Route("POST", "/admin/world/players/player:pat/move", json(Map.of("to", patRoom))),
                new Route("POST", "/admin/world/broadcast", json(Map.of("text", "maintenance at noon"))),
                new Route("POST", "/admin/packs/backline-city/timers/worldEvent", json(Map.of("event", "storm", "action", "stop"))),
                new Route("POST", "/admin/world/players/player:pat/kick", json(Map.of("reason", "test"))));
    }

    @BeforeAll
    static void start() throws IOException {
        Path source = RunningGame.REPO.resolve("scripts").resolve("backline-city");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = scripts.resolve("backline-city").resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Files.createDirectories(scripts.resolve("knobs"));
        Files.writeString(scripts.resolve("knobs/pack.yaml"), "name: knobs\nversion: 1.0.0\napiVersion: 1\nentry: main.js\n");
        Files.writeString(scripts.resolve("knobs/main.js"),
                "export function register(pack) { pack.tunable('level', { type: 'integer', default: 1, min: 1, max: 5 }); }\n");
        running = RunningGame.start(scripts);
        post(running.base(), "/api/accounts", json(Map.of("name", "Root", "password", "root-password")));
        post(running.base(), "/api/accounts", json(Map.of("name", "Pat", "password", "pat-password")));
        adminToken = TestClient.login(running.base(), "Root", "root-password");
        playerToken = TestClient.login(running.base(), "Pat", "pat-password");
        pat = TestClient.connect(TestClient.playUri(running.base()));
        pat.auth(playerToken);
        pat.awaitType("welcome");
        patRoom = pat.awaitType("room").path("payload").path("id").asText();
        HttpResponse<String> promoted = call("PUT", "/admin/accounts/Root/role", RunningGame.ADMIN_TOKEN,
                json(Map.of("role", "admin")));
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        pat.close();
        running.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void everyAdminRouteNeedsAnAdminAndIsAudited(Route route) {
        HttpResponse<String> none = call(route.method(), route.path(), null, route.body());
        assertThat(none.statusCode()).as("no token: " + none.body()).isEqualTo(401);
        assertThat(parse(none.body()).path("error").asText()).contains("Bearer");
        HttpResponse<String> player = call(route.method(), route.path(), playerToken, route.body());
        assertThat(player.statusCode()).as("player: " + player.body()).isEqualTo(403);
        assertThat(call(route.method(), route.path(), "made-up-token", route.body()).statusCode()).isEqualTo(401);
        Instant before = Instant.now();

        HttpResponse<String> admin = call(route.method(), route.path(), adminToken, route.body());

        if (route.path().startsWith("/admin/packs/")) {
            // 422 is a reload that ran and was refused (the pack on disk may be mid-edit): the route worked.
            assertThat(admin.statusCode()).as("admin: " + admin.body()).isIn(200, 422);
        } else {
            assertThat(admin.statusCode()).as("admin: " + admin.body()).isBetween(200, 299);
        }
        String path = route.path().replaceFirst("\\?.*", "");
        List<AuditEntry> rows = running.game().database().auditLog().recent(20);
        assertThat(rows).as("an audit row for " + route)
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("account:root");
                    assertThat(e.action()).isEqualTo("admin.request");
                    assertThat(e.subject()).isEqualTo(path);
                    assertThat(e.details()).containsEntry("method", route.method());
                    assertThat(e.at()).isAfterOrEqualTo(before.minusSeconds(1));
                });
    }

    @Test
    void roleChangesAreAuditedWithBeforeAndAfterAndQueryableByActor() {
        post(running.base(), "/api/accounts", json(Map.of("name", "Gina", "password", "gina-password")));
        HttpResponse<String> changed = call("PUT", "/admin/accounts/gina/role", adminToken, json(Map.of("role", "gm")));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(parse(changed.body()).path("role").asText()).isEqualTo("gm");
        assertThat(call("PUT", "/admin/accounts/gina/role", adminToken, json(Map.of("role", "king"))).statusCode())
                .isEqualTo(400);
        assertThat(call("PUT", "/admin/accounts/nobody/role", adminToken, json(Map.of("role", "gm"))).statusCode())
                .isEqualTo(404);
        String gmToken = TestClient.login(running.base(), "Gina", "gina-password");
        assertThat(call("GET", "/admin/packs", gmToken, null).statusCode()).as("a GM is not an admin").isEqualTo(403);

        JsonNode audit = parse(call("GET", "/admin/audit?actor=account:root&action=account.role&since="
                + Instant.now().minusSeconds(60), adminToken, null).body());

        JsonNode latest = audit.path("entries").get(0);
        assertThat(latest.path("subject").asText()).isEqualTo("account:gina");
        assertThat(latest.path("details").path("before").asText()).isEqualTo("player");
        assertThat(latest.path("details").path("after").asText()).isEqualTo("gm");
        assertThat(audit.path("entries").findValuesAsText("actor")).containsOnly("account:root");
        JsonNode future = parse(call("GET", "/admin/audit?since=" + Instant.now().plusSeconds(3600), adminToken, null).body());
        assertThat(future.path("entries").size()).isZero();
        assertThat(call("GET", "/admin/audit?since=yesterday", adminToken, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/admin/audit?limit=0", adminToken, null).statusCode()).isEqualTo(400);
    }

    @Test
    void liveOpsStartAndStopAWorldEventThroughThePacksTimer() {
        try (TestClient tia = TestClient.join(running.base(), "Tia", "tia-password")) {
            tia.awaitType("room");
            String timer = "/admin/packs/backline-city/timers/worldEvent";

            HttpResponse<String> started = call("POST", timer, adminToken, json(Map.of("event", "storm", "action", "start")));

            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            assertThat(tia.awaitType("broadcast").path("payload").path("id").asText()).isEqualTo("storm");
            assertThat(call("POST", timer, adminToken, json(Map.of("event", "storm", "action", "stop"))).statusCode()).isEqualTo(200);
            assertThat(tia.awaitType("broadcast").path("text").asText()).contains("storm");
            assertThat(call("POST", "/admin/packs/backline-city/timers/noSuchTimer", adminToken, json(Map.of())).statusCode())
                    .isEqualTo(404);
            assertThat(call("POST", "/admin/packs/no-pack/timers/worldEvent", adminToken, json(Map.of())).statusCode())
                    .isEqualTo(404);
            assertThat(call("POST", timer, adminToken, "not json").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void liveOpsSeeWhoIsOnlineAndWhereAndInspectEntities() {
        try (TestClient gil = TestClient.join(running.base(), "Gil", "gil-password")) {
            String room = gil.awaitType("room").path("payload").path("id").asText();
            JsonNode players = parse(call("GET", "/admin/world/players", adminToken, null).body()).path("players");
            assertThat(players).anySatisfy(p -> {
                assertThat(p.path("id").asText()).isEqualTo("player:gil");
                assertThat(p.path("room").asText()).isEqualTo(room);
            });
            JsonNode entity = parse(call("GET", "/admin/world/entities/" + room, adminToken, null).body());
            assertThat(entity.path("kind").asText()).isEqualTo("room");
            assertThat(entity.path("contents").toString()).contains("player:gil");
            assertThat(call("GET", "/admin/world/entities/nope:nothing", adminToken, null).statusCode()).isEqualTo(404);
            assertThat(call("GET", "/admin/world/entities/Not%20an%20id", adminToken, null).statusCode()).isEqualTo(400);

            call("POST", "/admin/world/broadcast", adminToken, json(Map.of("text", "hello all")));
            assertThat(gil.awaitType("broadcast").path("text").asText()).isEqualTo("hello all");
            call("POST", "/admin/world/players/player:gil/kick", adminToken, json(Map.of("reason", "spamming")));
            assertThat(gil.awaitError("kicked").path("message").asText()).isEqualTo("spamming");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServedOpenApiDescriptionCoversEveryAdminRoute() {
        HttpResponse<String> served = call("GET", "/openapi.yaml", null, null);
        assertThat(served.statusCode()).isEqualTo(200);
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(served.body());
        assertThat(doc.get("openapi")).isEqualTo("3.1.0");
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        for (Route route : routes()) {
            String template = route.path().replaceFirst("\\?.*", "").replace("backline-city", "{pack}")
                    .replace("knobs/level", "{pack}/{name}").replace("worldEvent", "{timer}").replace("player:pat", "{id}").replace("Pat", "{name}");
            assertThat(paths).as(route.toString()).containsKey(template);
            assertThat((Map<String, Object>) paths.get(template)).as(route.toString())
                    .containsKey(route.method().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(paths).containsKeys("/api/accounts", "/api/sessions", "/api/characters");
    }

    @Test
    void theBootstrapTokenIsRecordedAsSuch() {
        assertThat(call("GET", "/admin/reloads", RunningGame.ADMIN_TOKEN, null).statusCode()).isEqualTo(200);

        assertThat(running.game().database().auditLog().recent(5))
                .anySatisfy(e -> assertThat(e.actor()).startsWith("admin-token@"));
    }

    static HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(running.base().resolve(path)).timeout(TestClient.TIMEOUT)
                .header("Content-Type", "application/json")
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
