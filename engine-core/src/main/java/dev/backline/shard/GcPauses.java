package dev.backline.shard;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM's garbage-collection pause time so far, so the tick loop can tell an overrun the world caused from
 * one the collector caused (a pause stops the world thread wherever it is). Only the collectors that stop
 * the application count: G1's concurrent cycle and ZGC's cycles run beside it.
 */
final class GcPauses {
    private final List<GarbageCollectorMXBean> pausing = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(gc -> !gc.getName().contains("Concurrent") && !gc.getName().contains("Cycles"))
            .toList();

    /** Milliseconds of pauses since the JVM started (the beans' resolution). */
    long totalMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : pausing) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
