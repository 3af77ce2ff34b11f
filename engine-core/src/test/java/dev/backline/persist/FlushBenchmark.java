package dev.backline.persist;

import dev.backline.persist.postgres.Database;
import dev.backline.persist.postgres.DatabaseConfig;
import dev.backline.persist.postgres.EmbeddedServer;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.testing.Await;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The flush benchmark of docs/benchmarks.md: 10,000 dirty entities per flush against the embedded PostgreSQL
 * with production settings (fsync on). Prints the world thread's hand-over time (wall clock, and the world
 * thread's CPU time, which a busy machine disturbs less) and the writer's write time.
 * Not a test; run it by hand:
 *
 * <pre>
 * ./mvnw -q -pl engine-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp engine-core/target/test-classes:engine-core/target/classes:$(cat engine-core/target/cp.txt) \
 *     dev.backline.persist.FlushBenchmark [entities] [rounds]
 * </pre>
 */
public final class FlushBenchmark {
    private FlushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entities = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("backline-bench");
        EmbeddedServer pg = EmbeddedServer.start(dir.resolve("postgres"), true);
        try (Database db = Database.open(DatabaseConfig.at(pg.jdbcUrl(), EmbeddedServer.USER, ""), dir)) {
            run(db, entities, rounds);
        } finally {
            pg.stop();
            TestDatabase.deleteTree(dir);
        }
    }

    private static void run(Database db, int count, int rounds) {
        Shard shard = new Shard(ShardConfig.defaults());
        AtomicLong now = new AtomicLong();
        WriteBehind persistence = WriteBehind.start(shard, db.worldStore(), WriteBehindConfig.defaults(), now::get);
        shard.world().create(EntitySpec.of(EntityId.of("bench:room"), "room"));
        for (int i = 0; i < count; i++) {
            shard.world().create(EntitySpec.of(EntityId.of("bench:e" + i), "player")
                    .withContainer(EntityId.of("bench:room"))
                    .withTags(java.util.Set.of("musician"))
                    .withProperty("name", "Player " + i)
                    .withProperty("xp", i)
                    .withProperty("burnout", 0.25)
                    .withProperty("skills", Map.of("guitar", 3, "vocals", 1))
                    .withProperty("inventory", List.of("item:pick-" + i, "item:cable-" + i)));
        }
        List<Long> handover = new ArrayList<>();
        List<Long> handoverCpu = new ArrayList<>();
        List<Long> write = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round <= rounds; round++) {
            for (int i = 0; i < count; i++) {
                shard.world().setProperty(EntityId.of("bench:e" + i), "xp", round * 1_000 + i);
            }
            long flushesBefore = persistence.stats().flushes();
            now.addAndGet(1_000_000_000L);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            shard.tick(); // nothing else to do in this tick: its CPU time is the hand-over's
            long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            Await.until("flush " + round, () -> persistence.stats().flushes() > flushesBefore);
            if (round > 0) { // the first round warms the JIT and the database up
                handover.add(persistence.stats().lastHandoverNanos());
                handoverCpu.add(cpu);
                write.add(persistence.stats().lastWriteNanos());
            }
        }
        persistence.close();
        System.out.println(db.description());
        report("world thread hand-over", handover, count);
        report("  its CPU time (the tick's)", handoverCpu, count);
        report("writer: write in one transaction", write, count);
    }

    private static void report(String what, List<Long> nanos, int rows) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = sorted[sorted.length / 2];
        long p95 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
        System.out.printf("%-34s %,d rows: median %.2f ms, p95 %.2f ms, max %.2f ms (%,.0f rows/s at the median)%n",
                what, rows, median / 1e6, p95 / 1e6, sorted[sorted.length - 1] / 1e6, rows / (median / 1e9));
        System.out.println("  all: " + Arrays.toString(Arrays.stream(sorted).mapToObj(n -> String.format("%.1f", n / 1e6)).toArray()));
    }
}
