package dev.backline.tools.bench.rules;

import com.sun.management.ThreadMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code bench rules --probe FILE}: a rule module (exporting {@code seed}, {@code stepAll} and {@code checksum} as
 * {@code rule.js} does) alone in a plain context, timed and weighed without JMH: 150 rounds of 100 steps over
 * 10,000 entities, the median and the fastest of the last 15 rounds, and the bytes the thread allocated per entity
 * per step. Quick enough to try a way of writing a rule; the allocation shows when GraalJS boxes numbers.
 */
final class RuleProbe {
    private static final int ENTITIES = 10_000;
    private static final int ROUNDS = 150;
    private static final int MEASURED = 15;
    private static final int STEPS = 100;

    private RuleProbe() {
    }

    static void run(String source, String name, boolean sharedEngine, PrintWriter out) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] ns = new double[MEASURED];
        double bytes = 0;
        try (BareRule rule = new BareRule(source, sharedEngine, ENTITIES)) {
            for (int round = 0; round < ROUNDS; round++) {
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long started = System.nanoTime();
                for (int step = 0; step < STEPS; step++) {
                    rule.tick();
                }
                long elapsed = System.nanoTime() - started;
                int measured = round - (ROUNDS - MEASURED);
                if (measured >= 0) {
                    ns[measured] = elapsed / (double) (STEPS * ENTITIES);
                    bytes += (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) (STEPS * ENTITIES);
                }
            }
        }
        Arrays.sort(ns);
        out.printf(Locale.ROOT, "%s on %s engine: %.2f ns per entity (fastest round %.2f), %.1f bytes allocated per "
                + "entity per step; %d entities, median of the last %d of %d rounds of %d steps%n", name,
                sharedEngine ? "a shared" : "its own", ns[MEASURED / 2], ns[0], bytes / MEASURED, ENTITIES, MEASURED,
                ROUNDS, STEPS);
    }
}
