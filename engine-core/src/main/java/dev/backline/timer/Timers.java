package dev.backline.timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * One-shot and repeating timers in game time, fired by the world thread when the clock passes their due
 * time, in due order (ties in scheduling order). A task that throws is handed to the failure handler and
 * the other timers still fire.
 *
 * <p>It remembers up to which game time it has fired ({@link #firedThrough()}); persisted with the shard,
 * that lets {@link #everyAligned} schedules continue across a restart or a reload without repeating or
 * skipping a moment.
 */
public final class Timers {
    /** A repeating timer fires at most this often per tick when game time jumps far ahead. */
    static final int MAX_CATCH_UP_PER_TICK = 1_000;
    /** {@link #firedThrough()} before anything was fired or resumed. */
    public static final long NOTHING_FIRED = Long.MIN_VALUE;

    private record Scheduled(long id, long dueMillis, long intervalMillis, Runnable task)
            implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int byDue = Long.compare(dueMillis, o.dueMillis);
            return byDue != 0 ? byDue : Long.compare(id, o.id);
        }
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final Map<Long, Scheduled> live = new HashMap<>();
    private final Consumer<RuntimeException> onFailure;
    private long nextId;
    private long firedThrough = NOTHING_FIRED;

    public Timers(Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
    }

    /** Runs {@code task} once, {@code delay} of game time after {@code nowMillis}. */
    public TimerHandle after(long nowMillis, Duration delay, Runnable task) {
        requireNotNegative(delay);
        return schedule(nowMillis + delay.toMillis(), 0, task);
    }

    /** Runs {@code task} every {@code interval} of game time, the first time one interval from now. */
    public TimerHandle every(long nowMillis, Duration interval, Runnable task) {
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("a repeating timer needs an interval of at least 1 ms, was " + interval);
        }
        return schedule(nowMillis + interval.toMillis(), interval.toMillis(), task);
    }

    /** Runs {@code task} once at game time {@code dueMillis} (at the next firing if that has passed). */
    public TimerHandle at(long dueMillis, Runnable task) {
        return schedule(dueMillis, 0, task);
    }

    /**
     * Runs {@code task} every {@code interval} of game time, at whole multiples of the interval counted from
     * the game-time epoch (1970-01-01T00:00Z): a daily timer fires at midnight, an hourly one on the hour.
     * The first time is the first such moment after {@link #firedThrough()} (after {@code nowMillis} when
     * nothing was fired yet), so scheduling it again after a reload or a restart neither repeats a moment
     * that has fired nor skips one that has not.
     */
    public TimerHandle everyAligned(long nowMillis, Duration interval, Runnable task) {
        long step = interval.toMillis();
        if (step <= 0) {
            throw new IllegalArgumentException("a repeating timer needs an interval of at least 1 ms, was " + interval);
        }
        long after = firedThrough == NOTHING_FIRED ? nowMillis : firedThrough;
        return schedule(Math.floorDiv(after, step) * step + step, step, task);
    }

    /**
     * The game time up to which every due timer has fired: the last time {@link #fireDue} was called with,
     * or what {@link #resumeFiredThrough} set. {@link #NOTHING_FIRED} before either.
     */
    public long firedThrough() {
        return firedThrough;
    }

    /**
     * Declares everything due up to {@code millis} as fired: for a new shard (its start time) or one restored
     * from storage (the time persisted with it). Before any timer fires only.
     */
    public void resumeFiredThrough(long millis) {
        firedThrough = millis;
    }

    public boolean cancel(TimerHandle handle) {
        Scheduled s = live.remove(handle.id());
        if (s == null) {
            return false;
        }
        // Not in the queue if it was scheduled during the current fireDue; dropping it from live is enough.
        queue.remove(s);
        return true;
    }

    public int pending() {
        return live.size();
    }

    /**
     * Fires everything due at or before {@code nowMillis}. Timers scheduled while firing wait for the next
     * call, so a task that reschedules itself with no delay cannot hold the world thread forever.
     */
    public void fireDue(long nowMillis) {
        Map<Long, Integer> firedThisTick = new HashMap<>();
        long newestBefore = nextId;
        List<Scheduled> scheduledMeanwhile = new ArrayList<>();
        try {
            while (!queue.isEmpty() && queue.peek().dueMillis() <= nowMillis) {
                Scheduled s = queue.poll();
                if (s.id() > newestBefore) {
                    scheduledMeanwhile.add(s);
                    continue;
                }
                live.remove(s.id());
                if (s.intervalMillis() > 0) {
                    int count = firedThisTick.merge(s.id(), 1, Integer::sum);
                    long nextDue = s.dueMillis() + s.intervalMillis();
                    if (count >= MAX_CATCH_UP_PER_TICK) {
                        nextDue = Math.max(nextDue, nowMillis + s.intervalMillis());
                    }
                    Scheduled next = new Scheduled(s.id(), nextDue, s.intervalMillis(), s.task());
                    queue.add(next);
                    live.put(next.id(), next);
                }
                try {
                    s.task().run();
                } catch (RuntimeException e) {
                    onFailure.accept(e);
                }
            }
        } finally {
            for (Scheduled s : scheduledMeanwhile) {
                if (live.get(s.id()) == s) {
                    queue.add(s);
                }
            }
            firedThrough = Math.max(firedThrough, nowMillis);
        }
    }

    private TimerHandle schedule(long dueMillis, long intervalMillis, Runnable task) {
        Scheduled s = new Scheduled(++nextId, dueMillis, intervalMillis, task);
        queue.add(s);
        live.put(s.id(), s);
        return new TimerHandle(s.id());
    }

    private static void requireNotNegative(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a timer delay cannot be negative, was " + delay);
        }
    }
}
