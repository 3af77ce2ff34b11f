package dev.backline.persist.postgres;

import dev.backline.persist.StoredWorldException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Brings a database's schema to the version this code expects, with Liquibase and the changelog under
 * {@code db/changelog/} (the only thing that ever changes the schema). An empty database gets the whole
 * schema; an older one the changesets it lacks; applying it again changes nothing. A database already at
 * this version is left alone without starting Liquibase; one written by a newer Backline is refused before
 * anything is touched.
 */
final class SchemaMigration {
    private static final Logger LOG = System.getLogger("backline.database");
    /** The schema version this code reads and writes; the changelog's last changeset sets it. */
    static final int VERSION = 3;
    static final String CHANGELOG = "db/changelog/backline.xml";

    private SchemaMigration() {
    }

    /**
     * @throws StoredWorldException if the schema is newer than this code, or the migration fails
     */
    static int migrate(DataSource dataSource, SqlSessionFactory sessions) {
        return migrate(dataSource, sessions, false);
    }

    /** As {@link #migrate(DataSource, SqlSessionFactory)}; {@code always} runs Liquibase even when up to date. */
    static int migrate(DataSource dataSource, SqlSessionFactory sessions, boolean always) {
        Integer before = version(sessions);
        if (before != null && before > VERSION) {
            throw new StoredWorldException("the database schema is version " + before + ", newer than this Backline"
                    + " understands (version " + VERSION + "): a newer release has used this database. Run that"
                    + " release, or restore a backup taken before it ran; nothing was changed");
        }
        if (!always && before != null && before == VERSION) {
            // Up to date: every schema change bumps the version (see the changelog), so Liquibase would find
            // nothing to do, and starting it costs about a second of start-up.
            return VERSION;
        }
        try (Connection connection = dataSource.getConnection()) {
            update(connection);
        } catch (SQLException e) {
            throw new StoredWorldException("cannot migrate the database schema: " + e.getMessage());
        }
        Integer after = version(sessions);
        if (after == null || after != VERSION) {
            throw new StoredWorldException("after migrating, the database schema is version " + after + ", not "
                    + VERSION + ": the changelog and SchemaMigration.VERSION disagree");
        }
        if (before == null || before < VERSION) {
            LOG.log(Level.INFO, "database schema migrated from " + (before == null ? "nothing" : "version " + before)
                    + " to version " + VERSION);
        }
        return VERSION;
    }

    private static Integer version(SqlSessionFactory sessions) {
        try (SqlSession session = sessions.openSession()) {
            SchemaMapper mapper = session.getMapper(SchemaMapper.class);
            return mapper.hasVersionTable() ? mapper.version() : null;
        }
    }

    private static void update(Connection connection) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()));
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        // Liquibase 4.30+ would otherwise send usage data to liquibase.com.
        scope.put("liquibase.analytics.enabled", false);
        scope.put("liquibase.showBanner", false);
        scope.put("liquibase.changelogLockWaitTimeInMinutes", 1);
        try {
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
            });
        } catch (Exception e) {
            throw new StoredWorldException("the database schema could not be migrated: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }
}
