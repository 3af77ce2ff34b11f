package dev.backline.persist;

import dev.backline.shard.PlayerPresence;
import dev.backline.shard.Shard;
import dev.backline.timer.PackTimer;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.EntitySpec;
import dev.backline.world.PackStateKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * Puts a stored world back into a fresh shard: entities (each container before what it holds, so no move
 * events fire), pack state and versions, pending pack timers (as data: the script runtime schedules them
 * when their pack loads), and the shard's time, RNG and how far its timers have fired. Players come back
 * offline: one found inside a room (the server died while they were connected) is taken out and remembers
 * the room, as a logout would. Nothing restored counts as changed. Before the world thread starts only.
 *
 * <pre>{@code
 * StoredWorld stored = store.load();
 * if (!stored.isEmpty()) WorldRestore.restore(stored, shard);
 * }</pre>
 */
public final class WorldRestore {
    /** What was restored, for the start-up log. */
    public record Summary(int entities, int playersTakenOffline, int packStates, int timers, Optional<Long> tick) {
    }

    private WorldRestore() {
    }

    /**
     * @throws StoredWorldException listing every entity or value that cannot be restored
     */
    public static Summary restore(StoredWorld stored, Shard shard) {
        List<String> problems = new ArrayList<>();
        Set<EntityId> failed = new HashSet<>();
        Map<EntityId, List<EntitySpec>> byContainer = new HashMap<>();
        Map<EntityId, EntitySpec> all = new LinkedHashMap<>();
        int offline = 0;
        for (EntitySnapshot e : stored.entities()) {
            try {
                EntitySpec spec = new EntitySpec(e.id(), e.kind(), e.template(), e.container(), e.tags(), e.properties());
                if (spec.kind().equals(PlayerPresence.PLAYER_KIND) && spec.container() != null) {
                    spec = spec.withProperty(PlayerPresence.LAST_ROOM, spec.container().value()).withContainer(null);
                    offline++;
                }
                all.put(spec.id(), spec);
                byContainer.computeIfAbsent(spec.container(), c -> new ArrayList<>()).add(spec);
            } catch (IllegalArgumentException ex) {
                problems.add("entity '" + e.id() + "': " + ex.getMessage());
            }
        }
        int created = createInOrder(shard, byContainer, problems, failed);
        for (EntitySpec spec : all.values()) {
            if (!shard.world().exists(spec.id()) && !failed.contains(spec.id())) {
                problems.add("entity '" + spec.id() + "' is inside '" + spec.container() + "', "
                        + (all.containsKey(spec.container()) ? "and the containers form a cycle or cannot be restored"
                        : "which is not stored"));
            }
        }
        int states = 0;
        for (Map.Entry<PackStateKey, Object> e : stored.packStates().entrySet()) {
            try {
                shard.packStates().restore(e.getKey(), e.getValue());
                states++;
            } catch (IllegalArgumentException ex) {
                problems.add("pack state '" + e.getKey() + "': " + ex.getMessage());
            }
        }
        stored.packVersions().forEach((pack, version) -> {
            try {
                shard.packStates().restoreVersion(pack, version);
            } catch (IllegalArgumentException ex) {
                problems.add("pack version of '" + pack + "': " + ex.getMessage());
            }
        });
        for (PackTimer timer : stored.timers()) {
            try {
                shard.packTimers().restore(timer);
            } catch (IllegalArgumentException ex) {
                problems.add("pack timer " + timer.id() + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new StoredWorldException("the stored world cannot be restored (" + problems.size() + " problems)", problems);
        }
        stored.shardState().ifPresent(shard::restore);
        // All of it is stored already; writing it back would be wasted work.
        shard.world().drainDirty();
        shard.packStates().drainDirty();
        shard.packStates().drainDirtyVersions();
        shard.packTimers().drainDirty();
        return new Summary(created, offline, states, stored.timers().size(), stored.shardState().map(s -> s.tick()));
    }

    private static int createInOrder(Shard shard, Map<EntityId, List<EntitySpec>> byContainer, List<String> problems,
                                     Set<EntityId> failed) {
        Queue<EntitySpec> ready = new ArrayDeque<>(byContainer.getOrDefault(null, List.of()));
        int created = 0;
        while (!ready.isEmpty()) {
            EntitySpec spec = ready.poll();
            try {
                shard.world().create(spec);
                created++;
                ready.addAll(byContainer.getOrDefault(spec.id(), List.of()));
            } catch (IllegalArgumentException ex) {
                failed.add(spec.id());
                problems.add("entity '" + spec.id() + "': " + ex.getMessage());
            }
        }
        return created;
    }
}
