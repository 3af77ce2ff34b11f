package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.event.GameEvent;
import dev.backline.testing.RecordingChannel;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlayerPresenceTest {
    private static final EntityId LOBBY = EntityId.of("city:lobby");
    private static final EntityId BAR = EntityId.of("city:bar");
    private static final EntityId ALICE = EntityId.of("player:alice");
    private static final EntityId BOB = EntityId.of("player:bob");

    private final Shard shard = new Shard(ShardConfig.defaults());
    private final List<GameEvent> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        shard.world().create(EntitySpec.of(LOBBY, "room"));
        shard.world().create(EntitySpec.of(BAR, "room"));
        shard.presence().setStartRoom(LOBBY);
        for (String name : List.of("playerEnter", "playerLeave", "roomEnter", "roomExit")) {
            shard.events().subscribe(name, events::add);
        }
    }

    private void connect(EntityId player, String name, RecordingChannel channel) {
        shard.submit(s -> s.presence().connect(player, name, channel));
        shard.tick();
    }

    private void disconnect(EntityId player, RecordingChannel channel) {
        shard.submit(s -> s.presence().disconnect(player, channel));
        shard.tick();
    }

    private List<String> eventNames() {
        return events.stream().map(GameEvent::name).toList();
    }

    @Test
    void aNewPlayerIsCreatedInTheStartRoomWelcomedAndAnnounced() {
        RecordingChannel alice = new RecordingChannel();
        connect(ALICE, "Alice", alice);

        assertThat(shard.world().get(ALICE).kind()).isEqualTo(PlayerPresence.PLAYER_KIND);
        assertThat(shard.world().get(ALICE).property("name")).isEqualTo("Alice");
        assertThat(shard.world().get(ALICE).container()).contains(LOBBY);
        assertThat(shard.sessions().isOnline(ALICE)).isTrue();

        assertThat(alice.types()).first().isEqualTo("welcome");
        Map<String, Object> welcome = alice.received().getFirst().payload();
        assertThat(welcome).containsEntry("protocol", 1L)
                .containsEntry("player", Map.of("id", "player:alice", "name", "Alice"));

        assertThat(eventNames()).containsExactly("roomEnter", "playerEnter");
        assertThat(events.get(1).data()).containsEntry("player", "player:alice").containsEntry("name", "Alice")
                .containsEntry("room", "city:lobby").containsEntry("reason", "login");
    }

    @Test
    void connectingWithoutAStartRoomFailsClearly() {
        Shard empty = new Shard(ShardConfig.defaults());
        assertThatThrownBy(() -> empty.presence().connect(ALICE, "Alice", new RecordingChannel()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no start room");
        assertThatThrownBy(() -> empty.presence().setStartRoom(LOBBY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("city:lobby");
    }

    @Test
    void aSecondConnectionReplacesTheFirstAndClosesIt() {
        RecordingChannel first = new RecordingChannel();
        RecordingChannel second = new RecordingChannel();
        connect(ALICE, "Alice", first);
        events.clear();
        connect(ALICE, "Alice", second);

        assertThat(first.closeCodes()).containsExactly("session_replaced");
        assertThat(second.isClosed()).isFalse();
        assertThat(second.types()).first().isEqualTo("welcome");
        assertThat(shard.world().get(ALICE).container()).as("still where she was").contains(LOBBY);
        assertThat(eventNames()).containsExactly("playerEnter");
        assertThat(events.getFirst().data()).containsEntry("reason", "reconnect");

        disconnect(ALICE, first);
        assertThat(shard.sessions().isOnline(ALICE)).as("the old channel's late close changes nothing").isTrue();
        assertThat(eventNames()).doesNotContain("playerLeave");
    }

    @Test
    void disconnectRaisesPlayerLeaveWithTheRoomAndTakesThePlayerOutOfTheWorld() {
        RecordingChannel alice = new RecordingChannel();
        connect(ALICE, "Alice", alice);
        shard.submit(s -> s.world().move(ALICE, BAR));
        shard.tick();
        events.clear();

        disconnect(ALICE, alice);

        assertThat(shard.sessions().isOnline(ALICE)).isFalse();
        assertThat(eventNames()).containsExactly("playerLeave", "roomExit");
        assertThat(events.getFirst().data()).containsEntry("room", "city:bar").containsEntry("reason", "logout");
        assertThat(shard.world().get(ALICE).container()).isEmpty();
        assertThat(shard.world().get(ALICE).property("lastRoom")).isEqualTo("city:bar");
        assertThat(shard.world().get(BAR).contents()).doesNotContain(ALICE);
    }

    @Test
    void aReturningPlayerComesBackToTheLastRoom() {
        RecordingChannel first = new RecordingChannel();
        connect(ALICE, "Alice", first);
        shard.submit(s -> s.world().move(ALICE, BAR));
        shard.tick();
        disconnect(ALICE, first);
        events.clear();

        connect(ALICE, "Alice", new RecordingChannel());
        assertThat(shard.world().get(ALICE).container()).contains(BAR);
        assertThat(shard.world().get(ALICE).properties()).doesNotContainKey("lastRoom");
        assertThat(eventNames()).containsExactly("roomEnter", "playerEnter");
        assertThat(events.get(1).data()).containsEntry("room", "city:bar");
    }

    @Test
    void aReturningPlayerWhoseLastRoomIsGoneStartsInTheStartRoom() {
        RecordingChannel first = new RecordingChannel();
        connect(ALICE, "Alice", first);
        shard.submit(s -> s.world().move(ALICE, BAR));
        shard.tick();
        disconnect(ALICE, first);
        shard.submit(s -> s.world().remove(BAR));
        shard.tick();

        connect(ALICE, "Alice", new RecordingChannel());
        assertThat(shard.world().get(ALICE).container()).contains(LOBBY);
    }

    @Test
    void movesBetweenRoomsRaiseRoomExitThenRoomEnter() {
        connect(ALICE, "Alice", new RecordingChannel());
        events.clear();
        shard.submit(s -> s.world().move(ALICE, BAR));
        shard.tick();

        assertThat(eventNames()).containsExactly("roomExit", "roomEnter");
        assertThat(events).allSatisfy(e -> assertThat(e.data()).containsEntry("entity", "player:alice")
                .containsEntry("kind", "player").containsEntry("from", "city:lobby").containsEntry("to", "city:bar"));
    }

    @Test
    void movesInsideContainersThatAreNotRoomsRaiseNoRoomEvents() {
        EntityId box = EntityId.of("item:box");
        EntityId coin = EntityId.of("item:coin");
        shard.world().create(EntitySpec.of(box, "item").withContainer(BAR));
        shard.world().create(EntitySpec.of(coin, "item"));
        shard.submit(s -> s.world().move(coin, box));
        shard.submit(s -> s.world().move(coin, BAR));
        shard.tick();

        assertThat(eventNames()).containsExactly("roomEnter");
        assertThat(events.getFirst().data()).containsEntry("from", "item:box").containsEntry("to", "city:bar");
    }

    @Test
    void movingARoomRaisesNoRoomEvents() {
        EntityId zone = EntityId.of("city:zone");
        shard.world().create(EntitySpec.of(zone, "room"));
        shard.submit(s -> s.world().move(BAR, zone));
        shard.tick();
        assertThat(events).isEmpty();
    }

    @Test
    void othersHearAboutArrivals() {
        RecordingChannel alice = new RecordingChannel();
        connect(ALICE, "Alice", alice);
        connect(BOB, "Bob", new RecordingChannel());
        assertThat(shard.sessions().online()).containsExactly(ALICE, BOB);
        assertThat(events.stream().filter(e -> e.name().equals("playerEnter")).map(e -> e.data().get("player")))
                .containsExactly("player:alice", "player:bob");
    }

    @Test
    void anIdThatIsNotAPlayerCannotConnect() {
        assertThatThrownBy(() -> shard.presence().connect(BAR, "Bar", new RecordingChannel()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("city:bar");
        assertThat(shard.world().get(BAR).container()).isEmpty();
        assertThat(shard.sessions().isOnline(BAR)).isFalse();
    }
}
