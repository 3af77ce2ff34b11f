package dev.backline.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.testing.RecordingChannel;
import dev.backline.world.EntityId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private static final EntityId ALICE = EntityId.of("player:alice");
    private static final EntityId BOB = EntityId.of("player:bob");

    private final Sessions sessions = new Sessions();
    private final RecordingChannel alice = new RecordingChannel();
    private final RecordingChannel bob = new RecordingChannel();

    @Test
    void bindReturnsTheChannelItReplaced() {
        assertThat(sessions.bind(ALICE, alice)).isEmpty();
        RecordingChannel second = new RecordingChannel();
        assertThat(sessions.bind(ALICE, second)).contains(alice);
        assertThat(sessions.count()).isEqualTo(1);
    }

    @Test
    void unbindOnlyFromTheCurrentChannel() {
        RecordingChannel newer = new RecordingChannel();
        sessions.bind(ALICE, alice);
        sessions.bind(ALICE, newer);

        assertThat(sessions.unbind(ALICE, alice)).as("the old session ending leaves the new one").isFalse();
        assertThat(sessions.isOnline(ALICE)).isTrue();
        assertThat(sessions.unbind(ALICE, newer)).isTrue();
        assertThat(sessions.isOnline(ALICE)).isFalse();
    }

    @Test
    void sendsToOnlinePlayersOnly() {
        sessions.bind(ALICE, alice);
        assertThat(sessions.send(ALICE, OutboundEvent.message("hi"))).isTrue();
        assertThat(sessions.send(BOB, OutboundEvent.message("hi"))).isFalse();
        assertThat(alice.received()).extracting(OutboundEvent::text).containsExactly("hi");
        assertThat(sessions.online()).containsExactly(ALICE);
    }

    @Test
    void eventsToTheCommandingPlayerCarryTheRequestIdAndOthersDoNot() {
        sessions.bind(ALICE, alice);
        sessions.bind(BOB, bob);
        sessions.inCommand(ALICE, "r1", () -> {
            sessions.send(ALICE, OutboundEvent.message("to alice"));
            sessions.send(BOB, OutboundEvent.message("to bob"));
            sessions.send(ALICE, OutboundEvent.error("x", "own id", "other"));
        });
        sessions.send(ALICE, OutboundEvent.message("later"));

        assertThat(alice.received()).extracting(OutboundEvent::requestId).containsExactly("r1", "other", null);
        assertThat(bob.received()).extracting(OutboundEvent::requestId).containsExactly((String) null);
    }

    @Test
    void nestedCommandsRestoreTheOuterRequestId() {
        sessions.bind(ALICE, alice);
        sessions.bind(BOB, bob);
        sessions.inCommand(ALICE, "outer", () -> {
            sessions.inCommand(BOB, "inner", () -> sessions.send(BOB, OutboundEvent.message("b")));
            sessions.send(ALICE, OutboundEvent.message("a"));
        });
        assertThat(bob.received()).extracting(OutboundEvent::requestId).containsExactly("inner");
        assertThat(alice.received()).extracting(OutboundEvent::requestId).containsExactly("outer");
    }

    @Test
    void theRequestIdIsClearedEvenWhenTheCommandThrows() {
        sessions.bind(ALICE, alice);
        assertThatThrownBy(() -> sessions.inCommand(ALICE, "r1", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        sessions.send(ALICE, OutboundEvent.message("after"));
        assertThat(alice.received()).extracting(OutboundEvent::requestId).containsExactly((String) null);
    }

    @Test
    void aSlowConsumerIsClosedOnceInsteadOfBlocking() {
        sessions.bind(ALICE, alice.acceptOnly(1));
        sessions.bind(BOB, bob);

        assertThat(sessions.send(ALICE, OutboundEvent.message("1"))).isTrue();
        assertThat(sessions.send(ALICE, OutboundEvent.message("2"))).isFalse();
        assertThat(sessions.send(ALICE, OutboundEvent.message("3"))).isFalse();
        assertThat(sessions.send(BOB, OutboundEvent.message("b"))).isTrue();

        assertThat(alice.closeCodes()).containsExactly("slow_consumer");
        assertThat(sessions.slowConsumerDisconnects()).isEqualTo(1);
        assertThat(bob.isClosed()).isFalse();
    }

    @Test
    void aSlowConsumerWhoReconnectsGetsEventsAgain() {
        sessions.bind(ALICE, alice.acceptOnly(0));
        sessions.send(ALICE, OutboundEvent.message("lost"));
        sessions.unbind(ALICE, alice);

        RecordingChannel again = new RecordingChannel();
        sessions.bind(ALICE, again);
        assertThat(sessions.send(ALICE, OutboundEvent.message("back"))).isTrue();
        assertThat(again.isClosed()).isFalse();
    }

    @Test
    void outboundEventsAreValidated() {
        assertThatThrownBy(() -> new OutboundEvent("Bad-Type", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snake_case");
        for (String bad : new String[] {"", "1st", "_x", "stat-update", "statUpdate", "a".repeat(49), "é"}) {
            assertThatThrownBy(() -> new OutboundEvent(bad, null, null, null)).as(bad).hasMessageContaining("snake_case");
        }
        for (String good : new String[] {"a", "stat_update", "x9_", "a".repeat(48)}) {
            assertThat(new OutboundEvent(good, null, null, null).type()).isEqualTo(good);
        }
        assertThatThrownBy(() -> new OutboundEvent("message", "x".repeat(OutboundEvent.MAX_TEXT + 1), null, null))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> new OutboundEvent("stat_update", null, Map.of("hp", Double.NaN), null))
                .hasMessageContaining("NaN");
        OutboundEvent error = OutboundEvent.error("unknown_command", "what?", "r9");
        assertThat(error.isError()).isTrue();
        assertThat(error.payload()).containsEntry("code", "unknown_command");
        assertThat(error.requestId()).isEqualTo("r9");
        assertThat(OutboundEvent.message("hi").withRequestId("r1").requestId()).isEqualTo("r1");
    }

    @Test
    void heldCommandEventsWaitUntilReleasedAndAFailureReplacesThem() {
        sessions.bind(ALICE, alice);
        sessions.bind(BOB, bob);
        HeldEvents[] held = new HeldEvents[1];
        HeldEvents returned = sessions.inCommand(ALICE, "r1", () -> {
            sessions.send(ALICE, OutboundEvent.message("one"));
            held[0] = sessions.holdCommandEvents();
            assertThat(sessions.holdCommandEvents()).isSameAs(held[0]);
            sessions.send(ALICE, OutboundEvent.message("two"));
            sessions.send(BOB, OutboundEvent.message("to bob"));
        });
        assertThat(returned).isSameAs(held[0]);
        assertThat(alice.received()).isEmpty();
        assertThat(bob.received()).hasSize(1);
        returned.release();
        returned.fail(OutboundEvent.error("x", "too late", "r1"));
        assertThat(alice.received()).extracting(OutboundEvent::text).containsExactly("one", "two");

        alice.clear();
        HeldEvents failing = sessions.inCommand(ALICE, "r2", () -> {
            sessions.holdCommandEvents().fail(OutboundEvent.error("unavailable", "not now", "r2"));
            sessions.send(ALICE, OutboundEvent.message("never seen"));
        });
        assertThat(failing.settled()).isTrue();
        assertThat(alice.received()).extracting(OutboundEvent::text).containsExactly("not now");
    }

    @Test
    void aCommandThatHoldsNothingSendsItsEventsWhenItEnds() {
        sessions.bind(ALICE, alice);
        assertThat(sessions.inCommand(ALICE, "r1", () -> {
            sessions.send(ALICE, OutboundEvent.message("a"));
            assertThat(alice.received()).as("not yet: the command runs").isEmpty();
        })).isNull();
        assertThat(alice.received()).extracting(OutboundEvent::text).containsExactly("a");
        assertThatThrownBy(sessions::holdCommandEvents).isInstanceOf(IllegalStateException.class);
    }
}
