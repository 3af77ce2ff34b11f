package dev.backline.shard;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The bounded queue between network threads and the world thread. Producers never block: when it is
 * full, {@link #offer} says no and the caller answers its client with an error.
 */
public final class TaskQueue {
    private final ArrayBlockingQueue<WorldTask> queue;
    private final int capacity;

    public TaskQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    public boolean offer(WorldTask task) {
        return queue.offer(task);
    }

    /** Hands at most {@code max} tasks to {@code runner}, oldest first; returns how many. */
    public int drain(int max, Consumer<WorldTask> runner) {
        return drain(max, max, task -> true, runner);
    }

    /**
     * Like {@link #drain(int, Consumer)}, but after the first {@code mustRun} tasks starts the next (oldest)
     * one only if {@code mayStart} says so for it (whether it fits a tick's budget, or before the next tick);
     * if not, it stops there, so tasks still run in the order they came. One consumer only.
     */
    public int drain(int max, int mustRun, Predicate<WorldTask> mayStart, Consumer<WorldTask> runner) {
        int n = 0;
        WorldTask task;
        while (n < max && (task = queue.peek()) != null && (n < mustRun || mayStart.test(task))) {
            queue.poll();
            runner.accept(task);
            n++;
        }
        return n;
    }

    public int depth() {
        return queue.size();
    }

    public int capacity() {
        return capacity;
    }
}
