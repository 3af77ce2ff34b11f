package dev.backline.persist;

import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import dev.backline.world.Entity;
import dev.backline.world.EntitySnapshot;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The world thread's part of a flush alone, without a database or writer thread beside it: change 10,000
 * player-like entities, take the batch, repeat. Prints wall and CPU time of the changes and of the capture,
 * so a change to the hand-over can be judged on a busy machine (CPU time is what the world thread itself
 * spends). For comparison it also runs, in alternate rounds, the way it was done before November 2026 (a
 * set of changed ids, each looked up again and indexed into a map on the world thread), rebuilt here on the
 * same world. Not a test; run it by hand (class path as for {@link FlushBenchmark}):
 *
 * <pre>
 * java -cp ... dev.backline.persist.HandoverBenchmark [entities] [rounds]
 * </pre>
 */
public final class HandoverBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private HandoverBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Shard shard = new Shard(ShardConfig.defaults());
        EntityId room = EntityId.of("bench:room");
        shard.world().create(EntitySpec.of(room, "room"));
        EntityId[] ids = new EntityId[count];
        for (int i = 0; i < count; i++) {
            ids[i] = EntityId.of("bench:e" + i);
            shard.world().create(EntitySpec.of(ids[i], "player").withContainer(room).withTags(Set.of("musician"))
                    .withProperty("name", "Player " + i).withProperty("xp", i).withProperty("burnout", 0.25)
                    .withProperty("skills", Map.of("guitar", 3, "vocals", 1))
                    .withProperty("inventory", List.of("item:pick-" + i, "item:cable-" + i)));
        }
        long[][] now = new long[3][rounds];
        long[][] before = new long[3][rounds];
        long rows = 0;
        for (int round = -rounds; round < rounds; round++) { // the first half warms up
            boolean old = (round & 1) != 0;
            long[][] into = old ? before : now;
            Set<EntityId> dirtyIds = new LinkedHashSet<>();
            long changeCpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                shard.world().setProperty(ids[i], "xp", round * 1_000L + i);
                if (old) {
                    dirtyIds.add(ids[i]);
                }
            }
            changeCpu = THREADS.getCurrentThreadCpuTime() - changeCpu;
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            rows += old ? oldCapture(shard, dirtyIds).size() : ShardCapture.take(shard).rows();
            long took = System.nanoTime() - started;
            long cpuTook = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            if (old) {
                shard.world().drainChanges();
            }
            if (round >= 0) {
                into[0][round / 2] = took;
                into[1][round / 2] = cpuTook;
                into[2][round / 2] = changeCpu;
            }
        }
        for (int i = 0; i < 2; i++) {
            long[][] r = i == 0 ? now : before;
            String label = i == 0 ? "now" : "before";
            report(label + ": capture, wall", trim(r[0]));
            report(label + ": capture, CPU", trim(r[1]));
            report(label + ": changing 10,000, CPU", trim(r[2]));
        }
        System.out.println("(" + rows + " rows taken)");
    }

    /** The hand-over as it was: ids marked in a set on every change, looked up and indexed at the flush. */
    private static Map<EntityId, EntitySnapshot> oldCapture(Shard shard, Set<EntityId> dirty) {
        Map<EntityId, EntitySnapshot> changed = new HashMap<>((int) (dirty.size() / 0.75f) + 1);
        for (EntityId id : dirty) {
            Optional<Entity> entity = shard.world().find(id);
            entity.ifPresent(e -> changed.put(id, e.snapshot()));
        }
        return changed;
    }

    private static long[] trim(long[] values) {
        return Arrays.copyOf(values, values.length / 2);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-30s median %.3f ms, p90 %.3f ms, p99 %.3f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.9)] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
