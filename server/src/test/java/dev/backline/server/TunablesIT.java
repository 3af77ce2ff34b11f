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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live-ops change a pack's tunable over the admin API; the script sees it from the next tick; revert undoes it. */
class TunablesIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path scripts;

    private RunningGame running;

    @BeforeEach
    void start() {
        ScriptPack.write(scripts, "knobs", "1.0.0", """
                export function register(pack) {
                  pack.tunable('greeting', { type: 'string', default: 'hello', help: 'what greet says' });
                  pack.tunable('loudness', { type: 'integer', default: 1, min: 1, max: 3 });
                  pack.command({ name: 'greet', help: 'Greets.',
                    run: (ctx) => ctx.reply(game.tunable('greeting') + '!'.repeat(game.tunable('loudness'))) });
                }
                """);
        running = RunningGame.start(scripts);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void aChangeCountsFromTheNextTickAndTheRevertRestoresIt() {
        try (TestClient ann = TestClient.join(running.base(), "Ann", "ann-secret")) {
            assertThat(greet(ann, "g1")).isEqualTo("hello!");

            HttpResponse<String> set = call("PUT", "/admin/tunables/knobs/greeting", json(Map.of("value", "howdy")));
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(parse(set.body()).path("before").asText()).isEqualTo("hello");
            assertThat(greet(ann, "g2")).isEqualTo("howdy!");
            assertThat(call("PUT", "/admin/tunables/knobs/loudness", json(Map.of("value", 3))).statusCode()).isEqualTo(200);
            assertThat(greet(ann, "g3")).isEqualTo("howdy!!!");

            HttpResponse<String> reverted = call("POST", "/admin/tunables/knobs/greeting/revert", null);
            assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
            assertThat(parse(reverted.body()).path("value").asText()).isEqualTo("hello");
            assertThat(greet(ann, "g4")).isEqualTo("hello!!!");

            JsonNode list = parse(call("GET", "/admin/tunables", null).body());
            JsonNode loud = list.path("tunables").get(1);
            assertThat(loud.path("name").asText()).isEqualTo("loudness");
            assertThat(loud.path("value").asLong()).isEqualTo(3);
            assertThat(loud.path("overridden").asBoolean()).isTrue();
            assertThat(loud.path("max").asDouble()).isEqualTo(3.0);

            JsonNode audit = parse(call("GET", "/admin/audit?action=tunable.", null).body()).path("entries");
            assertThat(audit.get(0).path("action").asText()).isEqualTo("tunable.revert");
            assertThat(audit.get(0).path("details").path("before").asText()).isEqualTo("howdy");
            assertThat(audit.get(0).path("details").path("after").asText()).isEqualTo("hello");
            assertThat(audit.get(2).path("action").asText()).isEqualTo("tunable.set");
            assertThat(audit.get(2).path("subject").asText()).isEqualTo("knobs/greeting");
        }
    }

    @Test
    void badValuesAreRefusedWithWhatIsAcceptedAndChangeNothing() {
        HttpResponse<String> tooLoud = call("PUT", "/admin/tunables/knobs/loudness", json(Map.of("value", 4)));
        assertThat(tooLoud.statusCode()).isEqualTo(400);
        assertThat(parse(tooLoud.body()).path("error").asText()).contains("from 1 to 3");
        assertThat(call("PUT", "/admin/tunables/knobs/loudness", json(Map.of("value", "2"))).statusCode()).isEqualTo(400);
        assertThat(call("PUT", "/admin/tunables/knobs/loudness", "{}").statusCode()).isEqualTo(400);
        assertThat(call("PUT", "/admin/tunables/knobs/volume", json(Map.of("value", 1))).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/admin/tunables/knobs/loudness", json(Map.of("value", 2, "at", "soon"))).statusCode())
                .isEqualTo(400);
        assertThat(parse(call("GET", "/admin/tunables", null).body()).path("tunables").get(1).path("value").asLong())
                .isEqualTo(1);
    }

    @Test
    void aScheduledChangeWaitsForItsGameTime() {
        JsonNode list = parse(call("GET", "/admin/tunables", null).body());
        Instant now = Instant.parse(list.path("gameTime").asText());
        String at = now.plus(Duration.ofDays(365)).toString();

        HttpResponse<String> scheduled = call("PUT", "/admin/tunables/knobs/greeting", json(Map.of("value", "later", "at", at)));

        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);
        JsonNode greeting = parse(call("GET", "/admin/tunables", null).body()).path("tunables").get(0);
        assertThat(greeting.path("value").asText()).isEqualTo("hello");
        assertThat(greeting.path("scheduled").get(0).path("value").asText()).isEqualTo("later");
        assertThat(greeting.path("scheduled").get(0).path("at").asText()).isEqualTo(at);
    }

    private static String greet(TestClient client, String id) {
        client.command(id, "greet");
        return client.await(f -> id.equals(f.path("id").asText()), "answer to greet", WAIT).path("text").asText();
    }

    private HttpResponse<String> call(String method, String path, String body) {
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
