package dev.backline.script;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Tells when the JVM heap is nearly full, so the watchdog can stop the script that is filling it. The
 * community GraalJS runtime has no heap limit per context; this is the guard instead. The threshold is a
 * fraction of the maximum heap ({@code backline.script.heapLimit}, default 0.90). The heap is critical
 * when both the heap in use now and what the last garbage collections left alive are above it: the first
 * alone would also count garbage a collection is about to free, and a healthy server would see scripts
 * stopped for nothing.
 */
final class HeapPressure {
    static final double DEFAULT_LIMIT = 0.90;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
            .toList();
    private final double limit;

    HeapPressure() {
        this(Double.parseDouble(System.getProperty("backline.script.heapLimit", String.valueOf(DEFAULT_LIMIT))));
    }

    HeapPressure(double limit) {
        if (!(limit > 0.1 && limit < 1.0)) {
            throw new IllegalArgumentException("backline.script.heapLimit must be between 0.1 and 1.0, was " + limit);
        }
        this.limit = limit;
    }

    /** Whether used heap is above the limit (cheap enough to ask every few milliseconds). */
    boolean critical() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        if (heap.getUsed() <= max * limit) {
            return false;
        }
        long liveAfterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null) {
                liveAfterGc += after.getUsed();
            }
        }
        return heapPools.isEmpty() || liveAfterGc > max * limit;
    }
}
