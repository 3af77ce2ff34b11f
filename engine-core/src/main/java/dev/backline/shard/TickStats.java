package dev.backline.shard;

import java.util.concurrent.atomic.AtomicLong;

/** Tick counters written by the world thread and readable from any thread (health, metrics). */
public final class TickStats {
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong gcOverruns = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private volatile long lastTickNanos;
    private volatile long maxTickNanos;

    void recordTick(long nanos) {
        ticks.incrementAndGet();
        lastTickNanos = nanos;
        if (nanos > maxTickNanos) {
            maxTickNanos = nanos;
        }
    }

    /** @param byGc whether the tick would have fit its period but for garbage-collection pauses within it */
    void recordOverrun(boolean byGc) {
        overruns.incrementAndGet();
        if (byGc) {
            gcOverruns.incrementAndGet();
        }
    }

    void recordLate() {
        late.incrementAndGet();
    }

    void recordSkipped(long n) {
        skipped.addAndGet(n);
    }

    void recordDeferred(long tasks) {
        deferred.addAndGet(tasks);
    }

    void recordFailure() {
        failures.incrementAndGet();
    }

    public long ticks() {
        return ticks.get();
    }

    /** Ticks that took longer than the tick period. */
    public long overruns() {
        return overruns.get();
    }

    /**
     * Of the {@link #overruns()}, those that would have fit their period but for the JVM's garbage-collection
     * pauses within them: the collector's doing, not the world's work.
     */
    public long gcOverruns() {
        return gcOverruns.get();
    }

    /**
     * Ticks that ended after their slot in the fixed-rate schedule: every overrun, and also a short tick that
     * started late (behind a long task between ticks, a pause, a starved thread). The strictest count of ticks
     * the world missed.
     */
    public long lateTicks() {
        return late.get();
    }

    /** Ticks dropped because the loop fell further behind than its catch-up bound (each one logged). */
    public long skipped() {
        return skipped.get();
    }

    /** Tasks, listeners and timers that threw; each was logged and the tick went on. */
    public long failures() {
        return failures.get();
    }

    /**
     * Tasks a tick found waiting but left for the next one, its task budget spent: counted once per tick they
     * waited through, so a rising count means the world is behind its commands (latency grows, ticks do not).
     */
    public long deferredTasks() {
        return deferred.get();
    }

    public long lastTickNanos() {
        return lastTickNanos;
    }

    public long maxTickNanos() {
        return maxTickNanos;
    }
}
