package dev.backline.server;

import dev.backline.server.account.AccountRoutes;
import dev.backline.server.account.AccountService;
import dev.backline.server.account.AccountStore;
import dev.backline.server.account.InMemoryAccountStore;
import dev.backline.server.config.ServerConfig;
import dev.backline.server.health.HealthRoutes;
import dev.backline.server.health.WorldGauge;
import dev.backline.server.http.ApiErrors;
import dev.backline.server.play.PlayEndpoint;
import dev.backline.server.web.WebClient;
import dev.backline.server.world.WorldRoutes;
import dev.backline.shard.Shard;
import dev.backline.shard.WorldThread;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The network face of one shard: HTTP accounts, {@code /health} and the {@code /play} WebSocket, on
 * Helidon SE. It does not own the shard or its world thread; the caller starts and stops those.
 *
 * <pre>{@code
 * WorldThread world = WorldThread.start(shard, "world");
 * try (BacklineServer server = BacklineServer.start(ServerConfig.defaults(), shard, world)) {
 *     System.out.println("listening on " + server.port());
 * }
 * }</pre>
 */
public final class BacklineServer implements AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.server");
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

    private final WebServer webServer;
    private final PlayEndpoint play;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BacklineServer(WebServer webServer, PlayEndpoint play) {
        this.webServer = webServer;
        this.play = play;
    }

    /** Starts with accounts kept in memory. */
    public static BacklineServer start(ServerConfig config, Shard shard, WorldThread worldThread) {
        return start(config, shard, worldThread, new InMemoryAccountStore());
    }

    /**
     * Starts and binds the port; returns once the server accepts connections. {@code more} are further
     * HTTP services, such as the admin API.
     */
    public static BacklineServer start(ServerConfig config, Shard shard, WorldThread worldThread, AccountStore store,
                                       io.helidon.webserver.http.HttpService... more) {
        return start(config, shard, worldThread, AccountService.create(config.accounts(), store, Clock.systemUTC()), more);
    }

    /** Starts on an account service the caller shares with other services (the admin API checks roles with it). */
    public static BacklineServer start(ServerConfig config, Shard shard, WorldThread worldThread, AccountService accounts,
                                       io.helidon.webserver.http.HttpService... more) {
        WorldGauge gauge = WorldGauge.install(shard);
        PlayEndpoint play = PlayEndpoint.create(config.play(), shard, worldThread, accounts);
        HttpRouting.Builder routing = HttpRouting.builder()
                .register(new AccountRoutes(accounts))
                .register(new HealthRoutes(worldThread, gauge))
                .register(new WorldRoutes(shard));
        for (io.helidon.webserver.http.HttpService service : more) {
            routing.register(service);
        }
        // Last, so its fall-through for paths that are not files leaves every route above untouched.
        routing.register("/", WebClient.service());
        ApiErrors.install(routing);
        WebServer webServer;
        try {
            webServer = listen(config, routing, play);
        } catch (RuntimeException e) {
            play.close();
            throw e;
        }
        LOG.log(Level.INFO, "listening on " + config.http().host() + ":" + webServer.port());
        return new BacklineServer(webServer, play);
    }

    private static WebServer listen(ServerConfig config, HttpRouting.Builder routing, PlayEndpoint play) {
        WebServer server = WebServer.builder()
                .host(config.http().host())
                .port(config.http().port())
                .maxPayloadSize(config.http().maxPayloadBytes())
                // Main's own hook stops the server first, so players hear why, then the world.
                .shutdownHook(false)
                // The transport limit sits above the protocol's, so oversized messages get an error frame.
                .addProtocol(WsConfig.builder().name("websocket")
                        .maxFrameLength(config.play().transportMaxFrameBytes()).build())
                .routing(routing)
                .addRouting(WsRouting.builder().endpoint("/play", play))
                .build();
        return startWithoutInheritedLocals(server);
    }

    /**
     * Starts Helidon from a thread with no inheritable thread-locals. Its listener threads, and every
     * connection's virtual thread after them, copy those of the thread that started it: from the main thread
     * (which has run Liquibase) that was a map per idle connection.
     */
    private static WebServer startWithoutInheritedLocals(WebServer server) {
        RuntimeException[] failure = {null};
        Thread starter = Thread.ofPlatform().name("http-start").inheritInheritableThreadLocals(false).start(() -> {
            try {
                server.start();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
            throw new IllegalStateException("interrupted while the web server started", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return server;
    }

    /** The bound port (the real one when the config asked for port 0). */
    public int port() {
        return webServer.port();
    }

    /** Commands handed to the world since start (for {@code /metrics}). */
    public long commandsQueued() {
        return play.commandsQueued();
    }

    /** Commands refused with {@code rate_limited} since start (for {@code /metrics}). */
    public long rateLimited() {
        return play.rateLimited();
    }

    /** Open {@code /play} connections; one counts until its player's disconnect has been handed to the world. */
    public int openSessions() {
        return play.openSessions();
    }

    /** Tells connected players the server is stopping, closes their sockets and stops listening. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        play.closeSessions(SHUTDOWN_WAIT);
        webServer.stop();
        play.close();
        LOG.log(Level.INFO, "stopped");
    }
}
