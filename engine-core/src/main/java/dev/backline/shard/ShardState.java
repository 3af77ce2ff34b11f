package dev.backline.shard;

/**
 * Where a shard's time and randomness stand: the tick count, game time, the RNG state, and the game time up
 * to which its timers have fired. Persisted with every flush and restored on start-up, so a restart
 * continues the calendar (a daily job neither fires twice nor is skipped) and the random sequence instead
 * of starting them over.
 *
 * <pre>{@code ShardState saved = shard.state(); ... other.restore(saved);}</pre>
 *
 * @param timersThroughMillis every timer due at or before this game time has fired; it is behind
 *                            {@code gameMillis} when the state was taken in the middle of a tick (a durable
 *                            commit), before that tick's timers ran
 */
public record ShardState(long tick, long gameMillis, long rngState, long timersThroughMillis) {
    public ShardState {
        if (tick < 0) {
            throw new IllegalArgumentException("tick cannot be negative, was " + tick);
        }
        if (timersThroughMillis > gameMillis) {
            throw new IllegalArgumentException("timers cannot have fired through " + timersThroughMillis
                    + ", after the game time " + gameMillis);
        }
    }

    /** A state taken at the end of a tick: its timers have fired through its game time. */
    public ShardState(long tick, long gameMillis, long rngState) {
        this(tick, gameMillis, rngState, gameMillis);
    }
}
