package dev.backline.server;

import dev.backline.persist.postgres.DatabaseConfig;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.server.account.AccountsConfig;
import dev.backline.server.admin.AdminConfig;
import dev.backline.server.config.BacklineConfig;
import dev.backline.server.config.GameConfig;
import dev.backline.server.http.HttpConfig;
import dev.backline.shard.WorldThread;
import java.net.URI;
import java.nio.file.Path;

/**
 * The production wiring ({@link Main#loadGame}) with the reference world and a scripts directory, a fresh
 * test database, the real server on a free port with the admin API, and a real world thread.
 */
public final class RunningGame implements AutoCloseable {
    public static final Path REPO = Path.of("").toAbsolutePath().getParent();
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private final Main.LoadedGame game;
    private final WorldThread world;
    private final BacklineServer server;

    private RunningGame(Main.LoadedGame game, WorldThread world, BacklineServer server) {
        this.game = game;
        this.world = world;
        this.server = server;
    }

    public static RunningGame start() {
        return start(REPO.resolve("scripts"));
    }

    public static RunningGame start(Path scriptsDir) {
        return start(config(scriptsDir, TestDatabase.fresh()));
    }

    /** The reference world, the packs in {@code scriptsDir}, a free port, quick password hashing, {@code database}. */
    public static BacklineConfig config(Path scriptsDir, DatabaseConfig database) {
        BacklineConfig defaults = BacklineConfig.defaults();
        return new BacklineConfig(
                defaults.server()
                        .withHttp(HttpConfig.defaults().withHost("127.0.0.1").withPort(0))
                        .withAccounts(AccountsConfig.defaults().withHashMemoryKib(256))
                        .withAdmin(new AdminConfig(ADMIN_TOKEN)),
                defaults.shard(),
                new GameConfig(REPO.resolve("world-data"), scriptsDir, defaults.game().scriptLimits(), defaults.game().quarantine(), false),
                // Under target/: the database is configured, but the engine keeps its warm-up cache in the data directory.
                Path.of("target", "test-data"))
                .withDatabase(database);
    }

    /** Starts the production wiring on {@code config}: loaded game, world thread, server with admin and persistence routes. */
    public static RunningGame start(BacklineConfig config) {
        Main.LoadedGame game = Main.loadGame(config);
        WorldThread world = WorldThread.start(game.shard(), "game-world");
        BacklineServer server = Main.serve(config.server(), game, world);
        return new RunningGame(game, world, server);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public Main.LoadedGame game() {
        return game;
    }

    public WorldThread world() {
        return world;
    }

    /** Stops gracefully, as the shutdown hook does: server, world thread, then the last writes. */
    @Override
    public void close() {
        server.close();
        world.close();
        game.close();
    }
}
