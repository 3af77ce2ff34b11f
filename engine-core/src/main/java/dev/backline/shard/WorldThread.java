package dev.backline.shard;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Drives a {@link Shard} at a fixed rate on one platform thread. Between ticks it runs the tasks a tick left
 * waiting (see {@link Shard#runBacklog}), so a world behind its commands loses no time. A tick that overruns its period is
 * counted and logged; the loop then runs the next ticks back to back to catch up, up to the shard's
 * catch-up bound. Further behind than that, it drops the backlog, counts and logs how many ticks it
 * skipped (game time then runs slow rather than lurching forward).
 */
public final class WorldThread implements AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.tick");
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final Shard shard;
    private final Thread thread;
    private final Set<CompletableFuture<?>> pendingCalls = ConcurrentHashMap.newKeySet();
    private final GcPauses gcPauses = new GcPauses();
    private volatile boolean running = true;
    private long lastOverrunLog;
    private long overrunsSinceLog;

    private WorldThread(Shard shard, String name) {
        this.shard = shard;
        // The tick must not wait behind the JIT's compiler threads, a pack being built or the network: where
        // the JVM maps Java priorities to the OS (the launcher's -XX:ThreadPriorityPolicy=1, as root), this
        // gives the world thread about three times a normal thread's share of a busy CPU.
        this.thread = Thread.ofPlatform().name(name).daemon(false).priority(Thread.MAX_PRIORITY).unstarted(this::loop);
    }

    public static WorldThread start(Shard shard, String name) {
        WorldThread wt = create(shard, name);
        wt.startTicking();
        return wt;
    }

    /**
     * A world thread that does not tick yet: what is submitted meanwhile waits for {@link #startTicking()}.
     * The server starts listening with one while the packs still load.
     */
    public static WorldThread create(Shard shard, String name) {
        return new WorldThread(shard, name);
    }

    public void startTicking() {
        thread.start();
    }

    /**
     * Runs {@code query} on the world thread at the next tick and completes with its result. Fails at once
     * if the queue is full, and fails rather than waiting forever if the thread has stopped.
     */
    public <T> CompletableFuture<T> call(Function<Shard, T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // Registered before checking running: either the check sees the stop, or the loop's exit fails it.
        pendingCalls.add(result);
        result.whenComplete((value, error) -> pendingCalls.remove(result));
        if (!running) {
            result.completeExceptionally(stopped());
            return result;
        }
        boolean accepted = shard.submit(s -> {
            try {
                result.complete(query.apply(s));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        if (!accepted) {
            result.completeExceptionally(new IllegalStateException("the world's task queue is full"));
        }
        return result;
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    private void loop() {
        try {
            runTicks();
        } finally {
            pendingCalls.forEach(f -> f.completeExceptionally(stopped()));
        }
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("the world thread has stopped");
    }

    private void runTicks() {
        long period = shard.config().tickPeriod().toNanos();
        long maxBehind = period * (shard.config().maxCatchUpTicks() + 1L);
        long deadline = System.nanoTime() + period;
        while (running) {
            long started = System.nanoTime();
            long gcBefore = gcPauses.totalMillis();
            try {
                shard.tick();
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.ERROR, "tick failed outside any handler: " + e, e);
            }
            long finished = System.nanoTime();
            if (finished - started > period) {
                long gcNanos = (gcPauses.totalMillis() - gcBefore) * 1_000_000;
                shard.stats().recordOverrun(finished - started - gcNanos <= period);
                logOverrun(finished, finished - started, gcNanos, period);
            }
            long behind = finished - deadline;
            if (behind > 0) {
                shard.stats().recordLate();
            }
            if (behind > maxBehind) {
                long skipped = behind / period;
                shard.stats().recordSkipped(skipped);
                LOG.log(Level.WARNING, "the world is " + (behind / 1_000_000)
                        + " ms behind; skipping " + skipped + " ticks (game time runs slow)");
                deadline = finished + period;
                continue;
            }
            long now;
            while (running && (now = System.nanoTime()) < deadline) {
                // A tick that spent its task budget left commands waiting: work on them until the next tick is
                // due rather than idle.
                if (shard.runBacklog(deadline) == 0) {
                    LockSupport.parkNanos(deadline - now);
                }
            }
            deadline += period;
        }
    }

    private void logOverrun(long now, long took, long gcPaused, long period) {
        overrunsSinceLog++;
        if (now - lastOverrunLog >= LOG_INTERVAL_NANOS) {
            LOG.log(Level.WARNING, "overran: took " + took / 1_000_000 + " ms of a " + period / 1_000_000
                    + " ms period, " + gcPaused / 1_000_000 + " ms of it garbage-collection pauses; "
                    + shard.lastTickPhases().describe() + " (" + overrunsSinceLog + " overruns since the last report)");
            lastOverrunLog = now;
            overrunsSinceLog = 0;
        }
    }

    /** Stops after the current tick and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            pendingCalls.forEach(f -> f.completeExceptionally(stopped()));
            return;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
