package dev.backline.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LogContext context = LogContext.current();

    @AfterEach
    void clearContext() {
        context.tick(LogContext.NO_TICK);
        context.leavePlayer(null);
        context.leavePack(null);
    }

    @Test
    void writesOneObjectPerLineWithTheThreadsContext() throws Exception {
        context.tick(812);
        String outerPlayer = context.enterPlayer("p:ann");
        String outerPack = context.enterPack("backline-city");
        LogRecord record = record(Level.INFO, "command \"look\" queued");

        String line = new JsonLogFormatter().format(record);

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("time").asText()).isEqualTo("2026-12-06T08:30:00.123Z");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("logger").asText()).isEqualTo("backline.command");
        assertThat(json.path("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(json.path("msg").asText()).isEqualTo("command \"look\" queued");
        assertThat(json.path("tick").asLong()).isEqualTo(812);
        assertThat(json.path("player").asText()).isEqualTo("p:ann");
        assertThat(json.path("pack").asText()).isEqualTo("backline-city");
        assertThat(json.has("error")).isFalse();

        context.leavePack(outerPack);
        context.leavePlayer(outerPlayer);
        JsonNode without = JSON.readTree(new JsonLogFormatter().format(record));
        assertThat(without.has("player")).isFalse();
        assertThat(without.has("pack")).isFalse();
        assertThat(without.path("tick").asLong()).isEqualTo(812);
    }

    @Test
    void leavesOutWhatTheThreadDoesNotHave() throws Exception {
        JsonNode json = JSON.readTree(new JsonLogFormatter().format(record(Level.WARNING, "plain")));

        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.has("tick")).isFalse();
        assertThat(json.has("player")).isFalse();
        assertThat(json.has("pack")).isFalse();
    }

    @Test
    void aLineBreakInAMessageCannotForgeASecondRecord() throws Exception {
        String line = new JsonLogFormatter().format(record(Level.INFO, "say hi\n{\"level\":\"ERROR\",\"msg\":\"forged\"}"));

        assertThat(line.strip().lines()).hasSize(1);
        assertThat(JSON.readTree(line).path("msg").asText()).contains("forged").startsWith("say hi\n");
    }

    @Test
    void anExceptionBecomesAnErrorObjectWithItsStack() throws Exception {
        LogRecord record = record(Level.SEVERE, "tick failed outside any handler");
        record.setThrown(new IllegalStateException("boom", new ArithmeticException("/ by zero")));

        JsonNode json = JSON.readTree(new JsonLogFormatter().format(record));

        assertThat(json.path("level").asText()).isEqualTo("ERROR");
        JsonNode error = json.path("error");
        assertThat(error.path("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("message").asText()).isEqualTo("boom");
        assertThat(error.path("stack").asText())
                .contains("JsonLogFormatterTest.anExceptionBecomesAnErrorObjectWithItsStack")
                .contains("Caused by: java.lang.ArithmeticException: / by zero");
    }

    @Test
    void parametersAreFormattedIntoTheMessage() throws Exception {
        LogRecord record = record(Level.FINE, "{0} rows in {1} ms");
        record.setParameters(new Object[] {"10000", "42"});

        JsonNode json = JSON.readTree(new JsonLogFormatter().format(record));

        assertThat(json.path("msg").asText()).isEqualTo("10000 rows in 42 ms");
        assertThat(json.path("level").asText()).isEqualTo("DEBUG");
    }

    static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(message.startsWith("command") ? "backline.command" : "backline.tick");
        record.setInstant(Instant.parse("2026-12-06T08:30:00.123456Z"));
        return record;
    }
}
