package dev.backline.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backline.tools.bench.ServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * loadgen against the real server ({@code dev.backline.server.Main} in a child JVM on this test's class
 * path, embedded PostgreSQL in a temporary directory, the repo's world and packs): every player joins,
 * every command is answered, nothing fails.
 */
class LoadgenIT {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    static Path dir;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.start(System.getProperty("java.class.path"), REPO,
                ServerProcess.loadSettings(dir.resolve("data"), REPO.resolve("scripts"), REPO.resolve("world-data")),
                dir.resolve("server.log"), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void fivePlayersGetEveryCommandAnsweredWithoutErrors() throws Exception {
        Path json = dir.resolve("report.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Loadgen.run(new String[] {"--url", "ws://" + server.base().getRawAuthority(), "--players", "5",
            "--rate", "5", "--duration", "3s", "--mix", "look:1,go:1,say:1,who:1,ping:1", "--json", json.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String shown = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(shown).isEqualTo(Loadgen.CLEAN);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("joined").asInt()).isEqualTo(5);
        assertThat(report.path("sent").asLong()).as(shown).isGreaterThanOrEqualTo(20);
        assertThat(report.path("answered").asLong()).isEqualTo(report.path("sent").asLong());
        assertThat(report.path("unanswered").asLong()).isZero();
        assertThat(report.path("errors").size()).as(shown).isZero();
        assertThat(report.path("disconnects").size()).as(shown).isZero();
        for (String type : List.of("look", "go", "say", "who", "ping", "all")) {
            JsonNode latency = report.path("latency").path(type);
            assertThat(latency.path("count").asLong()).as(type + " answered").isPositive();
            assertThat(latency.path("max").asDouble()).as(type).isGreaterThanOrEqualTo(latency.path("p50").asDouble());
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).as("progress lines").contains("players 5/5");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("5/5 players joined").contains("errors: none");
    }
}
