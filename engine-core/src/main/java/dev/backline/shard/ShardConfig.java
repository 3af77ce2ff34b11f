package dev.backline.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How one shard runs: tick rate, game-clock ratio and start, RNG seed, queue bounds, and the room new
 * players start in.
 */
public record ShardConfig(int tickRateHz, double clockRatio, Instant gameStart, long seed,
                          int queueCapacity, int maxTasksPerTick, int maxCatchUpTicks) {
    public ShardConfig {
        Objects.requireNonNull(gameStart, "gameStart");
        if (tickRateHz < 1 || tickRateHz > 1000) {
            throw new IllegalArgumentException("tick rate must be 1..1000 Hz, was " + tickRateHz);
        }
        if (!(clockRatio > 0) || clockRatio > 1_000_000) {
            throw new IllegalArgumentException("clock ratio must be in (0, 1000000], was " + clockRatio);
        }
        if (queueCapacity < 1 || maxTasksPerTick < 1 || maxCatchUpTicks < 0) {
            throw new IllegalArgumentException("queue capacity and tasks per tick must be positive, catch-up not negative");
        }
    }

    /** 10 Hz; one real second is one game minute; the game starts on 2026-01-01 at 08:00. */
    public static ShardConfig defaults() {
        return new ShardConfig(10, 60.0, Instant.parse("2026-01-01T08:00:00Z"), 20260101L, 65_536, 20_000, 10);
    }

    public Duration tickPeriod() {
        return Duration.ofNanos(1_000_000_000L / tickRateHz);
    }

    public ShardConfig withTickRate(int hz) {
        return new ShardConfig(hz, clockRatio, gameStart, seed, queueCapacity, maxTasksPerTick, maxCatchUpTicks);
    }

    public ShardConfig withClockRatio(double ratio) {
        return new ShardConfig(tickRateHz, ratio, gameStart, seed, queueCapacity, maxTasksPerTick, maxCatchUpTicks);
    }

    public ShardConfig withSeed(long s) {
        return new ShardConfig(tickRateHz, clockRatio, gameStart, s, queueCapacity, maxTasksPerTick, maxCatchUpTicks);
    }

    public ShardConfig withQueueCapacity(int capacity) {
        return new ShardConfig(tickRateHz, clockRatio, gameStart, seed, capacity, maxTasksPerTick, maxCatchUpTicks);
    }
}
