package dev.backline.script;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What the current thread has used so far, read before and after a hook's call: CPU time, and the bytes it has
 * allocated on the heap. A numeric rule that allocates in proportion to its entities is boxing numbers (the
 * scripting guide, "Numbers in a hot loop"); the per-hook sum makes that visible in the metrics and the admin API.
 */
final class ThreadMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** HotSpot's extension, which counts allocation; null on a JVM without it, where allocation reads as 0. */
    private static final com.sun.management.ThreadMXBean ALLOCATION =
            THREADS instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()
                    ? hotspot : null;

    private ThreadMeter() {
    }

    static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static long allocatedBytes() {
        return ALLOCATION == null ? 0 : Math.max(0, ALLOCATION.getCurrentThreadAllocatedBytes());
    }
}
