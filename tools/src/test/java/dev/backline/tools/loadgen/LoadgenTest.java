package dev.backline.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help, usage errors, and a server that is not there. */
class LoadgenTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Loadgen.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpDescribesEveryOptionAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--url", "--players", "--rate", "--duration", "--mix",
                "--json", "--ramp-up", "Exit codes");
    }

    @Test
    void usageErrorsExitTwoAndSayWhatIsWrong() {
        assertThat(run("--players", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--url");
        err.reset();
        assertThat(run("--url", "ws://localhost:1", "--mix", "look:x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'x'");
        err.reset();
        assertThat(run("--url", "ws://localhost:1", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'soon'");
        err.reset();
        assertThat(run("--url", "ftp://localhost:1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ws://");
    }

    @Test
    void aServerThatIsNotThereGivesFailedJoinsAndExitOne(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path json = dir.resolve("report.json");

        int code = run("--url", "ws://127.0.0.1:" + port, "--players", "3", "--duration", "1s", "--drain", "0s",
                "--quiet", "--json", json.toString());

        assertThat(code).isEqualTo(Loadgen.PROBLEMS);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("joined").asInt()).isZero();
        assertThat(report.path("joinFailures").path("register: ConnectException").asInt()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("failed joins: register: ConnectException 3");
    }
}
