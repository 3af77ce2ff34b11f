package dev.backline.server.account.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.persist.AuditEntry;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.persist.postgres.Database;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.server.RunningServer;
import dev.backline.server.TestClient;
import dev.backline.server.TestShard;
import dev.backline.server.WorldGate;
import dev.backline.server.BacklineServer;
import dev.backline.server.account.Account;
import dev.backline.server.account.AccountName;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.shard.WorldThread;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounts in a real PostgreSQL: written through, unique by name in any case, refused cleanly when it is away. */
class PostgresAccountStoreIT {

    private static Account account(String name) {
        return new Account(UUID.randomUUID().toString(), AccountName.of(name), "pbkdf2-sha256$1$c2FsdA$aGFzaA",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void anAccountIsStoredWithItsFirstCharacterAndAnAuditEntry() {
        try (Database database = Database.open(TestDatabase.fresh(), TestDatabase.unusedDataDir())) {
            Account alice = account("Alice");
            assertThat(PostgresAccountStore.create(database).add(alice)).isTrue();

            PostgresAccountStore fresh = PostgresAccountStore.create(database);
            assertThat(fresh.findByName(AccountName.of("ALICE"))).as("read back, not from a cache").contains(alice);
            assertThat(fresh.characterIds(alice)).containsExactly("player:alice");
            assertThat(fresh.findByName(AccountName.of("Nobody"))).isEmpty();
            AuditEntry audit = database.auditLog().recent(1).getFirst();
            assertThat(audit.action()).isEqualTo("account.create");
            assertThat(audit.subject()).isEqualTo("player:alice");
            assertThat(audit.details()).containsEntry("name", "Alice");
        }
    }

    @Test
    void aNameTakenInAnyLetterCaseIsRefusedAndNothingIsStored() {
        try (Database database = Database.open(TestDatabase.fresh(), TestDatabase.unusedDataDir())) {
            PostgresAccountStore store = PostgresAccountStore.create(database);
            assertThat(store.add(account("Alice"))).isTrue();

            Account again = account("aLiCe");
            assertThat(PostgresAccountStore.create(database).add(again)).isFalse();
            assertThat(database.auditLog().recent(10)).hasSize(1);
        }
    }

    @Test
    void withTheDatabaseGoneRegistrationAnswers503AndKnownAccountsStillLogIn() {
        Database database = Database.open(TestDatabase.fresh(), TestDatabase.unusedDataDir());
        PostgresAccountStore store = PostgresAccountStore.create(database);
        Shard shard = TestShard.create(ShardConfig.defaults().withTickRate(50), new WorldGate());
        WorldThread world = WorldThread.start(shard, "accounts-world");
        BacklineServer server = BacklineServer.start(RunningServer.config(), shard, world, store);
        URI base = URI.create("http://127.0.0.1:" + server.port());
        try {
            assertThat(TestClient.post(base, "/api/accounts", TestClient.json(Map.of("name", "Alice", "password", "alice-secret")))
                    .statusCode()).isEqualTo(201);
            database.close();

            var refused = TestClient.post(base, "/api/accounts", TestClient.json(Map.of("name", "Bob", "password", "bob-secret")));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(TestClient.parse(refused.body()).path("error").asText())
                    .isEqualTo("accounts are unavailable right now; try again shortly");
            assertThat(TestClient.post(base, "/api/sessions", TestClient.json(Map.of("name", "Carol", "password", "carol-secret")))
                    .statusCode()).as("an unknown name cannot be checked").isEqualTo(503);
            assertThat(TestClient.login(base, "alice", "alice-secret")).as("Alice is cached").isNotEmpty();
            assertThatThrownBy(() -> store.add(account("Dave"))).isInstanceOf(StoreUnavailableException.class);
        } finally {
            server.close();
            world.close();
            database.close();
        }
    }
}
