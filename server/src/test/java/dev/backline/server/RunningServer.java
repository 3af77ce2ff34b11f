package dev.backline.server;

import dev.backline.server.account.AccountsConfig;
import dev.backline.server.config.ServerConfig;
import dev.backline.server.http.HttpConfig;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.shard.WorldThread;
import java.net.URI;

/**
 * The real server on a free port over a {@link TestShard} driven by a real {@link WorldThread}.
 *
 * <pre>{@code
 * try (RunningServer running = RunningServer.start();
 *      TestClient alice = TestClient.join(running.baseUri(), "Alice", "password1")) { ... }
 * }</pre>
 */
public final class RunningServer implements AutoCloseable {
    private final Shard shard;
    private final WorldThread world;
    private final BacklineServer server;
    private final WorldGate gate;

    private RunningServer(Shard shard, WorldThread world, BacklineServer server, WorldGate gate) {
        this.shard = shard;
        this.world = world;
        this.server = server;
        this.gate = gate;
    }

    public static RunningServer start() {
        return start(ShardConfig.defaults().withTickRate(50), config());
    }

    public static RunningServer start(ShardConfig shardConfig, ServerConfig serverConfig) {
        WorldGate gate = new WorldGate();
        Shard shard = TestShard.create(shardConfig, gate);
        WorldThread world = WorldThread.start(shard, "test-world");
        BacklineServer server = BacklineServer.start(serverConfig, shard, world);
        return new RunningServer(shard, world, server, gate);
    }

    /**
     * The defaults, on a free loopback port, with cheap password hashing, and no reconnect grace period (a
     * dropped player leaves at once; {@code ReconnectIT} turns it on).
     */
    public static ServerConfig config() {
        ServerConfig defaults = ServerConfig.defaults();
        return defaults
                .withHttp(HttpConfig.defaults().withHost("127.0.0.1").withPort(0))
                .withAccounts(AccountsConfig.defaults().withHashMemoryKib(256))
                .withPlay(defaults.play().withReconnectGrace(java.time.Duration.ZERO, 1));
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public URI playUri() {
        return TestClient.playUri(baseUri());
    }

    public Shard shard() {
        return shard;
    }

    public WorldThread world() {
        return world;
    }

    public BacklineServer server() {
        return server;
    }

    public WorldGate gate() {
        return gate;
    }

    @Override
    public void close() {
        gate.open();
        server.close();
        world.close();
    }
}
