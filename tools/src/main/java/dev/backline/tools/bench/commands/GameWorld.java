package dev.backline.tools.bench.commands;

import dev.backline.content.WorldData;
import dev.backline.content.WorldDataLoader;
import dev.backline.script.testing.TestWorld;
import dev.backline.shard.ShardConfig;
import dev.backline.shard.WorldTask;
import dev.backline.tools.loadgen.CommandLineChoice;
import dev.backline.tools.loadgen.CommandMix;
import dev.backline.world.EntityId;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A game's world data and packs on the real shard and script runtime ({@link TestWorld}), ticked by the calling
 * thread, which so is the world thread: its CPU time and allocation are the world's. Players are
 * {@link BenchPlayer}s; each tick a share of them sends a command of the mix, in turn, so every player sends at
 * the same rate, as the loadgen's do.
 */
final class GameWorld implements AutoCloseable {
    static final ShardConfig SHARD = ShardConfig.defaults();
    /** Every tenth tick hands the changed entities to persistence, as the write-behind does once a second. */
    static final int HAND_OVER_EVERY = 10;
    private static final int JOINS_PER_TICK = 50;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What one verb's commands cost the world thread in the command itself, summed. */
    static final class VerbCost {
        long calls;
        long cpuNanos;
        long allocatedBytes;
    }

    private final TestWorld world;
    private final int districtRooms;
    private final List<BenchPlayer> players = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(20261206);
    private final Map<String, VerbCost> verbs = new HashMap<>();
    private double commandsOwed;
    private int nextSender;
    private long ticks;
    private long commands;

    /** The game of {@code worldDir} and {@code scriptsDir}, with a {@link District} of {@code districtRooms} rooms. */
    GameWorld(Path worldDir, Path scriptsDir, int districtRooms) {
        WorldData data = WorldDataLoader.load(worldDir);
        this.districtRooms = districtRooms;
        world = TestWorld.builder().config(SHARD)
                .world(w -> {
                    data.populate(w);
                    District.build(w, districtRooms, data.startRoom());
                })
                .startRoom(data.startRoom()).scripts(scriptsDir).build();
    }

    /**
     * Connects players (new characters) until there are {@code count}, a batch per tick; with a district, each
     * then stands in one of its rooms, at random, as a crowd spread over a large world would.
     */
    void joinUpTo(int count) {
        while (players.size() < count) {
            for (int i = 0; i < JOINS_PER_TICK && players.size() < count; i++) {
                String name = "Bench" + players.size();
                BenchPlayer p = new BenchPlayer(EntityId.of("player:" + name.toLowerCase(Locale.ROOT)), name);
                players.add(p);
                world.submit(s -> s.presence().connect(p.id(), p.name(), p));
                if (districtRooms > 0) {
                    EntityId room = District.room(random.nextInt(districtRooms));
                    world.submit(s -> s.world().move(p.id(), room));
                }
            }
            tick(null, 0);
        }
    }

    /**
     * One tick in which the players send {@code perSecond} commands each per second of ticks (at the shard's tick
     * period) from {@code mix}; null sends nothing.
     */
    void tick(CommandMix mix, double perSecond) {
        if (mix != null && !players.isEmpty()) {
            commandsOwed += players.size() * perSecond * SHARD.tickPeriod().toMillis() / 1000.0;
            for (; commandsOwed >= 1; commandsOwed--) {
                BenchPlayer p = players.get(nextSender);
                nextSender = (nextSender + 1) % players.size();
                submit(p, mix.pick(random));
            }
        }
        world.tick();
        if (++ticks % HAND_OVER_EVERY == 0) {
            world.shard().world().drainChanges();
        }
    }

    private void submit(BenchPlayer p, String picked) {
        CommandLineChoice line = p.commandFor(picked, random);
        String text = line.text();
        String requestId = p.nextRequestId();
        VerbCost cost = verbs.computeIfAbsent(line.verb(), v -> new VerbCost());
        world.submit(WorldTask.command(text, s -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            s.commandDispatch().run(p.id(), requestId, text);
            cost.allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - allocated;
            cost.cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
            cost.calls++;
        }));
        commands++;
    }

    long commands() {
        return commands;
    }

    /** The per-verb sums since the last {@link #resetVerbCosts}. */
    Map<String, VerbCost> verbCosts() {
        return Collections.unmodifiableMap(verbs);
    }

    /** Starts the per-verb sums over, in place: commands already submitted keep adding to them. */
    void resetVerbCosts() {
        for (VerbCost c : verbs.values()) {
            c.calls = 0;
            c.cpuNanos = 0;
            c.allocatedBytes = 0;
        }
    }

    List<BenchPlayer> players() {
        return players;
    }

    /** How many rooms hold at least one of the players, and the most in one room. */
    int[] spread() {
        Map<EntityId, Integer> perRoom = new HashMap<>();
        for (BenchPlayer p : players) {
            world.shard().world().find(p.id()).flatMap(e -> e.container())
                    .ifPresent(room -> perRoom.merge(room, 1, Integer::sum));
        }
        return new int[] {perRoom.size(), perRoom.values().stream().mapToInt(Integer::intValue).max().orElse(0)};
    }

    static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static long threadAllocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    @Override
    public void close() {
        world.close();
    }
}
