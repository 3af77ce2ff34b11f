package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production server with {@code BACKLINE_LOG_FORMAT=json}: every line it logs is one JSON object, with
 * tick, player and pack where they apply: connect, each command (escaped, no token), a script's
 * {@code game.log}, a script error, a disconnect.
 */
class JsonLogsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path scripts;

    @Test
    void everyLineIsJsonWithTickPlayerAndPackWhereTheyApply() throws Exception {
        ScriptPack.write(scripts, "probe", "1.0.0", """
                export function register(pack) {
                  pack.command({ name: 'ping', help: 'Pong.', run: (ctx) => { game.log('pinged'); ctx.reply('pong'); } });
                  pack.command({ name: 'crash', help: 'Throws.', run: () => { throw new Error('boom'); } });
                }
                """);
        Path dataDir = Files.createTempDirectory("backline-json-logs");
        String log;
        String token;
        try (ChildServer server = ChildServer.start(dataDir, Map.of(
                "BACKLINE_SCRIPTS_DIR", scripts.toString(), "BACKLINE_LOG_FORMAT", "json"))) {
            TestClient.post(server.base(), "/api/accounts", TestClient.json(Map.of("name", "Ann", "password", "ann-secret-1")));
            token = TestClient.login(server.base(), "Ann", "ann-secret-1");
            try (TestClient ann = TestClient.connect(TestClient.playUri(server.base()))) {
                ann.auth(token);
                ann.awaitType("welcome", WAIT);
                ann.command("p", "ping");
                ann.await(f -> "p".equals(f.path("id").asText()), "pong", WAIT);
                ann.command("c", "crash");
                ann.await(f -> "c".equals(f.path("id").asText()), "the crash's error", WAIT);
                ann.command("f", "say hi\n2026-12-06 ERROR forged line");
                ann.await(f -> "f".equals(f.path("id").asText()), "the say", WAIT);
            }
            awaitLogged(server, "disconnected");
            server.stop();
            log = server.log();
        }

        List<JsonNode> records = log.lines().filter(line -> line.startsWith("{")).map(TestClient::parse).toList();
        assertThat(log.lines().filter(line -> !line.startsWith("{") && !fromTheJvm(line)))
                .as("lines that are not JSON records").isEmpty();
        assertThat(records).allSatisfy(r -> assertThat(r.path("time").asText()).isNotEmpty())
                .allSatisfy(r -> assertThat(r.path("level").asText()).isIn("ERROR", "WARN", "INFO", "DEBUG", "TRACE"))
                .allSatisfy(r -> assertThat(r.path("logger").asText()).isNotEmpty());
        assertThat(log).doesNotContain(token).doesNotContain("ann-secret-1");

        JsonNode connected = only(records, r -> r.path("msg").asText().contains("connected as Ann"));
        String ann = connected.path("player").asText();
        assertThat(ann).isNotEmpty();

        JsonNode ping = only(records, r -> r.path("logger").asText().equals("backline.command")
                && r.path("msg").asText().startsWith("command \"ping\""));
        assertThat(ping.path("player").asText()).isEqualTo(ann);
        assertThat(ping.path("msg").asText()).isEqualTo("command \"ping\" id=\"p\" queued");

        JsonNode scriptLog = only(records, r -> r.path("msg").asText().equals("pinged"));
        assertThat(scriptLog.path("pack").asText()).isEqualTo("probe");
        assertThat(scriptLog.path("player").asText()).isEqualTo(ann);
        assertThat(scriptLog.path("tick").asLong()).isPositive();

        JsonNode fault = only(records, r -> r.path("level").asText().equals("ERROR") && r.path("msg").asText().contains("boom"));
        assertThat(fault.path("pack").asText()).isEqualTo("probe");
        assertThat(fault.path("player").asText()).isEqualTo(ann);
        assertThat(fault.path("tick").asLong()).isPositive();

        JsonNode forged = only(records, r -> r.path("msg").asText().startsWith("command \"say hi"));
        assertThat(forged.path("msg").asText()).isEqualTo("command \"say hi\\u000a2026-12-06 ERROR forged line\" id=\"f\" queued");
        assertThat(log.lines().filter(line -> line.startsWith("2026-12-06 ERROR forged"))).isEmpty();

        JsonNode left = only(records, r -> r.path("msg").asText().contains("disconnected"));
        assertThat(left.path("player").asText()).isEqualTo(ann);

        assertThat(records).anySatisfy(r -> assertThat(r.path("msg").asText()).contains("Backline is up on port"));
    }

    private static void awaitLogged(ChildServer server, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!server.log().contains(text)) {
            assertThat(System.nanoTime()).as("'" + text + "' logged within " + WAIT).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** What the JVM itself prints, not through any logger (e.g. warnings about restricted methods). */
    private static boolean fromTheJvm(String line) {
        return line.startsWith("WARNING: ") || line.isBlank();
    }

    private static JsonNode only(List<JsonNode> records, Predicate<JsonNode> test) {
        List<JsonNode> found = records.stream().filter(test).toList();
        assertThat(found).as("matching records").hasSize(1);
        return found.getFirst();
    }
}
