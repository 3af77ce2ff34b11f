package dev.backline.persist.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.backline.persist.AuditLog;
import dev.backline.persist.StoreUnavailableException;
import dev.backline.persist.WorldStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * Backline's PostgreSQL: the embedded one under the data directory, or a server named by a JDBC URL; a
 * HikariCP pool; the schema migrated by Liquibase; MyBatis for every query. Open it once at start-up and
 * close it last.
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseConfig.defaults(), Path.of("data"))) {
 *     StoredWorld world = db.worldStore().load();
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.database");

    private final EmbeddedServer embedded;
    private final HikariDataSource pool;
    private final SqlSessionFactory sessions;
    private final String description;
    private final PostgresWorldStore worldStore;
    private final PostgresAuditLog auditLog;

    private Database(EmbeddedServer embedded, HikariDataSource pool, SqlSessionFactory sessions, String description) {
        this.embedded = embedded;
        this.pool = pool;
        this.sessions = sessions;
        this.description = description;
        this.worldStore = new PostgresWorldStore(sessions);
        this.auditLog = new PostgresAuditLog(sessions);
    }

    /**
     * Starts the embedded PostgreSQL if {@code config} names no server, connects, and migrates the schema.
     *
     * @param dataDir where the embedded database keeps its files ({@code <dataDir>/postgres})
     * @throws StoreUnavailableException if the database cannot be started or reached
     * @throws dev.backline.persist.StoredWorldException if the schema is newer than this code or cannot be migrated
     */
    public static Database open(DatabaseConfig config, Path dataDir) {
        LibraryLogs.quiet();
        EmbeddedServer embedded = null;
        String url = config.url();
        String user = config.user();
        String password = config.password();
        if (config.embedded()) {
            try {
                embedded = EmbeddedServer.start(dataDir.resolve("postgres"), true);
            } catch (IllegalStateException e) {
                throw new StoreUnavailableException(e.getMessage(), e);
            }
            url = embedded.jdbcUrl();
            user = EmbeddedServer.USER;
            password = "";
        }
        HikariDataSource pool = null;
        try {
            pool = pool(config, url, user, password);
            SqlSessionFactory sessions = mybatis(pool);
            String description = describe(pool, embedded, url, user);
            LOG.log(Level.INFO, "database: " + description);
            SchemaMigration.migrate(pool, sessions);
            return new Database(embedded, pool, sessions, description);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (embedded != null) {
                embedded.stop();
            }
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseConfig config, String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("backline-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(1_000, config.connectTimeout().toMillis() - 1));
        hikari.setInitializationFailTimeout(config.connectTimeout().toMillis());
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.addDataSourceProperty("ApplicationName", "backline");
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        // A write stuck on a half-open connection must fail, not hang the writer forever.
        hikari.addDataSourceProperty("socketTimeout", "120");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreUnavailableException("cannot connect to the database at " + url
                    + (user.isEmpty() ? "" : " as " + user) + ": " + cause.getMessage(), e);
        }
    }

    private static SqlSessionFactory mybatis(HikariDataSource pool) {
        Configuration configuration = new Configuration(new Environment("backline", new JdbcTransactionFactory(), pool));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.addMapper(SchemaMapper.class);
        configuration.addMapper(WorldMapper.class);
        configuration.addMapper(AuditMapper.class);
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    private static String describe(HikariDataSource pool, EmbeddedServer embedded, String url, String user) {
        String version;
        try (Connection c = pool.getConnection()) {
            version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot connect to the database at " + url + ": " + e.getMessage(), e);
        }
        return embedded != null
                ? "embedded " + version + " in " + embedded.dataDir() + " (port " + embedded.port() + ")"
                : version + " at " + url + (user.isEmpty() ? "" : " as " + user);
    }

    /** The world's tables, for the write-behind and start-up. */
    public WorldStore worldStore() {
        return worldStore;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /**
     * The MyBatis session factory, for other features' mappers: register them once with
     * {@code sessions().getConfiguration().addMapper(...)} before use.
     */
    public SqlSessionFactory sessions() {
        return sessions;
    }

    /** The embedded server, if this database is the embedded one. */
    public Optional<EmbeddedServer> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** Which database this is, for logs: kind, version and where. */
    public String description() {
        return description;
    }

    /** Closes the pool, then stops the embedded server if there is one. Call after the last write. */
    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.stop();
        }
    }
}
