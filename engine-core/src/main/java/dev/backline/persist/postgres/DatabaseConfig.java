package dev.backline.persist.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * Which PostgreSQL to use and how to talk to it. An empty {@code url} means the embedded one, kept under the
 * data directory; otherwise a JDBC URL such as {@code jdbc:postgresql://db.example:5432/backline}.
 *
 * @param poolSize       connections in the pool (the writer thread needs one, account requests the rest)
 * @param connectTimeout how long to wait for a connection before a write counts as failed
 */
public record DatabaseConfig(String url, String user, String password, int poolSize, Duration connectTimeout) {
    public DatabaseConfig {
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with 'jdbc:postgresql:', was '" + url + "'");
        }
        if (poolSize < 2 || poolSize > 200) {
            throw new IllegalArgumentException("the pool size must be 2..200, was " + poolSize);
        }
        if (connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("the connect timeout must be at least 250 ms, was " + connectTimeout);
        }
    }

    /** The embedded database, 4 connections, 3 s to get one. */
    public static DatabaseConfig defaults() {
        return new DatabaseConfig("", "", "", 4, Duration.ofSeconds(3));
    }

    /** A server at {@code url}, logging in as {@code user}. */
    public static DatabaseConfig at(String url, String user, String password) {
        return defaults().withUrl(url, user, password);
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    public DatabaseConfig withUrl(String newUrl, String newUser, String newPassword) {
        return new DatabaseConfig(newUrl, newUser, newPassword, poolSize, connectTimeout);
    }

    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(url, user, password, size, connectTimeout);
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + (embedded() ? "(embedded)" : url) + ", user=" + user + ", poolSize=" + poolSize
                + ", connectTimeout=" + connectTimeout + "]";
    }
}
