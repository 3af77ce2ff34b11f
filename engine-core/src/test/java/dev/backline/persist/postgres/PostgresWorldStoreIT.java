package dev.backline.persist.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.persist.AuditEntry;
import dev.backline.persist.FlushBatch;
import dev.backline.persist.StoredWorld;
import dev.backline.persist.StoredWorldException;
import dev.backline.shard.ShardState;
import dev.backline.timer.PackTimer;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The world's tables on a real PostgreSQL: what is written reads back the same. */
class PostgresWorldStoreIT {
    private static final EntityId ROOM = EntityId.of("city:bar");
    private static final EntityId GUITAR = EntityId.of("item:guitar-7");
    private static final EntityId ALICE = EntityId.of("player:alice");
    private static final PackStateKey DAY = PackStateKey.of("backline-city", "lastDailyReset");

    private final DatabaseConfig config = TestDatabase.fresh();
    private final Database db = Database.open(config, TestDatabase.unusedDataDir());

    @AfterEach
    void close() {
        db.close();
    }

    private static FlushBatch batch(long tick, List<EntitySnapshot> entities, Set<EntityId> removed,
                                    Map<PackStateKey, Object> states, Set<PackStateKey> statesRemoved) {
        Map<EntityId, EntitySnapshot> byId = new HashMap<>();
        entities.forEach(e -> byId.put(e.id(), e));
        return new FlushBatch(new ShardState(tick, 1_767_254_400_000L + tick * 6_000, -42L * tick), byId,
                new HashSet<>(removed), new HashMap<>(states), new HashSet<>(statesRemoved));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        EntitySnapshot room = new EntitySnapshot(ROOM, "room", null, null, Set.of("indoor", "loud"),
                Map.of("name", "The Bar", "exits", Map.of("north", "city:street"), "capacity", 40L));
        EntitySnapshot alice = new EntitySnapshot(ALICE, "player", null, ROOM, Set.of(),
                Map.of("name", "Alice", "xp", 1_250L, "mood", 0.75, "ok", true, "skills", List.of("guitar", Map.of("lvl", 3L))));
        EntitySnapshot guitar = new EntitySnapshot(GUITAR, "item", EntityId.of("item:guitar"), ALICE, Set.of("instrument"),
                Map.of("condition", "worn \"vintage\" \u00e9\u2603"));
        db.worldStore().write(batch(10, List.of(room, alice, guitar), Set.of(), Map.of(DAY, "2026-01-02"), Set.of()));

        StoredWorld stored = db.worldStore().load();

        assertThat(stored.entities()).containsExactlyInAnyOrder(room, alice, guitar);
        assertThat(stored.packStates()).containsExactly(Map.entry(DAY, "2026-01-02"));
        assertThat(stored.shardState()).contains(new ShardState(10, 1_767_254_460_000L, -420L));
    }

    @Test
    void packVersionsPendingTimersAndHowFarTimersFiredReadBackTheSame() {
        PackTimer close = new PackTimer(7, "backline-city", "closeShop", 1_767_254_500_000L, Map.of("shop", "city:bar"));
        PackTimer ping = new PackTimer(8, "backline-city", "ping", 1_767_254_400_500L, null);
        ShardState midTick = new ShardState(12, 1_767_254_400_600L, 99L, 1_767_254_400_500L);
        db.worldStore().write(new FlushBatch(midTick, Map.of(), Set.of(), Map.of(), Set.of(),
                Map.of("backline-city", "2.1.0"), Map.of(7L, close, 8L, ping), Set.of()));

        StoredWorld stored = db.worldStore().load();
        assertThat(stored.packVersions()).containsExactly(Map.entry("backline-city", "2.1.0"));
        assertThat(stored.timers()).as("soonest first").containsExactly(ping, close);
        assertThat(stored.shardState()).contains(midTick);

        db.worldStore().write(new FlushBatch(new ShardState(13, 1_767_254_400_700L, 100L), Map.of(), Set.of(), Map.of(),
                Set.of(), Map.of("backline-city", "2.2.0"), Map.of(), Set.of(8L)));
        StoredWorld later = db.worldStore().load();
        assertThat(later.timers()).containsExactly(close);
        assertThat(later.packVersions()).containsEntry("backline-city", "2.2.0");
    }

    @Test
    void aShardStateOfTheFirstReleaseMeansTimersFiredThroughItsGameTime() {
        db.worldStore().write(batch(3, List.of(), Set.of(), Map.of(), Set.of()));
        TestDatabase.execute(config, "UPDATE shard_states SET timers_through = NULL");

        ShardState state = db.worldStore().load().shardState().orElseThrow();
        assertThat(state.timersThroughMillis()).isEqualTo(state.gameMillis());
    }

    @Test
    void laterBatchesUpdateAndRemove() {
        EntitySnapshot room = new EntitySnapshot(ROOM, "room", null, null, Set.of(), Map.of("name", "The Bar"));
        EntitySnapshot guitar = new EntitySnapshot(GUITAR, "item", null, ROOM, Set.of(), Map.of());
        db.worldStore().write(batch(1, List.of(room, guitar), Set.of(), Map.of(DAY, 1L), Set.of()));

        EntitySnapshot renamed = new EntitySnapshot(ROOM, "room", null, null, Set.of("closed"), Map.of("name", "The Old Bar"));
        db.worldStore().write(batch(2, List.of(renamed), Set.of(GUITAR), Map.of(), Set.of(DAY)));

        StoredWorld stored = db.worldStore().load();
        assertThat(stored.entities()).containsExactly(renamed);
        assertThat(stored.packStates()).isEmpty();
        assertThat(stored.shardState().orElseThrow().tick()).isEqualTo(2);
    }

    @Test
    void everyBadRowIsNamedInOneClearError() {
        db.worldStore().write(batch(1, List.of(new EntitySnapshot(ROOM, "room", null, null, Set.of(), Map.of())),
                Set.of(), Map.of(), Set.of()));
        TestDatabase.execute(config, "INSERT INTO entities (id, kind, properties, saved_tick) VALUES"
                + " ('Not An Id', 'item', '{}', 1),"
                + " ('item:list', 'item', '[1, 2]', 1),"
                + " ('item:deep', 'item', '{\"n\": 123456789012345678901234567890}', 1)");
        TestDatabase.execute(config, "INSERT INTO pack_states (pack, key, value, saved_tick) VALUES ('Bad Pack', 'k', '1', 1)");
        TestDatabase.execute(config, "INSERT INTO pack_timers (id, pack, name, due_millis, data, saved_tick) VALUES"
                + " (5, 'backline-city', '', 0, 'null', 1)");

        assertThatThrownBy(() -> db.worldStore().load())
                .isInstanceOf(StoredWorldException.class)
                .hasMessageContaining("cannot read (5)")
                .hasMessageContaining("pack_timers 5: a timer name must have 1 to 64 characters")
                .hasMessageContaining("entities 'Not An Id': entity id 'Not An Id' must look like")
                .hasMessageContaining("entities 'item:list': properties must be a JSON object")
                .hasMessageContaining("entities 'item:deep': value.n has type BigInteger")
                .hasMessageContaining("pack_states (Bad Pack, k): pack name 'Bad Pack'");
    }

    @Test
    void theAuditLogKeepsEntriesAndRefusesToChangeThem() {
        db.auditLog().append(new AuditEntry(Instant.parse("2026-03-01T10:00:00Z"), "admin:ops", "world.reload",
                "backline-city", Map.of("files", 3L)));
        db.auditLog().append(AuditEntry.of("account:alice", "account.create", "player:alice", Map.of()));

        List<AuditEntry> recent = db.auditLog().recent(10);
        assertThat(recent).extracting(AuditEntry::action).containsExactly("account.create", "world.reload");
        assertThat(recent.get(1).at()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(recent.get(1).details()).containsEntry("files", 3L);

        assertThatThrownBy(() -> TestDatabase.execute(config, "UPDATE audit_log SET actor = 'someone else'"))
                .hasMessageContaining("audit_log is append-only: UPDATE");
        assertThatThrownBy(() -> TestDatabase.execute(config, "DELETE FROM audit_log"))
                .hasMessageContaining("audit_log is append-only: DELETE");
    }
}
