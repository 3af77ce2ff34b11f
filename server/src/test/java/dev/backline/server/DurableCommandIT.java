package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.persist.WriteBehindConfig;
import dev.backline.persist.postgres.DatabaseConfig;
import dev.backline.persist.postgres.EmbeddedServer;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.testing.Await;
import dev.backline.world.EntityId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code game.durable()} end to end: a script's purchase is answered only once it is in PostgreSQL; while
 * the database is away the player gets an {@code unavailable} error and the world is unchanged; once it is
 * back, purchases work again. The test has a PostgreSQL of its own, so it can stop it.
 */
class DurableCommandIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EntityId ANN = EntityId.of("player:ann");
    private static final String SHOP = """
            export function register(pack) {
              pack.command({ name: 'buy', help: 'Buys a guitar.', run: (ctx) => {
                game.durable();
                game.setProp(ctx.player, 'guitars', (game.prop(ctx.player, 'guitars') ?? 0) + 1);
                ctx.reply('You bought a guitar.');
              }});
            }
            """;

    @TempDir
    Path scripts;

    private Path dataDir;
    private EmbeddedServer postgres;
    private RunningGame running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
        TestDatabase.deleteTree(dataDir);
    }

    private static JsonNode answer(TestClient client, String id, String command) {
        client.command(id, command);
        return client.await(f -> id.equals(f.path("id").asText()), "answer to " + command, WAIT);
    }

    /** The property as PostgreSQL has it now, read past the server. */
    private Long storedGuitars(DatabaseConfig database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT (properties->>'guitars')::bigint FROM entities WHERE id = '" + ANN.value() + "'")) {
            return rs.next() ? (Long) rs.getObject(1) : null;
        }
    }

    @Test
    void aPurchaseIsAnsweredOnceStoredAndRefusedCleanlyWhileTheDatabaseIsAway() throws Exception {
        ScriptPack.write(scripts, "shop", "1.0.0", SHOP);
        dataDir = Files.createTempDirectory("backline-durable");
        postgres = EmbeddedServer.start(dataDir.resolve("postgres"), false);
        DatabaseConfig database = DatabaseConfig.at(postgres.jdbcUrl(), EmbeddedServer.USER, "");
        // A long flush interval: only the durable commit can have written the purchase when the answer comes.
        running = RunningGame.start(RunningGame.config(scripts, database).withPersistence(WriteBehindConfig.defaults()
                .withFlushInterval(Duration.ofMinutes(10)).withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(500))));

        try (TestClient ann = TestClient.join(running.base(), "Ann", "ann-secret")) {
            JsonNode bought = answer(ann, "b1", "buy");
            assertThat(bought.path("text").asText()).isEqualTo("You bought a guitar.");
            assertThat(storedGuitars(database)).as("in PostgreSQL before the answer").isEqualTo(1L);

            postgres.stop();
            // Nothing has told the writer yet: this purchase is accepted, and its write fails, so the answer is
            // the error instead.
            JsonNode first = answer(ann, "b2", "buy");
            assertThat(first.path("type").asText()).isEqualTo("error");
            assertThat(first.path("code").asText()).isEqualTo("unavailable");
            Await.until("the writer to notice the outage", () -> !running.game().persistence().available());

            JsonNode refused = answer(ann, "b3", "buy");
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("unavailable");
            assertThat(refused.path("message").asText()).contains("cannot save right now");
            long inWorld = running.world().call(s -> (Long) s.world().get(ANN).property("guitars")).get(10, TimeUnit.SECONDS);
            assertThat(inWorld).as("b2 changed the world before its write failed; b3 changed nothing").isEqualTo(2L);

            postgres.restart();
            Await.until("the database to be back", () -> running.game().persistence().available()
                    && running.game().persistence().stats().backlogRows() == 0);
            assertThat(answer(ann, "b4", "buy").path("text").asText()).isEqualTo("You bought a guitar.");
            assertThat(storedGuitars(database)).isEqualTo(3L);
        }
    }
}
