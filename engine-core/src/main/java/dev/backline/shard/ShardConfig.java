package dev.backline.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How one shard runs: tick rate, game-clock ratio and start, RNG seed, queue bounds, the share of a tick
 * that queued tasks may use, and how far behind the loop catches up.
 *
 * @param taskBudgetPercent the part of the tick period within which a tick starts queued tasks; what is still
 *                          waiting after it runs between ticks, so ticks stay on time under a load the world
 *                          cannot keep up with and only the commands' latency grows; 100 turns the budget off
 *                          (every task that waited when the tick began runs in it, however long)
 */
public record ShardConfig(int tickRateHz, double clockRatio, Instant gameStart, long seed,
                          int queueCapacity, int maxTasksPerTick, int maxCatchUpTicks, int taskBudgetPercent) {
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
        if (taskBudgetPercent < 1 || taskBudgetPercent > 100) {
            throw new IllegalArgumentException("task budget must be 1..100 percent of the tick, was " + taskBudgetPercent);
        }
    }

    /**
     * 10 Hz; one real second is one game minute; the game starts on 2026-01-01 at 08:00; no task budget, so a
     * tick's work does not depend on how fast the machine is (tests tick shards by hand). The server's
     * configuration turns the budget on.
     */
    public static ShardConfig defaults() {
        return new ShardConfig(10, 60.0, Instant.parse("2026-01-01T08:00:00Z"), 20260101L, 65_536, 20_000, 10, 100);
    }

    public boolean hasTaskBudget() {
        return taskBudgetPercent < 100;
    }

    public Duration tickPeriod() {
        return Duration.ofNanos(1_000_000_000L / tickRateHz);
    }

    /** How long into a tick queued tasks may still start (the whole period: no budget, see above). */
    public Duration taskBudget() {
        return tickPeriod().multipliedBy(taskBudgetPercent).dividedBy(100);
    }

    public ShardConfig withTickRate(int hz) {
        return new ShardConfig(hz, clockRatio, gameStart, seed, queueCapacity, maxTasksPerTick, maxCatchUpTicks, taskBudgetPercent);
    }

    public ShardConfig withClockRatio(double ratio) {
        return new ShardConfig(tickRateHz, ratio, gameStart, seed, queueCapacity, maxTasksPerTick, maxCatchUpTicks, taskBudgetPercent);
    }

    public ShardConfig withSeed(long s) {
        return new ShardConfig(tickRateHz, clockRatio, gameStart, s, queueCapacity, maxTasksPerTick, maxCatchUpTicks, taskBudgetPercent);
    }

    public ShardConfig withQueueCapacity(int capacity) {
        return new ShardConfig(tickRateHz, clockRatio, gameStart, seed, capacity, maxTasksPerTick, maxCatchUpTicks, taskBudgetPercent);
    }

    public ShardConfig withTaskBudgetPercent(int percent) {
        return new ShardConfig(tickRateHz, clockRatio, gameStart, seed, queueCapacity, maxTasksPerTick, maxCatchUpTicks, percent);
    }
}
