package dev.backline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BacklineConfigTest {
    @TempDir
    Path dir;

    @Test
    void theBundledFileStatesTheDefaults() {
        assertThat(BacklineConfig.load(Map.of())).isEqualTo(BacklineConfig.defaults());
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        BacklineConfig config = BacklineConfig.load(Map.of(
                "BACKLINE_PORT", "9090",
                "BACKLINE_DATA_DIR", "/srv/backline",
                "BACKLINE_TICK_RATE", "20",
                "BACKLINE_TOKEN_TTL", "90m",
                "BACKLINE_MAX_PENDING_COMMANDS", "8",
                "HTTP_PORT", "1234"));

        assertThat(config.server().http().port()).isEqualTo(9090);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/backline"));
        assertThat(config.shard().tickRateHz()).isEqualTo(20);
        assertThat(config.server().accounts().tokenTtl()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.server().play().maxPendingCommands()).isEqualTo(8);
    }

    @Test
    void aFileNamedByTheEnvironmentOverridesTheBundledOne() throws IOException {
        Path file = dir.resolve("local.yaml");
        Files.writeString(file, """
                http:
                  port: 7000
                play:
                  auth-timeout: PT3S
                shard:
                  clock-ratio: 1.5
                """);

        BacklineConfig config = BacklineConfig.load(Map.of("BACKLINE_CONFIG", file.toString(), "BACKLINE_PORT", "7001"));

        assertThat(config.server().http().port()).as("the environment still wins").isEqualTo(7001);
        assertThat(config.server().play().authTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.shard().clockRatio()).isEqualTo(1.5);
        assertThat(config.server().http().host()).as("untouched keys keep the bundled value").isEqualTo("0.0.0.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BACKLINE_PORT|abc|config 'http.port' (from BACKLINE_PORT): 'abc' is not a whole number",
            "BACKLINE_PORT|70000|config 'http.port' (from BACKLINE_PORT): '70000' must be between 0 and 65535",
            "BACKLINE_TICK_RATE|0|config 'shard.tick-rate' (from BACKLINE_TICK_RATE): '0' must be between 1 and 1000",
            "BACKLINE_CLOCK_RATIO|-1|config 'shard.clock-ratio' (from BACKLINE_CLOCK_RATIO): '-1' must be a positive number",
            "BACKLINE_TOKEN_TTL|soon|config 'accounts.token-ttl' (from BACKLINE_TOKEN_TTL): 'soon' is not a duration like 500ms, 10s, 5m or 24h",
            "BACKLINE_SEED|1.5|config 'shard.seed' (from BACKLINE_SEED): '1.5' is not a whole number",
            "BACKLINE_CONFIG|/no/such/file.yaml|BACKLINE_CONFIG: no such file: /no/such/file.yaml",
            "BACKLINE_LOG_FORMAT|xml|BACKLINE_LOG_FORMAT must be text or json, not 'xml'",
            "BACKLINE_LOG_COMMANDS|maybe|BACKLINE_LOG_COMMANDS must be true or false, not 'maybe'"})
    void aBadValueFailsWithOneLineNamingTheKey(String variable, String value, String message) {
        assertThatThrownBy(() -> BacklineConfig.load(Map.of(variable, value)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(message);
    }

    @Test
    void badValuesInAFileNameTheKey() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                play:
                  max-frame-bytes: 4096
                  transport-max-frame-bytes: 1024
                """);

        assertThatThrownBy(() -> BacklineConfig.load(Map.of("BACKLINE_CONFIG", file.toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("config 'play.transport-max-frame-bytes': '1024' must not be below play.max-frame-bytes (4096)");
    }

    @Test
    void aSectionWhereAValueBelongsIsRefused() throws IOException {
        Path file = dir.resolve("nested.yaml");
        Files.writeString(file, """
                http:
                  port:
                    value: 1
                """);

        assertThatThrownBy(() -> BacklineConfig.load(Map.of("BACKLINE_CONFIG", file.toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("config 'http.port' must be a single value, not a section");
    }

    @Test
    void brokenYamlIsReportedAsOneLine() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "http: [unclosed\n");

        assertThatThrownBy(() -> BacklineConfig.load(Map.of("BACKLINE_CONFIG", file.toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("cannot read the configuration");
    }

    @Test
    void theDatabaseAndTheWriteBehindComeFromTheEnvironmentToo() {
        BacklineConfig config = BacklineConfig.load(Map.of(
                "BACKLINE_DB_URL", "jdbc:postgresql://db.example:5432/backline",
                "BACKLINE_DB_USER", "backline",
                "BACKLINE_DB_PASSWORD", "s3cret",
                "BACKLINE_FLUSH_INTERVAL", "250ms"));

        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.example:5432/backline");
        assertThat(config.database().user()).isEqualTo("backline");
        assertThat(config.database().password()).isEqualTo("s3cret");
        assertThat(config.database().embedded()).isFalse();
        assertThat(config.database().toString()).doesNotContain("s3cret");
        assertThat(config.persistence().flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(BacklineConfig.load(Map.of()).database().embedded()).as("nothing configured: embedded").isTrue();
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlNamesTheKeyAndTheVariable() {
        assertThatThrownBy(() -> BacklineConfig.load(Map.of("BACKLINE_DB_URL", "mysql://localhost/backline")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("config 'database.url' (from BACKLINE_DB_URL): 'mysql://localhost/backline'"
                        + " must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> BacklineConfig.load(Map.of("BACKLINE_FLUSH_INTERVAL", "0ms")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("persistence.flush-interval");
    }
}
