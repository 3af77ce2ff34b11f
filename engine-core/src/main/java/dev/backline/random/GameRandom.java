package dev.backline.random;

/**
 * The engine's seeded random numbers (SplitMix64). Its whole state is one {@code long}, so it can be
 * persisted and restored, and a replay with the same seed draws the same numbers.
 *
 * <pre>{@code GameRandom rng = GameRandom.seeded(42); double roll = rng.nextDouble();}</pre>
 */
public final class GameRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long state;

    private GameRandom(long state) {
        this.state = state;
    }

    public static GameRandom seeded(long seed) {
        return new GameRandom(seed);
    }

    public long state() {
        return state;
    }

    /** Continues from a {@link #state()} saved earlier, e.g. by a previous run of the server. */
    public void resume(long savedState) {
        this.state = savedState;
    }

    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). @throws IllegalArgumentException if bound is not positive */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }
}
