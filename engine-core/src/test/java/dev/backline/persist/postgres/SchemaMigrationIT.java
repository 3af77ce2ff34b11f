package dev.backline.persist.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.persist.StoredWorld;
import dev.backline.persist.StoredWorldException;
import dev.backline.shard.ShardState;
import dev.backline.world.PackStateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Liquibase changelog on a real PostgreSQL. */
class SchemaMigrationIT {

    @Test
    void anEmptyDatabaseGetsTheWholeSchemaAndASecondRunChangesNothing() throws SQLException {
        DatabaseConfig config = TestDatabase.fresh();
        try (Database db = Database.open(config, TestDatabase.unusedDataDir())) {
            assertThat(db.description()).contains("PostgreSQL");
        }
        List<String> firstRun = query(config, "SELECT id || ' ' || md5sum FROM databasechangelog ORDER BY orderexecuted");
        List<String> tables = query(config, "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' ORDER BY table_name");

        try (Database again = Database.open(config, TestDatabase.unusedDataDir())) {
            assertThat(again.worldStore().load().isEmpty()).isTrue();
            // Open skips Liquibase for an up-to-date schema; run it anyway, as an older release would.
            SchemaMigration.migrate(again.sessions().getConfiguration().getEnvironment().getDataSource(),
                    again.sessions(), true);
        }

        assertThat(query(config, "SELECT id || ' ' || md5sum FROM databasechangelog ORDER BY orderexecuted"))
                .as("no changeset ran twice").isEqualTo(firstRun);
        assertThat(tables).contains("accounts", "characters", "entities", "pack_states", "pack_versions", "pack_timers",
                "shard_states", "audit_log", "backline_schema");
        assertThat(query(config, "SELECT version::text FROM backline_schema")).containsExactly(String.valueOf(SchemaMigration.VERSION));
    }

    @Test
    void aDatabaseOfTheFirstReleaseIsMigratedAndKeepsItsWorld() throws SQLException {
        DatabaseConfig config = TestDatabase.fresh();
        Database.open(config, TestDatabase.unusedDataDir()).close();
        // Turn it into what release 1 left behind: its schema, its version, a world written by it.
        TestDatabase.execute(config, "DROP TABLE pack_versions");
        TestDatabase.execute(config, "DROP TABLE pack_timers");
        TestDatabase.execute(config, "ALTER TABLE shard_states DROP COLUMN timers_through");
        TestDatabase.execute(config, "DELETE FROM databasechangelog WHERE id LIKE '002-%'");
        TestDatabase.execute(config, "ALTER TABLE accounts DROP COLUMN role");
        TestDatabase.execute(config, "DROP INDEX audit_log_actor_at");
        TestDatabase.execute(config, "DROP INDEX audit_log_at");
        TestDatabase.execute(config, "DELETE FROM databasechangelog WHERE id LIKE '003-%'");
        TestDatabase.execute(config, "UPDATE backline_schema SET version = 1");
        TestDatabase.execute(config, "INSERT INTO entities (id, kind, properties, saved_tick) VALUES ('city:bar', 'room', '{}', 9)");
        TestDatabase.execute(config, "INSERT INTO pack_states (pack, key, value, saved_tick) VALUES ('city', 'day', '3', 9)");
        TestDatabase.execute(config, "INSERT INTO shard_states (shard, tick, game_millis, rng_state, saved_at)"
                + " VALUES ('main', 9, 5000, 77, now())");

        try (Database upgraded = Database.open(config, TestDatabase.unusedDataDir())) {
            StoredWorld world = upgraded.worldStore().load();
            assertThat(world.entities()).extracting(e -> e.id().value()).containsExactly("city:bar");
            assertThat(world.packStates()).containsEntry(PackStateKey.of("city", "day"), 3L);
            assertThat(world.shardState()).contains(new ShardState(9, 5000, 77));
            assertThat(world.timers()).isEmpty();
        }
        assertThat(query(config, "SELECT version::text FROM backline_schema")).containsExactly(String.valueOf(SchemaMigration.VERSION));
        assertThat(query(config, "SELECT id FROM databasechangelog WHERE id LIKE '002-%' ORDER BY orderexecuted"))
                .containsExactly("002-pack-versions", "002-pack-timers", "002-timers-through", "002-version");
    }

    @Test
    void aDatabaseMissingTheNewestChangesetsGetsThem() throws SQLException {
        DatabaseConfig config = TestDatabase.fresh();
        Database.open(config, TestDatabase.unusedDataDir()).close();
        // As a database of an earlier build would be: the last changeset (and what it did) not yet applied.
        TestDatabase.execute(config, "UPDATE backline_schema SET version = " + (SchemaMigration.VERSION - 1));
        TestDatabase.execute(config, "DELETE FROM databasechangelog WHERE id = '00" + SchemaMigration.VERSION + "-version'");

        try (Database upgraded = Database.open(config, TestDatabase.unusedDataDir())) {
            assertThat(upgraded.worldStore().load().isEmpty()).isTrue();
        }
        assertThat(query(config, "SELECT version::text FROM backline_schema")).containsExactly(String.valueOf(SchemaMigration.VERSION));
        assertThat(query(config, "SELECT count(*)::text FROM databasechangelog")).containsExactly("12");
    }

    @Test
    void aSchemaFromTheFutureIsRefusedWithAClearErrorAndLeftAlone() throws SQLException {
        DatabaseConfig config = TestDatabase.fresh();
        Database.open(config, TestDatabase.unusedDataDir()).close();
        TestDatabase.execute(config, "UPDATE backline_schema SET version = 99");
        TestDatabase.execute(config, "CREATE TABLE from_the_future (id int)");
        List<String> before = query(config, "SELECT id FROM databasechangelog ORDER BY orderexecuted");

        assertThatThrownBy(() -> Database.open(config, TestDatabase.unusedDataDir()))
                .isInstanceOf(StoredWorldException.class)
                .hasMessageContaining("schema is version 99, newer than this Backline understands (version "
                        + SchemaMigration.VERSION + ")")
                .hasMessageContaining("nothing was changed");

        assertThat(query(config, "SELECT id FROM databasechangelog ORDER BY orderexecuted")).isEqualTo(before);
        assertThat(query(config, "SELECT version::text FROM backline_schema")).containsExactly("99");
    }

    @Test
    void aChangedChangesetIsAClearErrorNotAStackTrace() {
        DatabaseConfig config = TestDatabase.fresh();
        Database.open(config, TestDatabase.unusedDataDir()).close();
        TestDatabase.execute(config, "UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000'"
                + " WHERE id = '001-world'");
        TestDatabase.execute(config, "UPDATE backline_schema SET version = 0");

        assertThatThrownBy(() -> Database.open(config, TestDatabase.unusedDataDir()))
                .isInstanceOf(StoredWorldException.class)
                .hasMessageStartingWith("the database schema could not be migrated")
                .hasMessageContaining("001-world");
    }

    @Test
    void anUnreachableServerIsAClearError() {
        DatabaseConfig nowhere = DatabaseConfig.at("jdbc:postgresql://127.0.0.1:1/backline", "nobody", "");

        assertThatThrownBy(() -> Database.open(nowhere, TestDatabase.unusedDataDir()))
                .isInstanceOf(dev.backline.persist.StoreUnavailableException.class)
                .hasMessageStartingWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/backline as nobody");
    }

    static List<String> query(DatabaseConfig config, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
