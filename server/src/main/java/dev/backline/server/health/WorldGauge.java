package dev.backline.server.health;

import dev.backline.shard.Shard;

/**
 * Numbers about a running shard that other threads may read. The world thread publishes the ones only it
 * may touch (the online count) at the end of every tick.
 */
public final class WorldGauge {
    private final Shard shard;
    private volatile int players;

    private WorldGauge(Shard shard) {
        this.shard = shard;
    }

    /**
     * Starts publishing. The hook is registered from a world task because the shard's hook list belongs to
     * the world thread, which is already running.
     *
     * @throws IllegalStateException if the world's queue is full
     */
    public static WorldGauge install(Shard shard) {
        WorldGauge gauge = new WorldGauge(shard);
        boolean accepted = shard.submit(s -> s.afterEachTick(() -> gauge.players = s.sessions().count()));
        if (!accepted) {
            throw new IllegalStateException("the world's task queue is full; cannot start the server");
        }
        return gauge;
    }

    /** Ticks completed so far. */
    public long tick() {
        return shard.stats().ticks();
    }

    /** Players online as of the last completed tick. */
    public int players() {
        return players;
    }

    /** Tasks waiting for the world thread. */
    public int queueDepth() {
        return shard.queueDepth();
    }
}
