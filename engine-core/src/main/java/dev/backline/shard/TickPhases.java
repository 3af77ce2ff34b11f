package dev.backline.shard;

/**
 * Where the last tick's time went, phase by phase, so an overrun can say what made the tick long (a swap, a
 * slow command, the timers and jobs, the tick's listeners, the hand-over to persistence). World thread only.
 */
public final class TickPhases {
    private long control;
    private long tasks;
    private int tasksRun;
    private long longestTask;
    private long timers;
    private long tickEvent;
    private long afterTick;

    void reset() {
        control = tasks = longestTask = timers = tickEvent = afterTick = 0;
        tasksRun = 0;
    }

    void control(long nanos) {
        control = nanos;
    }

    void tasks(long nanos, int run) {
        tasks = nanos;
        tasksRun = run;
    }

    void task(long nanos) {
        longestTask = Math.max(longestTask, nanos);
    }

    void timers(long nanos) {
        timers = nanos;
    }

    void tickEvent(long nanos) {
        tickEvent = nanos;
    }

    void afterTick(long nanos) {
        afterTick = nanos;
    }

    /** In the tick's order, e.g. {@code control 0 ms, timers 31 ms, tick event 2 ms, 12 tasks 48 ms (longest 20 ms), after tick 3 ms}. */
    public String describe() {
        return "control " + ms(control) + " ms, timers " + ms(timers) + " ms, tick event " + ms(tickEvent) + " ms, "
                + tasksRun + " tasks " + ms(tasks) + " ms (longest " + ms(longestTask) + " ms), after tick " + ms(afterTick) + " ms";
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
