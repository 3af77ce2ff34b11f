package dev.backline.script;

/** Calls, faults and CPU time of one hook (a command, an event handler, a timer) of one generation. */
public record HookStats(String hook, long calls, long faults, long timeouts, long cpuNanos, long maxCpuNanos) {
    HookStats plus(long cpu, boolean fault, boolean timeout) {
        return new HookStats(hook, calls + 1, faults + (fault ? 1 : 0), timeouts + (timeout ? 1 : 0), cpuNanos + cpu,
                Math.max(maxCpuNanos, cpu));
    }
}
