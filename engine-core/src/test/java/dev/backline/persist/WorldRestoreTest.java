package dev.backline.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.shard.PlayerPresence;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.shard.ShardState;
import dev.backline.timer.PackTimer;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldRestoreTest {
    private static final EntityId ROOM = EntityId.of("city:bar");
    private static final EntityId BOX = EntityId.of("item:box");
    private static final EntityId COIN = EntityId.of("item:coin");
    private static final EntityId ALICE = EntityId.of("player:alice");

    private final Shard shard = new Shard(ShardConfig.defaults());

    private static EntitySnapshot entity(EntityId id, String kind, EntityId container) {
        return new EntitySnapshot(id, kind, null, container, Set.of("shiny"), Map.of("name", id.localName()));
    }

    @Test
    void containersComeBeforeWhatTheyHoldWhateverTheStoredOrder() {
        StoredWorld stored = new StoredWorld(Optional.of(new ShardState(42, 1_000, 7)),
                List.of(entity(COIN, "item", BOX), entity(BOX, "item", ROOM), entity(ROOM, "room", null)),
                Map.of(PackStateKey.of("city", "day"), 3L));

        WorldRestore.Summary summary = WorldRestore.restore(stored, shard);

        assertThat(summary.entities()).isEqualTo(3);
        assertThat(shard.world().get(COIN).container()).contains(BOX);
        assertThat(shard.world().get(BOX).container()).contains(ROOM);
        assertThat(shard.world().get(ROOM).tags()).containsExactly("shiny");
        assertThat(shard.packStates().get(PackStateKey.of("city", "day"))).contains(3L);
        assertThat(shard.state()).isEqualTo(new ShardState(42, 1_000, 7));
        assertThat(shard.world().drainDirty()).as("restored means already stored").isEmpty();
        assertThat(shard.packStates().drainDirty()).isEmpty();
    }

    @Test
    void packVersionsTimersAndHowFarTimersFiredComeBackUnchanged() {
        PackTimer later = new PackTimer(41, "city", "close", 5_000, Map.of("n", 1L));
        StoredWorld stored = new StoredWorld(Optional.of(new ShardState(42, 1_000, 7, 900)),
                List.of(entity(ROOM, "room", null)), Map.of(), Map.of("city", "1.2.0"), List.of(later));

        WorldRestore.Summary summary = WorldRestore.restore(stored, shard);

        assertThat(summary.timers()).isEqualTo(1);
        assertThat(shard.packStates().version("city")).contains("1.2.0");
        assertThat(shard.packTimers().of("city")).containsExactly(later);
        assertThat(shard.packTimers().add("city", "next", 6_000, null).id()).as("new ids after the stored ones").isEqualTo(42);
        assertThat(shard.state()).as("timers fired through 900, not the saved game time")
                .isEqualTo(new ShardState(42, 1_000, 7, 900));
        assertThat(shard.packStates().drainDirtyVersions()).isEmpty();
        shard.packTimers().drainDirty();
    }

    @Test
    void playersComeBackOfflineRememberingTheirRoom() {
        StoredWorld stored = new StoredWorld(Optional.empty(),
                List.of(entity(ROOM, "room", null), entity(ALICE, PlayerPresence.PLAYER_KIND, ROOM)), Map.of());

        WorldRestore.Summary summary = WorldRestore.restore(stored, shard);

        assertThat(summary.playersTakenOffline()).isEqualTo(1);
        assertThat(shard.world().get(ALICE).container()).isEmpty();
        assertThat(shard.world().get(ALICE).property(PlayerPresence.LAST_ROOM)).isEqualTo(ROOM.value());
        assertThat(shard.world().contents(ROOM, null)).isEmpty();
    }

    @Test
    void everyBrokenRowIsReportedAtOnce() {
        StoredWorld stored = new StoredWorld(Optional.empty(), List.of(
                entity(ROOM, "room", null),
                entity(BOX, "Not A Kind", ROOM),
                entity(COIN, "item", EntityId.of("item:gone")),
                entity(EntityId.of("item:a"), "item", EntityId.of("item:b")),
                entity(EntityId.of("item:b"), "item", EntityId.of("item:a"))), Map.of());

        assertThatThrownBy(() -> WorldRestore.restore(stored, shard))
                .isInstanceOf(StoredWorldException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("entity 'item:box': kind 'Not A Kind'")
                .hasMessageContaining("entity 'item:coin' is inside 'item:gone', which is not stored")
                .hasMessageContaining("entity 'item:a' is inside 'item:b', and the containers form a cycle")
                .hasMessageContaining("entity 'item:b' is inside 'item:a'");
    }
}
