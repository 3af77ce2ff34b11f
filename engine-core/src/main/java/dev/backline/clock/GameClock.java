package dev.backline.clock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Game time. It moves only when the tick loop advances it, by the tick's real length times the ratio, so
 * game time is a pure function of the tick count: tests and replays need no sleeping and no wall clock.
 *
 * <pre>{@code GameClock clock = GameClock.startingAt(Instant.parse("2026-01-01T08:00:00Z"), 60); // 1 real s = 1 game min}</pre>
 */
public final class GameClock {
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);

    private final double ratio;
    // The ratio as the decimal it was written as (0.1, not the binary double just below it), so that game
    // time is exact however many ticks it took: adding per-tick fractions in doubles drifts a millisecond
    // behind within a few thousand ticks.
    private final BigDecimal exactRatio;
    private long baseMillis;
    private long realNanos;
    private long gameMillis;

    private GameClock(long gameMillis, double ratio) {
        if (!(ratio > 0) || ratio > 1_000_000) {
            throw new IllegalArgumentException("clock ratio must be in (0, 1000000], was " + ratio);
        }
        this.baseMillis = gameMillis;
        this.gameMillis = gameMillis;
        this.ratio = ratio;
        this.exactRatio = BigDecimal.valueOf(ratio);
    }

    public static GameClock startingAt(Instant gameStart, double ratio) {
        return new GameClock(gameStart.toEpochMilli(), ratio);
    }

    /** Game time as epoch milliseconds. */
    public long nowMillis() {
        return gameMillis;
    }

    public Instant now() {
        return Instant.ofEpochMilli(gameMillis);
    }

    public double ratio() {
        return ratio;
    }

    /**
     * Moves game time on by {@code realElapsed} times the ratio.
     *
     * @throws IllegalArgumentException if {@code realElapsed} is negative
     */
    public void advanceReal(Duration realElapsed) {
        if (realElapsed.isNegative()) {
            throw new IllegalArgumentException("game time cannot go backwards, was " + realElapsed);
        }
        realNanos = Math.addExact(realNanos, realElapsed.toNanos());
        long sinceBase = BigDecimal.valueOf(realNanos).multiply(exactRatio)
                .divide(NANOS_PER_MILLI, 0, RoundingMode.FLOOR).longValueExact();
        gameMillis = baseMillis + sinceBase;
    }

    /**
     * Sets game time to {@code gameMillis}, as persisted by a previous run, so a restart continues the
     * calendar instead of starting it over. Before the world thread starts only.
     */
    public void resumeAt(long gameMillis) {
        this.baseMillis = gameMillis;
        this.gameMillis = gameMillis;
        this.realNanos = 0;
    }

    /** Moves game time on directly, for tests and tools that skip ahead ("advance three days"). */
    public void advanceGame(Duration gameElapsed) {
        if (gameElapsed.isNegative()) {
            throw new IllegalArgumentException("game time cannot go backwards");
        }
        baseMillis += gameElapsed.toMillis();
        gameMillis += gameElapsed.toMillis();
    }
}
