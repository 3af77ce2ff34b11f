package dev.backline.server.play;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code /play} WebSocket's limits.
 *
 * @param maxFrameBytes          largest message (all fragments together, UTF-8 bytes) the protocol accepts;
 *                               bigger ones get {@code too_large} and the socket stays open
 * @param transportMaxFrameBytes largest single WebSocket frame the transport reads; above it the transport
 *                               closes the socket (1009), so it must be well above {@code maxFrameBytes}
 * @param outboxCapacity         events queued for one player before they count as a slow consumer
 * @param maxPendingCommands     commands of one session waiting in the world queue before {@code rate_limited}
 * @param authTimeout            how long a new socket may take to send its {@code auth} frame
 * @param closeGrace             how long a closing socket may take to finish before it is cut
 * @param rateLimits             token-bucket limits on commands and chat
 * @param reconnectGrace         how long a player whose connection dropped stays in the world for a reconnect
 *                               (zero: they leave at once)
 * @param maxMissedEvents        events kept for a player in the grace period (the newest; older ones are dropped)
 */
public record PlayConfig(int maxFrameBytes, int transportMaxFrameBytes, int outboxCapacity,
                         int maxPendingCommands, Duration authTimeout, Duration closeGrace, RateLimits rateLimits,
                         Duration reconnectGrace, int maxMissedEvents) {
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    static final int DEFAULT_MISSED = 200;

    /** With the default rate limits and reconnect grace. */
    public PlayConfig(int maxFrameBytes, int transportMaxFrameBytes, int outboxCapacity, int maxPendingCommands,
                      Duration authTimeout, Duration closeGrace) {
        this(maxFrameBytes, transportMaxFrameBytes, outboxCapacity, maxPendingCommands, authTimeout, closeGrace,
                RateLimits.defaults(), DEFAULT_GRACE, DEFAULT_MISSED);
    }

    public PlayConfig {
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(reconnectGrace, "reconnectGrace");
        if (reconnectGrace.isNegative() || maxMissedEvents < 1) {
            throw new IllegalArgumentException("reconnect grace must not be negative and max missed events must be positive");
        }
        Objects.requireNonNull(authTimeout, "authTimeout");
        Objects.requireNonNull(closeGrace, "closeGrace");
        if (maxFrameBytes < 256) {
            throw new IllegalArgumentException("max frame bytes must be at least 256, was " + maxFrameBytes);
        }
        if (transportMaxFrameBytes < maxFrameBytes) {
            throw new IllegalArgumentException("transport max frame bytes (" + transportMaxFrameBytes
                    + ") must not be below max frame bytes (" + maxFrameBytes + ")");
        }
        if (outboxCapacity < 1 || maxPendingCommands < 1) {
            throw new IllegalArgumentException("outbox capacity and max pending commands must be positive");
        }
        if (authTimeout.isNegative() || authTimeout.isZero() || closeGrace.isNegative() || closeGrace.isZero()) {
            throw new IllegalArgumentException("auth timeout and close grace must be positive");
        }
    }

    public static PlayConfig defaults() {
        return new PlayConfig(16 * 1024, 1024 * 1024, 1024, 32, Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    public PlayConfig withMaxFrameBytes(int n) {
        return new PlayConfig(n, transportMaxFrameBytes, outboxCapacity, maxPendingCommands, authTimeout, closeGrace,
                rateLimits, reconnectGrace, maxMissedEvents);
    }

    public PlayConfig withMaxPendingCommands(int n) {
        return new PlayConfig(maxFrameBytes, transportMaxFrameBytes, outboxCapacity, n, authTimeout, closeGrace,
                rateLimits, reconnectGrace, maxMissedEvents);
    }

    public PlayConfig withOutboxCapacity(int n) {
        return new PlayConfig(maxFrameBytes, transportMaxFrameBytes, n, maxPendingCommands, authTimeout, closeGrace,
                rateLimits, reconnectGrace, maxMissedEvents);
    }

    public PlayConfig withRateLimits(RateLimits r) {
        return new PlayConfig(maxFrameBytes, transportMaxFrameBytes, outboxCapacity, maxPendingCommands, authTimeout, closeGrace,
                r, reconnectGrace, maxMissedEvents);
    }

    public PlayConfig withReconnectGrace(Duration grace, int missed) {
        return new PlayConfig(maxFrameBytes, transportMaxFrameBytes, outboxCapacity, maxPendingCommands, authTimeout,
                closeGrace, rateLimits, grace, missed);
    }

    public PlayConfig withAuthTimeout(Duration d) {
        return new PlayConfig(maxFrameBytes, transportMaxFrameBytes, outboxCapacity, maxPendingCommands, d, closeGrace, rateLimits,
                reconnectGrace, maxMissedEvents);
    }
}
