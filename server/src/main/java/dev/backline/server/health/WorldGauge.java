package dev.backline.server.health;

import dev.backline.shard.Shard;

/**
 * Numbers about a running shard that other threads may read. The world thread publishes the ones only it
 * may touch (the online count, tick count and game time) at the end of every tick.
 */
public final class WorldGauge {
    private final Shard shard;
    private volatile int players;
    private volatile long tick;
    private volatile long gameMillis;

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
        boolean accepted = shard.submit(s -> {
            gauge.publish(s);
            s.afterEachTick(() -> gauge.publish(s));
        });
        if (!accepted) {
            throw new IllegalStateException("the world's task queue is full; cannot start the server");
        }
        return gauge;
    }

    private void publish(Shard s) {
        players = s.sessions().count();
        tick = s.currentTick();
        gameMillis = s.clock().nowMillis();
    }

    /** The shard's tick count as of the last completed tick; it goes on from the stored one after a restart. */
    public long tick() {
        return tick;
    }

    /** Game time (epoch milliseconds) as of the last completed tick. */
    public long gameMillis() {
        return gameMillis;
    }

    /** Ticks this process has run. */
    public long ticksThisRun() {
        return shard.stats().ticks();
    }

    /** Players online as of the last completed tick. */
    public int players() {
        return players;
    }

    /** Ticks that took longer than the tick period since start (the loop caught up after them). */
    public long overruns() {
        return shard.stats().overruns();
    }

    /** Of the overruns, those only garbage-collection pauses within the tick made longer than the period. */
    public long gcOverruns() {
        return shard.stats().gcOverruns();
    }

    /** Ticks since start that ended after their slot in the schedule (overruns and late starts). */
    public long lateTicks() {
        return shard.stats().lateTicks();
    }

    /** Ticks dropped since start because the loop fell further behind than its catch-up bound. */
    public long skippedTicks() {
        return shard.stats().skipped();
    }

    /** Tasks ticks left for the next one since start, their task budget spent (see TickStats). */
    public long deferredTasks() {
        return shard.stats().deferredTasks();
    }

    /** The longest tick since start, in milliseconds. */
    public double maxTickMillis() {
        return shard.stats().maxTickNanos() / 1e6;
    }

    /** Tasks waiting for the world thread. */
    public int queueDepth() {
        return shard.queueDepth();
    }
}
