package dev.backline.server;

import static dev.backline.server.TestClient.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} in the Prometheus format and {@code /health/ready}, on the production wiring. */
class ObservabilityIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path scripts;

    private RunningGame running;

    @BeforeEach
    void start() {
        ScriptPack.write(scripts, "probe", "1.0.0", """
                export function register(pack) {
                  pack.command({ name: 'ping', help: 'Pong.', run: (ctx) => ctx.reply('pong') });
                  pack.command({ name: 'crash', help: 'Throws.', run: () => { throw new Error('boom'); } });
                }
                """);
        running = RunningGame.start(scripts);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void metricsCountTicksCommandsPlayersScriptHooksAndFlushes() {
        try (TestClient ann = TestClient.join(running.base(), "Ann", "ann-secret")) {
            ann.command("p", "ping");
            ann.await(f -> "p".equals(f.path("id").asText()), "pong", WAIT);
            ann.command("c", "crash");
            ann.await(f -> "c".equals(f.path("id").asText()), "the crash", WAIT);

            HttpResponse<String> metrics = TestClient.get(running.base(), "/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/plain"));
            String text = metrics.body();
            assertThat(value(text, "backline_tick_duration_seconds_count")).isPositive();
            assertThat(value(text, "backline_commands_total")).isGreaterThanOrEqualTo(2);
            assertThat(value(text, "backline_players_connected")).isEqualTo(1);
            assertThat(value(text, "backline_script_calls_total{hook=\"command 'ping'\",pack=\"probe\"}")).isEqualTo(1);
            assertThat(value(text, "backline_script_faults_total{hook=\"command 'crash'\",pack=\"probe\"}")).isEqualTo(1);
            // A call that builds a reply allocates something; the counter is there and not stuck at zero.
            assertThat(value(text, "backline_script_allocated_bytes_total{hook=\"command 'ping'\",pack=\"probe\"}")).isPositive();
            assertThat(text).contains("backline_command_queue_depth", "backline_tick_overruns_total", "backline_rate_limited_total",
                    "backline_flush_backlog_rows", "backline_flushes_total",
                    "backline_reload_duration_seconds", "backline_pack_generation{pack=\"probe\",status=\"running\"} 1.0");
        }
    }

    @Test
    void readinessNeedsTheDatabaseWhileLivenessDoesNot() {
        HttpResponse<String> ready = TestClient.get(running.base(), "/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(parse(ready.body()).path("status").asText()).isEqualTo("READY");

        running.game().database().close();

        HttpResponse<String> notReady = TestClient.get(running.base(), "/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        JsonNode body = parse(notReady.body());
        assertThat(body.path("status").asText()).isEqualTo("NOT_READY");
        assertThat(body.path("problems").toString()).contains("the database does not answer");
        assertThat(TestClient.get(running.base(), "/health/live").statusCode()).isEqualTo(200);
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("series " + series + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
