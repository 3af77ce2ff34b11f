package dev.backline.script.testing;

import dev.backline.random.GameRandom;
import java.util.function.LongSupplier;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * What the test prelude needs from the host to make {@code Math.random()} and {@code Date} of test code
 * deterministic: the test's own seeded random sequence (separate from the world's, so what a test draws
 * does not change what the pack draws) and the game clock of the test's world.
 */
public final class TestContextHost {
    private final GameRandom random;
    private volatile LongSupplier clock;

    TestContextHost(long seed, LongSupplier clock) {
        this.random = GameRandom.seeded(seed);
        this.clock = clock;
    }

    void useClock(LongSupplier gameMillis) {
        this.clock = gameMillis;
    }

    @Export
    public double random() {
        return random.nextDouble();
    }

    @Export
    public double now() {
        return clock.getAsLong();
    }
}
