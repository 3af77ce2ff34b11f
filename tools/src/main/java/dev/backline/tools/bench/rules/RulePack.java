package dev.backline.tools.bench.rules;

import dev.backline.script.ScriptLimits;
import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.shard.ShardConfig;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A shard running the rules benchmark's pack: {@code entities} entities in one room, the rule run once per
 * tick by a {@code pack.every} job, either over the pack's typed columns ({@link Mode#BATCH}) or through
 * {@code game.prop}/{@code game.setProp} one entity at a time ({@link Mode#ENTITY}).
 */
final class RulePack implements AutoCloseable {
    enum Mode { BATCH, ENTITY }

    static final ShardConfig SHARD = ShardConfig.defaults();
    /** Game hours one tick stands for: a tick's period times the clock ratio. */
    static final double DT_HOURS = SHARD.tickPeriod().toMillis() * SHARD.clockRatio() / 3_600_000.0;
    private static final EntityId HALL = EntityId.of("bench:hall");
    private static final String[] FILES = {"pack.yaml", "main.js", "rule.js"};

    private final Path dir;
    private final TestWorld world;
    private final TestPlayer observer;

    RulePack(Mode mode, int entities) {
        try {
            dir = Files.createTempDirectory("backline-rules-bench");
            Path pack = Files.createDirectories(dir.resolve("rules-bench"));
            for (String file : FILES) {
                try (InputStream in = RulePack.class.getResourceAsStream("pack/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("pack/" + file + " is missing from the tools jar");
                    }
                    Files.copy(in, pack.resolve(file));
                }
            }
            long intervalMs = Math.round(SHARD.tickPeriod().toMillis() * SHARD.clockRatio());
            Files.writeString(pack.resolve("bench.json"), "{\"mode\": \"" + mode.name().toLowerCase() + "\", \"entities\": "
                    + entities + ", \"dtHours\": " + DT_HOURS + ", \"interval\": " + intervalMs + "}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        world = TestWorld.builder()
                .config(SHARD)
                // The rule over 100,000 entities one API call at a time runs far past a handler's usual budget.
                .limits(ScriptLimits.defaults().withCallBudget(Duration.ofMinutes(5)).withLoadBudget(Duration.ofMinutes(1)))
                .world(w -> {
                    w.create(EntitySpec.of(HALL, "room").withProperty("name", "Hall"));
                    if (mode == Mode.ENTITY) {
                        for (int i = 0; i < entities; i++) {
                            w.create(EntitySpec.of(EntityId.of("bench:npc-" + i), "npc").withContainer(HALL)
                                    .withProperties(seed(i)));
                        }
                    }
                })
                .startRoom(HALL)
                .scripts(dir)
                .build();
        observer = world.join("Observer");
    }

    private static Map<String, Object> seed(int i) {
        return Map.of("level", (double) (1 + i % 10), "xp", (double) ((i * 37) % 90), "burnout", (double) ((i * 13) % 100),
                "hours", (double) (i % 9));
    }

    /** One tick of the shard: the rule runs once over every entity. */
    void tick() {
        world.tick();
    }

    /** What the pack has computed so far: the steps it ran and the checksum of its numbers. */
    record Status(int steps, double checksum) {
    }

    Status status() {
        String[] parts = observer.say("status").split(" ");
        return new Status(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]));
    }

    @Override
    public void close() {
        world.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a benchmark for.
        }
    }
}
