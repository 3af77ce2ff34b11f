package dev.backline.server.config;

import dev.backline.persist.WriteBehindConfig;
import dev.backline.persist.postgres.DatabaseConfig;
import dev.backline.server.account.AccountsConfig;
import dev.backline.server.admin.AdminConfig;
import dev.backline.server.http.HttpConfig;
import dev.backline.script.QuarantinePolicy;
import dev.backline.script.ScriptLimits;
import dev.backline.server.play.PlayConfig;
import dev.backline.server.play.RateLimits;
import dev.backline.shard.ShardConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * All of Backline's configuration, from {@code application.yaml} on the class path, then the YAML file
 * named by {@code BACKLINE_CONFIG} (if set), then the environment variables in {@link #ENVIRONMENT}, each
 * later layer overriding the earlier. Every component reads its own subtree; a missing key takes the
 * component's default.
 *
 * <pre>{@code BacklineConfig config = BacklineConfig.load(System.getenv());}</pre>
 */
public record BacklineConfig(ServerConfig server, ShardConfig shard, GameConfig game, Path dataDir,
                             DatabaseConfig database, WriteBehindConfig persistence) {
    private static final Logger LOG = System.getLogger("backline.config");

    /** The environment variable naming an extra YAML file that overrides the bundled one. */
    public static final String CONFIG_FILE_ENV = "BACKLINE_CONFIG";

    /** Environment variables that override config keys. */
    public static final Map<String, String> ENVIRONMENT = environment();

    public BacklineConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(persistence, "persistence");
    }

    /** With the default database (embedded, under {@code dataDir}) and write-behind. */
    public BacklineConfig(ServerConfig server, ShardConfig shard, GameConfig game, Path dataDir) {
        this(server, shard, game, dataDir, DatabaseConfig.defaults(), WriteBehindConfig.defaults());
    }

    public static BacklineConfig defaults() {
        // A live server keeps its ticks on time under overload (the engine's own default runs every waiting task).
        return new BacklineConfig(ServerConfig.defaults(), ShardConfig.defaults().withTaskBudgetPercent(50), GameConfig.defaults(),
                Path.of("./data"));
    }

    public BacklineConfig withDatabase(DatabaseConfig d) {
        return new BacklineConfig(server, shard, game, dataDir, d, persistence);
    }

    public BacklineConfig withPersistence(WriteBehindConfig p) {
        return new BacklineConfig(server, shard, game, dataDir, database, p);
    }

    /**
     * Loads the configuration.
     *
     * @param env the environment, normally {@code System.getenv()}
     * @throws InvalidConfigException naming the key of the first bad value
     */
    public static BacklineConfig load(Map<String, String> env) {
        try {
            LogSettings.from(env);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage());
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> envNames = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                overrides.put(key, value);
                envNames.put(key, variable);
            }
        });
        List<Supplier<? extends ConfigSource>> sources = new ArrayList<>();
        // Helidon gives the earlier source priority.
        sources.add(ConfigSources.create(overrides, "environment"));
        String file = env.get(CONFIG_FILE_ENV);
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new InvalidConfigException(CONFIG_FILE_ENV + ": no such file: " + path.toAbsolutePath());
            }
            sources.add(ConfigSources.file(path));
        }
        sources.add(ConfigSources.classpath("application.yaml").optional());
        try {
            Config config = Config.builder()
                    .sources(sources)
                    .disableEnvironmentVariablesSource()
                    .disableSystemPropertiesSource()
                    .build();
            return from(config, envNames);
        } catch (ConfigException e) {
            throw new InvalidConfigException("cannot read the configuration: " + e.getMessage());
        }
    }

    /** Binds an already built config tree; {@code envNames} maps keys to the variables that set them. */
    static BacklineConfig from(Config config, Map<String, String> envNames) {
        ConfigReader r = new ConfigReader(config, envNames);
        warnAboutUnknownKeys(config);
        BacklineConfig d = defaults();
        return new BacklineConfig(
                new ServerConfig(http(r, d.server().http()), accounts(r, d.server().accounts()), play(r, d.server().play()),
                        admin(r)),
                shard(r, d.shard()),
                game(r, d.game()),
                r.path("data.dir", d.dataDir()),
                database(r, d.database()),
                persistence(r, d.persistence()));
    }

    private static DatabaseConfig database(ConfigReader r, DatabaseConfig d) {
        String url = r.string("database.url", d.url());
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw r.bad("database.url", url, "must be a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/backline,"
                    + " or empty for the embedded database");
        }
        return new DatabaseConfig(url, r.string("database.user", d.user()), r.string("database.password", d.password()),
                r.integer("database.pool-size", d.poolSize(), 2, 200),
                r.duration("database.connect-timeout", d.connectTimeout(), Duration.ofMillis(250), Duration.ofMinutes(5)));
    }

    private static WriteBehindConfig persistence(ConfigReader r, WriteBehindConfig d) {
        Duration min = r.duration("persistence.retry-min", d.minRetryDelay(), Duration.ofMillis(1), Duration.ofMinutes(1));
        Duration max = r.duration("persistence.retry-max", d.maxRetryDelay(), Duration.ofMillis(1), Duration.ofHours(1));
        if (max.compareTo(min) < 0) {
            throw r.bad("persistence.retry-max", max.toString(), "must not be below persistence.retry-min (" + min + ")");
        }
        return new WriteBehindConfig(
                r.duration("persistence.flush-interval", d.flushInterval(), Duration.ofMillis(10), Duration.ofMinutes(10)),
                min, max,
                r.integer("persistence.backlog-warning-rows", d.backlogWarningRows(), 1, Integer.MAX_VALUE),
                r.duration("persistence.shutdown-timeout", d.shutdownTimeout(), Duration.ZERO, Duration.ofHours(1)));
    }

    private static HttpConfig http(ConfigReader r, HttpConfig d) {
        String host = r.string("http.host", d.host());
        return new HttpConfig(host, r.integer("http.port", d.port(), 0, 65_535),
                r.integer("http.max-payload-bytes", (int) d.maxPayloadBytes(), 1024, 64 * 1024 * 1024));
    }

    private static ShardConfig shard(ConfigReader r, ShardConfig d) {
        return new ShardConfig(
                r.integer("shard.tick-rate", d.tickRateHz(), 1, 1000),
                r.positiveDecimal("shard.clock-ratio", d.clockRatio()),
                r.instant("shard.game-start", d.gameStart()),
                r.longValue("shard.seed", d.seed()),
                r.integer("shard.queue-capacity", d.queueCapacity(), 1, 10_000_000),
                r.integer("shard.max-tasks-per-tick", d.maxTasksPerTick(), 1, 10_000_000),
                r.integer("shard.max-catch-up-ticks", d.maxCatchUpTicks(), 0, 10_000),
                r.integer("shard.task-budget-percent", d.taskBudgetPercent(), 1, 100));
    }

    private static GameConfig game(ConfigReader r, GameConfig d) {
        ScriptLimits limits = d.scriptLimits();
        return new GameConfig(
                r.path("game.world-dir", d.worldDir()),
                r.path("game.scripts-dir", d.scriptsDir()),
                new ScriptLimits(
                        r.duration("game.script-call-budget", limits.callBudget(), Duration.ofMillis(1), Duration.ofMinutes(1)),
                        r.duration("game.script-load-budget", limits.loadBudget(), Duration.ofMillis(10), Duration.ofMinutes(10))),
                new QuarantinePolicy(
                        r.integer("game.quarantine-faults", d.quarantine().maxFaults(), 1, 1_000_000),
                        r.integer("game.quarantine-timeouts", d.quarantine().maxTimeouts(), 1, 1_000_000),
                        r.duration("game.quarantine-window", d.quarantine().window(), Duration.ofSeconds(1), Duration.ofDays(1))),
                r.bool("game.watch-files", d.watchFiles()));
    }

    private static AdminConfig admin(ConfigReader r) {
        String token = r.string("admin.token", null);
        try {
            return new AdminConfig(token == null || token.isBlank() ? null : token);
        } catch (IllegalArgumentException e) {
            throw r.bad("admin.token", "(hidden)", "must have at least 16 characters");
        }
    }

    private static AccountsConfig accounts(ConfigReader r, AccountsConfig d) {
        return new AccountsConfig(
                r.integer("accounts.hash-memory-kib", d.hashMemoryKib(), 64, 1 << 20),
                r.duration("accounts.token-ttl", d.tokenTtl(), Duration.ofMinutes(1), Duration.ofDays(365)),
                r.integer("accounts.max-characters", d.maxCharacters(), 1, 100));
    }

    private static PlayConfig play(ConfigReader r, PlayConfig d) {
        int maxFrame = r.integer("play.max-frame-bytes", d.maxFrameBytes(), 256, 16 * 1024 * 1024);
        int transportMax = r.integer("play.transport-max-frame-bytes", d.transportMaxFrameBytes(), 256, 64 * 1024 * 1024);
        if (transportMax < maxFrame) {
            throw r.bad("play.transport-max-frame-bytes", String.valueOf(transportMax),
                    "must not be below play.max-frame-bytes (" + maxFrame + ")");
        }
        return new PlayConfig(maxFrame, transportMax,
                r.integer("play.outbox-capacity", d.outboxCapacity(), 1, 1_000_000),
                r.integer("play.max-pending-commands", d.maxPendingCommands(), 1, 100_000),
                r.duration("play.auth-timeout", d.authTimeout(), Duration.ofMillis(100), Duration.ofMinutes(10)),
                r.duration("play.close-grace", d.closeGrace(), Duration.ofMillis(100), Duration.ofMinutes(1)),
                rateLimits(r, d.rateLimits()),
                r.duration("play.reconnect-grace", d.reconnectGrace(), Duration.ZERO, Duration.ofHours(1)),
                r.integer("play.max-missed-events", d.maxMissedEvents(), 1, 100_000));
    }

    private static RateLimits rateLimits(ConfigReader r, RateLimits d) {
        String verbs = r.string("play.chat-verbs", String.join(",", d.chatVerbs()));
        return new RateLimits(
                r.integer("play.session-burst", d.sessionBurst(), 1, 100_000),
                r.integer("play.session-commands-per-second", d.sessionPerSecond(), 1, 100_000),
                r.integer("play.address-burst", d.addressBurst(), 1, 10_000_000),
                r.integer("play.address-commands-per-second", d.addressPerSecond(), 1, 10_000_000),
                r.integer("play.chat-burst", d.chatBurst(), 1, 100_000),
                r.integer("play.chat-per-minute", d.chatPerMinute(), 1, 1_000_000),
                Set.of(verbs.split(",")));
    }

    private static final Map<String, Set<String>> KNOWN = Map.of(
            "http", Set.of("host", "port", "max-payload-bytes"),
            "shard", Set.of("tick-rate", "clock-ratio", "game-start", "seed", "queue-capacity",
                    "max-tasks-per-tick", "max-catch-up-ticks", "task-budget-percent"),
            "accounts", Set.of("hash-memory-kib", "token-ttl", "max-characters"),
            "play", Set.of("max-frame-bytes", "transport-max-frame-bytes", "outbox-capacity",
                    "max-pending-commands", "auth-timeout", "close-grace", "chat-verbs", "session-burst",
                    "session-commands-per-second", "address-burst", "address-commands-per-second", "chat-burst",
                    "chat-per-minute", "reconnect-grace", "max-missed-events"),
            "game", Set.of("world-dir", "scripts-dir", "script-call-budget", "script-load-budget", "watch-files",
                    "quarantine-faults", "quarantine-timeouts", "quarantine-window"),
            "admin", Set.of("token"),
            "data", Set.of("dir"),
            "database", Set.of("url", "user", "password", "pool-size", "connect-timeout"),
            "persistence", Set.of("flush-interval", "retry-min", "retry-max", "backlog-warning-rows", "shutdown-timeout"));

    /** A misspelt key would silently keep its default, so say so. Other sections belong to other components. */
    private static void warnAboutUnknownKeys(Config config) {
        KNOWN.forEach((section, keys) -> config.get(section).traverse()
                .filter(Config::isLeaf)
                .map(node -> node.key().toString())
                .filter(key -> !keys.contains(key.substring(section.length() + 1)))
                .forEach(key -> LOG.log(Level.WARNING, "config '" + key + "' is not a known key; it is ignored")));
    }

    private static Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("BACKLINE_HOST", "http.host");
        m.put("BACKLINE_PORT", "http.port");
        m.put("BACKLINE_DATA_DIR", "data.dir");
        m.put("BACKLINE_DB_URL", "database.url");
        m.put("BACKLINE_DB_USER", "database.user");
        m.put("BACKLINE_DB_PASSWORD", "database.password");
        m.put("BACKLINE_FLUSH_INTERVAL", "persistence.flush-interval");
        m.put("BACKLINE_WORLD_DIR", "game.world-dir");
        m.put("BACKLINE_SCRIPTS_DIR", "game.scripts-dir");
        m.put("BACKLINE_SCRIPT_BUDGET", "game.script-call-budget");
        m.put("BACKLINE_DEV", "game.watch-files");
        m.put("BACKLINE_ADMIN_TOKEN", "admin.token");
        m.put("BACKLINE_TICK_RATE", "shard.tick-rate");
        m.put("BACKLINE_CLOCK_RATIO", "shard.clock-ratio");
        m.put("BACKLINE_SEED", "shard.seed");
        m.put("BACKLINE_QUEUE_CAPACITY", "shard.queue-capacity");
        m.put("BACKLINE_HASH_MEMORY_KIB", "accounts.hash-memory-kib");
        m.put("BACKLINE_MAX_CHARACTERS", "accounts.max-characters");
        m.put("BACKLINE_TOKEN_TTL", "accounts.token-ttl");
        m.put("BACKLINE_MAX_FRAME_BYTES", "play.max-frame-bytes");
        m.put("BACKLINE_MAX_PENDING_COMMANDS", "play.max-pending-commands");
        m.put("BACKLINE_ADDRESS_COMMANDS_PER_SECOND", "play.address-commands-per-second");
        m.put("BACKLINE_CHAT_BURST", "play.chat-burst");
        m.put("BACKLINE_CHAT_PER_MINUTE", "play.chat-per-minute");
        m.put("BACKLINE_RECONNECT_GRACE", "play.reconnect-grace");
        return Collections.unmodifiableMap(m);
    }
}
