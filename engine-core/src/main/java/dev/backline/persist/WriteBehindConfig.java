package dev.backline.persist;

import java.time.Duration;
import java.util.Objects;

/**
 * How the write-behind runs.
 *
 * @param flushInterval      how often the world thread hands its changes to the writer; at most this much
 *                           soft state is lost when the process dies
 * @param minRetryDelay      the first wait after a failed write; it doubles with every further failure
 * @param maxRetryDelay      the longest wait between two attempts while the store is away
 * @param backlogWarningRows rows waiting for the store above which a warning is logged
 * @param shutdownTimeout    how long a graceful shutdown keeps trying to write what is left
 */
public record WriteBehindConfig(Duration flushInterval, Duration minRetryDelay, Duration maxRetryDelay,
                                int backlogWarningRows, Duration shutdownTimeout) {
    public WriteBehindConfig {
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(minRetryDelay, "minRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("the flush interval must be positive, was " + flushInterval);
        }
        if (minRetryDelay.isNegative() || minRetryDelay.isZero() || maxRetryDelay.compareTo(minRetryDelay) < 0) {
            throw new IllegalArgumentException("retry delays must be positive and min <= max, were "
                    + minRetryDelay + " and " + maxRetryDelay);
        }
        if (backlogWarningRows < 1) {
            throw new IllegalArgumentException("the backlog warning must be at least 1 row, was " + backlogWarningRows);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("the shutdown timeout cannot be negative, was " + shutdownTimeout);
        }
    }

    /** Flush every second; retry after 100 ms doubling up to 5 s; warn above 500,000 rows; 10 s to shut down. */
    public static WriteBehindConfig defaults() {
        return new WriteBehindConfig(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(5), 500_000,
                Duration.ofSeconds(10));
    }

    public WriteBehindConfig withFlushInterval(Duration interval) {
        return new WriteBehindConfig(interval, minRetryDelay, maxRetryDelay, backlogWarningRows, shutdownTimeout);
    }

    public WriteBehindConfig withRetryDelays(Duration min, Duration max) {
        return new WriteBehindConfig(flushInterval, min, max, backlogWarningRows, shutdownTimeout);
    }

    public WriteBehindConfig withBacklogWarningRows(int rows) {
        return new WriteBehindConfig(flushInterval, minRetryDelay, maxRetryDelay, rows, shutdownTimeout);
    }

    public WriteBehindConfig withShutdownTimeout(Duration timeout) {
        return new WriteBehindConfig(flushInterval, minRetryDelay, maxRetryDelay, backlogWarningRows, timeout);
    }
}
