package dev.backline.server;

import dev.backline.content.WorldData;
import dev.backline.content.WorldDataException;
import dev.backline.content.WorldDataLoader;
import dev.backline.log.LogFormat;
import dev.backline.persist.BufferedAuditLog;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.persist.StoredWorld;
import dev.backline.persist.StoredWorldException;
import dev.backline.persist.WorldRestore;
import dev.backline.persist.WriteBehind;
import dev.backline.persist.postgres.Database;
import dev.backline.script.PackLoadException;
import dev.backline.script.PackWatcher;
import dev.backline.script.RuntimeMode;
import dev.backline.script.ScriptRuntime;
import dev.backline.script.StartupPriority;
import dev.backline.server.account.postgres.PostgresAccountStore;
import dev.backline.server.admin.AdminConfig;
import dev.backline.server.admin.PackAdminRoutes;
import dev.backline.server.admin.PackTimerRoutes;
import dev.backline.server.admin.AccountAdminRoutes;
import dev.backline.server.admin.AdminAuth;
import dev.backline.server.admin.AuditRoutes;
import dev.backline.server.admin.TunableRoutes;
import dev.backline.server.admin.WorldAdminRoutes;
import dev.backline.server.http.OpenApiRoute;
import dev.backline.server.health.ReadinessRoutes;
import dev.backline.server.metrics.ServerMetrics;
import dev.backline.server.admin.postgres.PostgresAuditSearch;
import dev.backline.server.account.AccountService;
import dev.backline.server.config.ServerConfig;
import dev.backline.server.admin.ReloadAuditTrail;
import dev.backline.server.config.BacklineConfig;
import dev.backline.server.config.GameConfig;
import dev.backline.server.config.InvalidConfigException;
import dev.backline.server.config.LogSettings;
import dev.backline.server.health.PersistenceRoutes;
import dev.backline.shard.Shard;
import dev.backline.shard.WorldThread;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.graalvm.polyglot.Engine;

/**
 * Starts Backline: reads the configuration, loads the world data and the script packs into a shard,
 * starts its world thread and the server, and stops them in reverse order on shutdown. All wiring is
 * explicit here.
 */
public final class Main {
    static {
        // One line per log event, before anything creates a logger.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
        }
        // So that what the shutdown hook logs (the last flush) is not lost; see the class.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
        // A bad value logs text here and fails start-up in BacklineConfig, with the configuration's other errors.
        LogSettings logging;
        try {
            logging = LogSettings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            logging = new LogSettings(LogFormat.TEXT, true);
        }
        logging.apply();
    }

    private static final Logger LOG = System.getLogger("backline.main");

    private Main() {
    }

    /**
     * A shard with the game loaded into it, not yet ticking, the database it is kept in, and the audit log
     * in front of the database that the world thread may append to without waiting.
     */
    public record LoadedGame(Shard shard, ScriptRuntime scripts, Database database, WriteBehind persistence,
                             BufferedAuditLog audit) {
        /**
         * Writes what is left, stops the scripts and closes the database. Call after the world thread has
         * stopped: the last flush reads the world from the calling thread.
         */
        public void close() {
            try {
                persistence.close();
                scripts.close();
                audit.close();
            } finally {
                database.close();
            }
        }
    }

    /** A game that is loaded, its world thread (ticking) and its server (listening). */
    private record Running(LoadedGame game, WorldThread world, BacklineServer server) {
    }

    public static void main(String[] args) {
        BacklineConfig config;
        Running running;
        try {
            config = BacklineConfig.load(System.getenv());
            try (StartupPriority startup = StartupPriority.begin()) {
                running = start(config, startup);
            }
        } catch (InvalidConfigException e) {
            System.err.println("backline: " + e.getMessage());
            System.exit(2);
            return;
        } catch (WorldDataException | PackLoadException e) {
            System.err.println("backline: the game did not load:\n" + e.getMessage());
            System.exit(1);
            return;
        } catch (StoredWorldException | StoreUnavailableException e) {
            System.err.println("backline: the database cannot be used:\n" + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            // Threads of the database and the scripts may be up: without an exit the process would hang, not stop.
            LOG.log(Level.ERROR, "start-up failed: " + e, e);
            System.exit(1);
            return;
        }
        LoadedGame game = running.game();
        WorldThread world = running.world();
        BacklineServer server = running.server();
        PackWatcher watcher = config.game().watchFiles() ? PackWatcher.start(game.scripts()) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(Level.INFO, "stopping");
            if (watcher != null) {
                watcher.close();
            }
            server.close();
            world.close();
            game.close();
        }, "backline-shutdown"));
        LOG.log(Level.INFO, "Backline is up on port " + server.port() + " (data: " + config.dataDir() + ")");
    }

    /**
     * Opens the game, then starts the server while the packs load (the server answers meanwhile, not ready),
     * and the world thread once both are done. Anything failing closes what was started.
     */
    private static Running start(BacklineConfig config, StartupPriority startup) {
        LoadedGame game = openGame(config, startup);
        WorldThread world = WorldThread.create(game.shard(), "world");
        AdminConfig admin = config.server().admin().orGenerated();
        if (config.server().admin().token() == null) {
            LOG.log(Level.WARNING, "no admin token configured (BACKLINE_ADMIN_TOKEN); this run's token for /admin is "
                    + admin.token());
        }
        CompletableFuture<BacklineServer> listening = CompletableFuture.supplyAsync(
                () -> serve(config.server().withAdmin(admin), game, world), task -> startup.thread("server-start", task));
        try {
            loadPacks(game, config.game());
        } catch (RuntimeException e) {
            listening.thenAccept(BacklineServer::close).exceptionally(ignored -> null).join();
            world.close();
            game.close();
            throw e;
        }
        BacklineServer server;
        try {
            server = joined(listening);
        } catch (RuntimeException e) {
            world.close();
            game.close();
            throw e;
        }
        world.startTicking();
        return new Running(game, world, server);
    }

    /**
     * Starts the server for a loaded game: accounts in its database, and the admin API (admin accounts or the
     * bootstrap token of {@code config.admin()}, every request audited in the database).
     */
    public static BacklineServer serve(ServerConfig config, LoadedGame game, WorldThread world) {
        AccountService accounts = AccountService.create(config.accounts(), PostgresAccountStore.create(game.database()),
                Clock.systemUTC());
        AdminAuth auth = AdminAuth.create(config.admin(), accounts, game.database().auditLog());
        ServerMetrics metrics = ServerMetrics.create(game.shard(), game.scripts(), game.persistence());
        BacklineServer server = BacklineServer.start(config, game.shard(), world, accounts, metrics,
                new ReadinessRoutes(world, game.scripts(), game.database()),
                new PackAdminRoutes(game.scripts(), auth),
                new AccountAdminRoutes(accounts, auth),
                new AuditRoutes(PostgresAuditSearch.create(game.database()), auth),
                new TunableRoutes(game.scripts(), world, auth),
                new WorldAdminRoutes(world, auth),
                new PackTimerRoutes(game.scripts(), world, auth),
                new OpenApiRoute(),
                new PersistenceRoutes(game.persistence(), game.database().description()));
        metrics.bind(server);
        return server;
    }

    /**
     * Opens the database (embedded or configured) and migrates its schema, restores the world from it (or
     * populates a new one from the world data), then loads every script pack into the shard and starts the
     * write-behind. Runs before the world thread starts, so it may touch the world directly.
     *
     * @throws WorldDataException listing every problem in the world data as file:line
     * @throws PackLoadException listing every problem in the packs as file:line
     * @throws StoredWorldException if the database holds what this version cannot use (rows, schema)
     * @throws StoreUnavailableException if the database cannot be started or reached
     */
    static LoadedGame loadGame(BacklineConfig config) {
        LoadedGame game = openGame(config, null);
        try {
            loadPacks(game, config.game());
        } catch (RuntimeException e) {
            game.close();
            throw e;
        }
        return game;
    }

    /**
     * {@link #loadGame} but for the packs: the database open, the world restored, the script runtime ready to
     * load packs. The engine is built on a thread of {@code startup}'s (or a plain one) meanwhile.
     */
    private static LoadedGame openGame(BacklineConfig config, StartupPriority startup) {
        GameConfig game = config.game();
        // Building and warming up the script engine takes seconds and needs nothing else: it runs while the
        // world data loads, the database starts and the world is restored.
        CompletableFuture<Engine> engine = CompletableFuture.supplyAsync(() -> ScriptRuntime.newEngine(config.dataDir().resolve("cache")),
                task -> {
                    if (startup != null) {
                        startup.thread("script-engine-start", task);
                    } else {
                        Thread.ofPlatform().name("script-engine-start").daemon(true).start(task);
                    }
                });
        Database database;
        WorldData data;
        try {
            data = WorldDataLoader.load(game.worldDir());
            database = Database.open(config.database(), config.dataDir());
        } catch (RuntimeException e) {
            closeWhenBuilt(engine);
            throw e;
        }
        try {
            return openInto(config, data, database, engine);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void closeWhenBuilt(CompletableFuture<Engine> engine) {
        engine.thenAccept(Engine::close);
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static LoadedGame openInto(BacklineConfig config, WorldData data, Database database,
                                       CompletableFuture<Engine> engine) {
        GameConfig game = config.game();
        Shard shard = new Shard(config.shard());
        try {
            restoreOrPopulate(shard, data, database, game.worldDir());
        } catch (RuntimeException e) {
            closeWhenBuilt(engine);
            throw e;
        }
        shard.presence().setStartRoom(data.startRoom());
        WriteBehind persistence = WriteBehind.start(shard, database.worldStore(), config.persistence());

        ScriptRuntime scripts;
        try {
            scripts = ScriptRuntime.create(shard, game.scriptLimits(), game.quarantine(), joined(engine));
        } catch (RuntimeException e) {
            persistence.close();
            throw e;
        }
        RuntimeMode mode = scripts.mode();
        if (mode.jit()) {
            LOG.log(Level.INFO, mode.describe());
        } else {
            LOG.log(Level.WARNING, "*** " + mode.describe() + " ***");
        }
        BufferedAuditLog audit = BufferedAuditLog.start(database.auditLog());
        ReloadAuditTrail.connect(scripts, audit);
        scripts.auditTo(audit);
        return new LoadedGame(shard, scripts, database, persistence, audit);
    }

    private static void loadPacks(LoadedGame game, GameConfig config) {
        game.scripts().loadAll(config.scriptsDir());
    }

    /**
     * A database with a world continues it: its entities, pack state, clock and RNG, brought up to date with
     * the world data (see {@link WorldData#reconcile}). An empty one gets the world data.
     */
    private static void restoreOrPopulate(Shard shard, WorldData data, Database database, Path worldDir) {
        StoredWorld stored = database.worldStore().load();
        if (stored.isEmpty()) {
            data.populate(shard.world());
            LOG.log(Level.INFO, "world '" + data.name() + "': a new world of " + data.rooms().size() + " rooms in "
                    + data.zones().size() + " zones from " + worldDir.toAbsolutePath().normalize());
            return;
        }
        WorldRestore.Summary restored = WorldRestore.restore(stored, shard);
        WorldData.Reconciled reconciled;
        try {
            reconciled = data.reconcile(shard.world());
        } catch (IllegalArgumentException e) {
            throw new StoredWorldException("the world data does not fit the stored world: " + e.getMessage());
        }
        LOG.log(Level.INFO, "world '" + data.name() + "': restored " + restored.entities() + " entities, "
                + restored.packStates() + " pack state values and " + restored.timers() + " pending script timers at tick "
                + restored.tick().orElse(0L) + ", game time "
                + shard.clock().now() + "; world data added " + reconciled.added() + " rooms and updated "
                + reconciled.updated() + (restored.playersTakenOffline() > 0
                ? "; " + restored.playersTakenOffline() + " players were online at the last save and are now offline" : ""));
    }
}
