package dev.backline.persist.postgres;

import dev.backline.persist.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells "the database is away" (retry later, refuse durable work meanwhile) from "the database refused
 * this", by the SQL state of the cause: class 08 (connection), 57P01-57P03 (shutting down, cannot connect
 * now), 53300 (too many connections), and the pool's own timeouts.
 */
final class StoreFailures {
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    private StoreFailures() {
    }

    /** {@code e} as a {@link StoreUnavailableException} if it means the database is away, else {@code e}. */
    static RuntimeException classify(String doing, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return new StoreUnavailableException(doing + ": the database is unavailable: " + cause.getMessage(), e);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return new StoreUnavailableException(doing + ": the database is unavailable: " + sql.getMessage(), e);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return e;
    }
}
