package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.persist.postgres.DatabaseConfig;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.server.account.AccountsConfig;
import dev.backline.server.account.postgres.PostgresAccountStore;
import dev.backline.server.config.BacklineConfig;
import dev.backline.server.config.GameConfig;
import dev.backline.server.health.PersistenceRoutes;
import dev.backline.server.http.HttpConfig;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardState;
import dev.backline.shard.WorldThread;
import dev.backline.testing.Await;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.EntitySpec;
import dev.backline.world.PackStateKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Stop and start the production wiring on the same database: players who moved, the items and properties
 * they gained, the pack state and the game clock are all as they were.
 */
class RestartIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EntityId ALICE = EntityId.of("player:alice");
    private static final EntityId GUITAR = EntityId.of("item:guitar-1");
    private static final PackStateKey CHARTS = PackStateKey.of("backline-city", "charts");

    /** The world as it stood when the server stopped. */
    private record Saved(Map<EntityId, EntitySnapshot> entities, Map<String, Object> packState, ShardState state) {
    }

    /** One run of the server: loaded game, world thread, HTTP and WebSocket. */
    private record Run(Main.LoadedGame game, WorldThread world, BacklineServer server) {
        static BacklineConfig config(DatabaseConfig database) {
            BacklineConfig defaults = BacklineConfig.defaults();
            return new BacklineConfig(
                    defaults.server()
                            .withHttp(HttpConfig.defaults().withHost("127.0.0.1").withPort(0))
                            .withAccounts(AccountsConfig.defaults().withHashMemoryKib(256)),
                    defaults.shard(),
                    new GameConfig(RunningGame.REPO.resolve("world-data"), RunningGame.REPO.resolve("scripts"),
                            defaults.game().scriptLimits(), defaults.game().quarantine(), false),
                    Path.of("target", "test-data")).withDatabase(database);
        }

        static Main.LoadedGame load(DatabaseConfig database) {
            return Main.loadGame(config(database));
        }

        static Run start(Main.LoadedGame game) {
            WorldThread world = WorldThread.start(game.shard(), "restart-world");
            BacklineServer server = BacklineServer.start(config(DatabaseConfig.defaults()).server(), game.shard(), world,
                    PostgresAccountStore.create(game.database()),
                    new PersistenceRoutes(game.persistence(), game.database().description()));
            return new Run(game, world, server);
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.port());
        }

        /** Stops gracefully, as the shutdown hook does, and returns the world as it was written. */
        Saved stop() {
            server.close();
            world.close();
            Shard shard = game.shard();
            Saved saved = new Saved(byId(shard.world().all().stream().map(Entity::snapshot).toList()),
                    shard.packStates().all("backline-city"), shard.state());
            game.close();
            return saved;
        }
    }

    private static Map<EntityId, EntitySnapshot> byId(List<EntitySnapshot> entities) {
        return entities.stream().collect(Collectors.toMap(EntitySnapshot::id, Function.identity()));
    }

    @Test
    void playersTheirItemsAndPropertiesAndTheClockAreAsTheyWereAfterARestart() throws Exception {
        DatabaseConfig database = TestDatabase.fresh();
        Run first = Run.start(Run.load(database));
        String target;
        try (TestClient alice = TestClient.join(first.base(), "Alice", "alice-secret");
             TestClient bob = TestClient.join(first.base(), "Bob", "bob-secret")) {
            JsonNode room = alice.awaitType("room", WAIT);
            String direction = room.path("payload").path("exits").get(0).path("dir").asText();
            target = room.path("payload").path("exits").get(0).path("to").asText();
            alice.command("g1", "go " + direction);
            alice.await(f -> "g1".equals(f.path("id").asText()), "answer to go", WAIT);
            // What a shop script would do: an item in Alice's inventory, properties, and pack state.
            first.world().call(s -> {
                s.world().create(EntitySpec.of(GUITAR, "item").withContainer(ALICE)
                        .withTemplate(EntityId.of("item:guitar")).withTags(java.util.Set.of("instrument"))
                        .withProperty("condition", 0.8).withProperty("strings", List.of("E", "A", "D")));
                s.world().setProperty(ALICE, "xp", 120);
                s.world().setProperty(ALICE, "skills", Map.of("guitar", Map.of("level", 2, "since", "2026-01-01")));
                s.packStates().put(CHARTS, List.of("alice", "bob"));
                return null;
            }).get(10, TimeUnit.SECONDS);
            bob.command("s1", "say see you later");
            bob.await(f -> "s1".equals(f.path("id").asText()), "answer to say", WAIT);
        }
        Await.until("both players to be offline", () -> first.world().call(s -> s.sessions().count()).join() == 0
                && first.world().call(s -> s.world().get(ALICE).container().isEmpty()).join());
        Saved saved = first.stop();
        assertThat(saved.state().tick()).isPositive();

        Main.LoadedGame loaded = Run.load(database);
        Shard shard = loaded.shard();
        assertThat(shard.state()).as("tick, game time and RNG continue where they stopped").isEqualTo(saved.state());
        assertThat(byId(shard.world().all().stream().map(Entity::snapshot).toList())).isEqualTo(saved.entities());
        assertThat(shard.packStates().all("backline-city")).isEqualTo(saved.packState())
                .containsEntry("charts", List.of("alice", "bob"));
        assertThat(shard.world().get(GUITAR).container()).contains(ALICE);
        assertThat(shard.world().get(ALICE).property("skills"))
                .isEqualTo(Map.of("guitar", Map.of("level", 2L, "since", "2026-01-01")));

        Run second = Run.start(loaded);
        try (TestClient alice = TestClient.join(second.base(), "Alice", "alice-secret")) {
            JsonNode room = alice.awaitType("room", WAIT);
            assertThat(room.path("payload").path("id").asText()).as("back in the room she left").isEqualTo(target);
            long tickNow = second.world().call(Shard::currentTick).get(10, TimeUnit.SECONDS);
            assertThat(tickNow).as("the clock went on from where it stopped").isGreaterThan(saved.state().tick());
            Await.until("a flush in this run", () -> second.game().persistence().stats().flushes() > 0);
            JsonNode health = TestClient.parse(TestClient.get(second.base(), "/health/persistence").body());
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("database").asText()).contains("PostgreSQL");
            assertThat(health.path("flushes").asLong()).isPositive();
        } finally {
            second.stop();
        }
    }
}
