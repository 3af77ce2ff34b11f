package dev.backline.script;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;

/**
 * Enforces the per-call budget of script hooks. The world thread announces each host-to-guest call; a
 * watchdog thread interrupts a call that has used more than its budget with {@link Context#interrupt},
 * which stops the guest code without destroying the context, so the pack keeps working and the tick goes
 * on.
 *
 * <p>The budget is CPU time of the calling thread, not wall time: on a small machine the JIT compiler
 * threads and the garbage collector can keep the world thread off the CPU for longer than a budget, and
 * that is not the script's doing. A wall-clock backstop (20 times the budget, at least 1 s) still stops a
 * call that somehow makes no progress while off the CPU.
 *
 * <p>The community runtime has no per-context heap limit, so the watchdog also stops every running script
 * call when the JVM heap is nearly full ({@link HeapPressure}): a module allocating without bound is
 * stopped (and quarantined by its generation) before the JVM runs out of memory.
 */
final class ScriptWatchdog implements AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.script");
    private static final long CHECK_INTERVAL_NANOS = 2_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final class Call {
        final Context context;
        final long threadId;
        final long budgetNanos;
        final long startedNanos = System.nanoTime();
        long cpuAtFirstCheck = -1;
        boolean done;
        volatile boolean interrupted;
        volatile StopReason reason;

        Call(Context context, long threadId, long budgetNanos) {
            this.context = context;
            this.threadId = threadId;
            this.budgetNanos = budgetNanos;
        }
    }

    private final Thread thread;
    private final HeapPressure heap = new HeapPressure();
    private final boolean cpuTimeSupported;
    // The world thread runs handlers while a reload may evaluate a new generation on another thread.
    private final Map<Long, Call> active = new ConcurrentHashMap<>();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final ThreadLocal<StopReason[]> lastStop = ThreadLocal.withInitial(() -> new StopReason[1]);
    private volatile boolean running = true;

    ScriptWatchdog() {
        cpuTimeSupported = THREADS.isThreadCpuTimeSupported();
        if (cpuTimeSupported && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        // As high as the world thread it watches: a busy CPU must not delay stopping a runaway script.
        thread = Thread.ofPlatform().name("script-watchdog").daemon(true).priority(Thread.MAX_PRIORITY).unstarted(this::watch);
        thread.start();
    }

    /**
     * Runs {@code body} under the budget. Nested calls on the same thread (a script calling the host
     * calling a script) count against the outermost call's budget.
     */
    <T> T guard(Context context, Duration budget, Supplier<T> body) {
        int[] d = depth.get();
        Call call = null;
        if (d[0]++ == 0) {
            long id = Thread.currentThread().threadId();
            call = new Call(context, id, budget.toNanos());
            active.put(id, call);
        }
        try {
            return body.get();
        } finally {
            if (--d[0] == 0 && call != null) {
                // Under the call's lock, so an interrupt decided for this call has landed before the next starts.
                synchronized (call) {
                    call.done = true;
                }
                active.remove(call.threadId, call);
                lastStop.get()[0] = call.interrupted ? call.reason : null;
            }
        }
    }

    /** Why the watchdog stopped the last outermost call of the calling thread, or null if it did not. */
    StopReason lastCallStopped() {
        return lastStop.get()[0];
    }

    enum StopReason { BUDGET, MEMORY }

    private void watch() {
        while (running) {
            LockSupport.parkNanos(CHECK_INTERVAL_NANOS);
            if (active.isEmpty()) {
                continue;
            }
            boolean heapCritical = heap.critical();
            boolean stoppedForMemory = false;
            for (Call call : active.values()) {
                StopReason reason = heapCritical ? StopReason.MEMORY : overBudget(call) ? StopReason.BUDGET : null;
                if (!call.interrupted && reason != null) {
                    synchronized (call) {
                        if (!call.done) {
                            call.interrupted = true;
                            call.reason = reason;
                            interrupt(call);
                            stoppedForMemory |= reason == StopReason.MEMORY;
                        }
                    }
                }
            }
            if (stoppedForMemory) {
                // What the stopped script held is garbage now; collect it so the next call does not find the
                // heap (and the after-collection figures) still looking full and get stopped for nothing.
                System.gc();
            }
        }
    }

    private boolean overBudget(Call call) {
        long wall = System.nanoTime() - call.startedNanos;
        if (wall > Math.max(1_000_000_000L, call.budgetNanos * 20)) {
            return true;
        }
        if (!cpuTimeSupported) {
            return wall > call.budgetNanos;
        }
        long cpu = THREADS.getThreadCpuTime(call.threadId);
        if (call.cpuAtFirstCheck < 0) {
            // Sampled here rather than by the world thread, which keeps the cost off every script call; the
            // call may have run up to one check interval before this, so the budget errs on the generous side.
            call.cpuAtFirstCheck = cpu;
            return false;
        }
        return cpu - call.cpuAtFirstCheck > call.budgetNanos;
    }

    private void interrupt(Call call) {
        try {
            call.context.interrupt(Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            LOG.log(Level.ERROR, "a script ran past its budget and did not stop within 5 s of being interrupted");
        } catch (RuntimeException e) {
            // The context may have been closed between the check and the interrupt.
            LOG.log(Level.DEBUG, "interrupting a script failed: " + e);
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
