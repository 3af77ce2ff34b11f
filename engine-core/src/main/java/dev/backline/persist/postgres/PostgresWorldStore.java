package dev.backline.persist.postgres;

import dev.backline.persist.FlushBatch;
import dev.backline.persist.StoredWorld;
import dev.backline.persist.StoredWorldException;
import dev.backline.persist.WorldStore;
import dev.backline.shard.ShardState;
import dev.backline.timer.PackTimer;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The world in PostgreSQL: {@code entities}, {@code pack_states}, {@code pack_versions}, {@code pack_timers}
 * and {@code shard_states}, through {@link WorldMapper}. A batch is written in one transaction through MyBatis' batch executor; the driver
 * turns the single-row upserts into multi-row inserts ({@code reWriteBatchedInserts}, set by {@link Database}).
 */
public final class PostgresWorldStore implements WorldStore {
    /** The only shard so far; the column is there for when the world splits. */
    static final String SHARD = "main";

    private final SqlSessionFactory sessions;

    PostgresWorldStore(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public StoredWorld load() {
        List<EntityRow> entityRows;
        List<PackStateRow> stateRows;
        List<PackVersionRow> versionRows;
        List<PackTimerRow> timerRows;
        ShardStateRow shardRow;
        try (SqlSession session = sessions.openSession()) {
            WorldMapper mapper = session.getMapper(WorldMapper.class);
            entityRows = mapper.selectEntities();
            stateRows = mapper.selectPackStates();
            versionRows = mapper.selectPackVersions();
            timerRows = mapper.selectPackTimers();
            shardRow = mapper.selectShardState(SHARD);
        } catch (RuntimeException e) {
            throw StoreFailures.classify("reading the world", e);
        }
        List<String> problems = new ArrayList<>();
        List<EntitySnapshot> entities = new ArrayList<>(entityRows.size());
        for (EntityRow row : entityRows) {
            toSnapshot(row, problems).ifPresent(entities::add);
        }
        Map<PackStateKey, Object> states = new HashMap<>();
        for (PackStateRow row : stateRows) {
            try {
                states.put(PackStateKey.of(row.pack(), row.key()), JsonText.read(row.value()));
            } catch (IllegalArgumentException e) {
                problems.add("pack_states (" + row.pack() + ", " + row.key() + "): " + e.getMessage());
            }
        }
        Map<String, String> versions = new HashMap<>();
        versionRows.forEach(r -> versions.put(r.pack(), r.version()));
        List<PackTimer> timers = new ArrayList<>(timerRows.size());
        for (PackTimerRow row : timerRows) {
            try {
                timers.add(new PackTimer(row.id(), row.pack(), row.name(), row.dueMillis(), JsonText.read(row.data())));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add("pack_timers " + row.id() + ": " + e.getMessage());
            }
        }
        Optional<ShardState> shard = Optional.empty();
        if (shardRow != null) {
            try {
                shard = Optional.of(new ShardState(shardRow.tick(), shardRow.gameMillis(), shardRow.rngState(),
                        shardRow.timersThrough() == null ? shardRow.gameMillis() : shardRow.timersThrough()));
            } catch (IllegalArgumentException e) {
                problems.add("shard_states '" + SHARD + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new StoredWorldException("the database holds rows this Backline cannot read (" + problems.size()
                    + "); fix or remove them", problems);
        }
        return new StoredWorld(shard, entities, states, versions, timers);
    }

    @SuppressWarnings("unchecked")
    private static Optional<EntitySnapshot> toSnapshot(EntityRow row, List<String> problems) {
        String where = "entities '" + row.id() + "': ";
        try {
            EntityId id = EntityId.of(row.id());
            EntityId template = row.template() == null ? null : EntityId.of(row.template());
            EntityId container = row.container() == null ? null : EntityId.of(row.container());
            Object properties = JsonText.read(row.properties());
            if (!(properties instanceof Map<?, ?>)) {
                problems.add(where + "properties must be a JSON object, not " + row.properties());
                return Optional.empty();
            }
            Set<String> tags = new LinkedHashSet<>(row.tags() == null ? List.of() : row.tags());
            if (tags.contains(null)) {
                problems.add(where + "tags hold a null");
                return Optional.empty();
            }
            return Optional.of(new EntitySnapshot(id, row.kind(), template, container, tags,
                    (Map<String, Object>) properties));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(where + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void write(FlushBatch batch) {
        long tick = batch.shardState().tick();
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            WorldMapper mapper = session.getMapper(WorldMapper.class);
            if (!batch.removedEntities().isEmpty()) {
                mapper.deleteEntities(batch.removedEntities().stream().map(EntityId::value).toList());
            }
            for (EntitySnapshot e : batch.entities().values()) {
                mapper.upsertEntity(e.id().value(), e.kind(), idOrNull(e.template()), idOrNull(e.container()),
                        List.copyOf(e.tags()), JsonText.write(e.properties()), tick);
            }
            if (!batch.removedPackStates().isEmpty()) {
                List<PackStateKey> gone = List.copyOf(batch.removedPackStates());
                mapper.deletePackStates(gone.stream().map(PackStateKey::pack).toList(),
                        gone.stream().map(PackStateKey::key).toList());
            }
            batch.packStates().forEach((key, value) ->
                    mapper.upsertPackState(new PackStateRow(key.pack(), key.key(), JsonText.write(value), tick)));
            batch.packVersions().forEach((pack, version) -> mapper.upsertPackVersion(new PackVersionRow(pack, version, tick)));
            if (!batch.removedTimers().isEmpty()) {
                mapper.deletePackTimers(List.copyOf(batch.removedTimers()));
            }
            for (PackTimer t : batch.timers().values()) {
                mapper.upsertPackTimer(new PackTimerRow(t.id(), t.pack(), t.name(), t.dueMillis(), JsonText.write(t.data()), tick));
            }
            ShardState s = batch.shardState();
            mapper.upsertShardState(new ShardStateRow(SHARD, s.tick(), s.gameMillis(), s.rngState(), s.timersThroughMillis()));
            session.commit();
        } catch (RuntimeException e) {
            throw StoreFailures.classify("writing " + batch.rows() + " rows", e);
        }
    }

    private static String idOrNull(EntityId id) {
        return id == null ? null : id.value();
    }
}
