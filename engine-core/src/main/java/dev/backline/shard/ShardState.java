package dev.backline.shard;

/**
 * Where a shard's time and randomness stand: the tick count, game time and the RNG state. Persisted with
 * every flush and restored on start-up, so a restart continues the calendar (a daily reset neither fires
 * twice nor is skipped) and the random sequence instead of starting them over.
 *
 * <pre>{@code ShardState saved = shard.state(); ... other.restore(saved);}</pre>
 */
public record ShardState(long tick, long gameMillis, long rngState) {
    public ShardState {
        if (tick < 0) {
            throw new IllegalArgumentException("tick cannot be negative, was " + tick);
        }
    }
}
