package dev.backline.tools.bench.npcs;

import dev.backline.script.ScriptLimits;
import dev.backline.script.testing.TestWorld;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.world.EntityColumns;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A shard with {@code npcs} NPC entities (a thousand to a room) whose needs model runs once per tick: by the
 * benchmark's pack through {@code game.columns} ({@link Mode#SCRIPT}), or by its Java twin {@link NpcRule} over
 * the same engine columns, as an after-tick hook ({@link Mode#JAVA}).
 */
final class NpcWorld implements AutoCloseable {
    enum Mode { SCRIPT, JAVA }

    static final ShardConfig SHARD = ShardConfig.defaults();
    /** Game hours one tick stands for. */
    static final double DT_HOURS = SHARD.tickPeriod().toMillis() * SHARD.clockRatio() / 3_600_000.0;
    private static final String[] FILES = {"pack.yaml", "main.js", "needs.js"};
    private static final int PER_ROOM = 1_000;

    private final Path dir;
    private final TestWorld world;
    private EntityColumns javaColumns;

    NpcWorld(Mode mode, int npcs) {
        dir = mode == Mode.SCRIPT ? writePack() : null;
        world = TestWorld.builder()
                .config(SHARD)
                // Above the capacity the job runs far past a handler's usual 50 ms budget; the benchmark measures it.
                .limits(ScriptLimits.defaults().withCallBudget(Duration.ofMinutes(5)).withLoadBudget(Duration.ofMinutes(1)))
                .world(w -> populate(w, npcs))
                .startRoom(room(0))
                .scripts(dir)
                .build();
        if (mode == Mode.JAVA) {
            Shard shard = world.shard();
            javaColumns = shard.world().columns("npc", List.of(NpcRule.PROPS), NpcRule.DEFAULTS);
            shard.afterEachTick(() -> {
                int n = javaColumns.open();
                NpcRule.step(javaColumns, n, DT_HOURS, (int) Math.floor(shard.random().nextDouble() * 0x7fffffff) + 1);
                javaColumns.settle();
            });
        }
    }

    private static EntityId room(int k) {
        return EntityId.of("bench:room-" + k);
    }

    private static void populate(World w, int npcs) {
        int rooms = Math.max(1, (npcs + PER_ROOM - 1) / PER_ROOM);
        for (int k = 0; k < rooms; k++) {
            w.create(EntitySpec.of(room(k), "room").withProperty("name", "Room " + k));
        }
        for (int i = 0; i < npcs; i++) {
            w.create(EntitySpec.of(EntityId.of("npc:%07d".formatted(i)), "npc").withContainer(room(i / PER_ROOM))
                    .withProperties(seed(i)));
        }
    }

    /** Starting needs spread so that every activity and branch of the model is taken from the first tick. */
    static Map<String, Object> seed(int i) {
        return Map.of("energy", 10.0 + (i * 37) % 90, "hunger", (double) ((i * 13) % 90), "mood", 50.0,
                "x", (double) ((i * 7919) % 500), "y", (double) ((i * 104_729) % 500), "heading", (i % 628) / 100.0,
                "activity", (double) (i % 4), "name", "NPC " + i);
    }

    private static Path writePack() {
        try {
            Path root = Files.createTempDirectory("backline-npcs-bench");
            Path pack = Files.createDirectories(root.resolve("npcs-bench"));
            for (String file : FILES) {
                try (InputStream in = NpcWorld.class.getResourceAsStream("pack/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("pack/" + file + " is missing from the tools jar");
                    }
                    Files.copy(in, pack.resolve(file));
                }
            }
            Files.writeString(pack.resolve("bench.json"), "{\"dtHours\": " + DT_HOURS + "}\n");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Shard shard() {
        return world.shard();
    }

    /** One tick: the needs model over every NPC, its changes written back into their properties. */
    void tick() {
        world.tick();
    }

    void ticks(int n) {
        world.ticks(n);
    }

    /** What a write-behind flush takes from the world thread: snapshots of every entity changed since the last. */
    int handOver() {
        return world.shard().world().drainChanges().changed().size();
    }

    /** A sum over every NPC's needs, to show that the script and its twin compute the same thing. */
    double checksum() {
        double sum = 0;
        for (var e : world.shard().world().all()) {
            if (e.kind().equals("npc")) {
                int k = 1;
                for (String p : NpcRule.PROPS) {
                    sum += k++ * ((Number) e.property(p)).doubleValue();
                }
            }
        }
        return sum;
    }

    @Override
    public void close() {
        if (javaColumns != null) {
            javaColumns.close();
        }
        world.close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temporary directory left behind is not worth failing a benchmark for.
            }
        }
    }
}
