package dev.backline.script;

/**
 * Calls, faults, CPU time and heap allocation of one hook (a command, an event handler, a timer) of one
 * generation. Allocation is what the world thread allocated during the calls, engine work on the hook's behalf
 * included (views it built, events it sent).
 */
public record HookStats(String hook, long calls, long faults, long timeouts, long cpuNanos, long maxCpuNanos,
                        long allocatedBytes) {
    HookStats plus(long cpu, long allocated, boolean fault, boolean timeout) {
        return new HookStats(hook, calls + 1, faults + (fault ? 1 : 0), timeouts + (timeout ? 1 : 0), cpuNanos + cpu,
                Math.max(maxCpuNanos, cpu), allocatedBytes + allocated);
    }
}
