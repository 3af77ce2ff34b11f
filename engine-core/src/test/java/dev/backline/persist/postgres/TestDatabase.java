package dev.backline.persist.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Fresh, empty databases for tests, on a real PostgreSQL: the server named by {@code BACKLINE_DB_URL} (with
 * {@code BACKLINE_DB_USER} / {@code BACKLINE_DB_PASSWORD}; the user needs CREATEDB) if it is set, else an
 * embedded one started once per test JVM in a temporary directory. Every database is dropped when the JVM
 * ends.
 *
 * <pre>{@code
 * try (Database db = Database.open(TestDatabase.fresh(), TestDatabase.unusedDataDir())) { ... }
 * }</pre>
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static Server server;

    /** Where to reach the test server as an administrator, and how to name one of its databases. */
    private record Server(String adminUrl, String user, String password, EmbeddedServer embedded) {
        String urlOf(String database) {
            if (embedded != null) {
                return embedded.jdbcUrl(database);
            }
            URI uri = URI.create(adminUrl.substring("jdbc:".length()));
            return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    private TestDatabase() {
    }

    /** A new empty database; its config logs in as the test server's user. */
    public static DatabaseConfig fresh() {
        Server s = server();
        String name = "backline_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(s, "CREATE DATABASE " + name);
        synchronized (CREATED) {
            CREATED.add(name);
        }
        return DatabaseConfig.at(s.urlOf(name), s.user(), s.password());
    }

    /** A data directory argument for {@link Database#open} when the database is not the embedded default. */
    public static Path unusedDataDir() {
        return Path.of("target", "unused-data-dir");
    }

    /** Runs one statement on a database as the test server's administrator. */
    public static void execute(DatabaseConfig database, String sql) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void execute(Server s, String sql) {
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            String url = System.getenv("BACKLINE_DB_URL");
            if (url != null && !url.isBlank()) {
                server = new Server(url.strip(), env("BACKLINE_DB_USER"), env("BACKLINE_DB_PASSWORD"), null);
            } else {
                Path dir = temporaryDirectory();
                EmbeddedServer embedded = EmbeddedServer.start(dir.resolve("postgres"), false);
                server = new Server(embedded.jdbcUrl(), EmbeddedServer.USER, "", embedded);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::cleanUp, "test-database-cleanup"));
        }
        return server;
    }

    private static void cleanUp() {
        if (server.embedded() != null) {
            server.embedded().stop();
            deleteTree(server.embedded().dataDir().getParent());
            return;
        }
        synchronized (CREATED) {
            for (String name : CREATED) {
                try {
                    execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (RuntimeException e) {
                    System.err.println("could not drop test database " + name + ": " + e.getMessage());
                }
            }
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("backline-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory and everything in it (test data directories). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temp directory left behind is harmless
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
