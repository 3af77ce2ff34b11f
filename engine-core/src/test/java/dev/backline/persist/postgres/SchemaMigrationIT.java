package dev.backline.persist.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.persist.StoredWorldException;
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
        assertThat(tables).contains("accounts", "characters", "entities", "pack_states", "shard_states", "audit_log",
                "backline_schema");
        assertThat(query(config, "SELECT version::text FROM backline_schema")).containsExactly(String.valueOf(SchemaMigration.VERSION));
    }

    @Test
    void aDatabaseMissingTheNewestChangesetsGetsThem() throws SQLException {
        DatabaseConfig config = TestDatabase.fresh();
        Database.open(config, TestDatabase.unusedDataDir()).close();
        // As a database of an earlier release would be: the last changeset (and what it did) not yet applied.
        TestDatabase.execute(config, "DELETE FROM backline_schema");
        TestDatabase.execute(config, "DELETE FROM databasechangelog WHERE id = '001-version'");

        try (Database upgraded = Database.open(config, TestDatabase.unusedDataDir())) {
            assertThat(upgraded.worldStore().load().isEmpty()).isTrue();
        }
        assertThat(query(config, "SELECT version::text FROM backline_schema")).containsExactly(String.valueOf(SchemaMigration.VERSION));
        assertThat(query(config, "SELECT count(*)::text FROM databasechangelog")).containsExactly("5");
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
                .hasMessageContaining("schema is version 99, newer than this Backline understands (version 1)")
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
