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
 */
public final class Timers {
    /** A repeating timer fires at most this often per tick when game time jumps far ahead. */
    static final int MAX_CATCH_UP_PER_TICK = 1_000;

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
