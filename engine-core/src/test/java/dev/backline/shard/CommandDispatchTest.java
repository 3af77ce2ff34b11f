package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.command.CommandFailedException;
import dev.backline.command.CommandHandler;
import dev.backline.command.CommandInvocation;
import dev.backline.command.CommandSpec;
import dev.backline.session.OutboundEvent;
import dev.backline.testing.RecordingChannel;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandDispatchTest {
    private static final EntityId LOBBY = EntityId.of("city:lobby");
    private static final EntityId ALICE = EntityId.of("player:alice");
    private static final EntityId BOB = EntityId.of("player:bob");

    private final Shard shard = new Shard(ShardConfig.defaults());
    private final RecordingChannel alice = new RecordingChannel();
    private final RecordingChannel bob = new RecordingChannel();
    private final List<CommandInvocation> invocations = new ArrayList<>();

    @BeforeEach
    void setUp() {
        shard.world().create(EntitySpec.of(LOBBY, "room"));
        shard.presence().setStartRoom(LOBBY);
        shard.presence().connect(ALICE, "Alice", alice);
        shard.presence().connect(BOB, "Bob", bob);
        shard.tick();
        alice.clear();
        bob.clear();
    }

    private void register(String name, List<String> aliases, CommandHandler handler) {
        shard.commands().register(new CommandSpec(name, aliases, "help for " + name, null, "test-pack", handler));
    }

    private void type(EntityId player, String requestId, String text) {
        shard.submit(s -> s.commandDispatch().run(player, requestId, text));
        shard.tick();
    }

    @Test
    void runsTheHandlerWithTheParsedInvocation() {
        register("give", List.of("g"), invocations::add);
        type(ALICE, "r1", "G guitar  to bob");

        assertThat(invocations).singleElement().satisfies(inv -> {
            assertThat(inv.player()).isEqualTo(ALICE);
            assertThat(inv.requestId()).isEqualTo("r1");
            assertThat(inv.verb()).as("resolved to the command's name").isEqualTo("give");
            assertThat(inv.typed()).isEqualTo("g");
            assertThat(inv.args()).isEqualTo("guitar  to bob");
            assertThat(inv.argv()).containsExactly("guitar", "to", "bob");
        });
        assertThat(alice.received()).isEmpty();
    }

    @Test
    void anUnknownVerbIsAnErrorWithTheRequestId() {
        type(ALICE, "r2", "dance wildly");

        OutboundEvent error = alice.received().getFirst();
        assertThat(error.isError()).isTrue();
        assertThat(error.payload()).containsEntry("code", "unknown_command");
        assertThat(error.requestId()).isEqualTo("r2");
        assertThat(error.text()).contains("'dance'");
        assertThat(shard.stats().failures()).isZero();
    }

    @Test
    void anEmptyLineIsAnErrorNotAFailure() {
        type(ALICE, "r3", "   ");
        assertThat(alice.errorCodes()).hasSize(1);
        assertThat(alice.received().getFirst().requestId()).isEqualTo("r3");
        assertThat(shard.stats().failures()).isZero();
    }

    @Test
    void aCommandFailedExceptionBecomesItsCode() {
        register("buy", List.of(), inv -> {
            throw new CommandFailedException("not_enough_money", "You cannot afford that.");
        });
        type(ALICE, "r4", "buy amp");

        OutboundEvent error = alice.received().getFirst();
        assertThat(error.payload()).containsEntry("code", "not_enough_money");
        assertThat(error.text()).isEqualTo("You cannot afford that.");
        assertThat(error.requestId()).isEqualTo("r4");
        assertThat(shard.stats().failures()).as("a refused command is not a fault").isZero();
    }

    @Test
    void anyOtherExceptionIsAnInternalErrorAndACountedFailure() {
        register("crash", List.of(), inv -> {
            throw new IllegalStateException("bug in the handler");
        });
        type(ALICE, "r5", "crash");

        OutboundEvent error = alice.received().getFirst();
        assertThat(error.payload()).containsEntry("code", "internal_error");
        assertThat(error.text()).doesNotContain("bug in the handler");
        assertThat(error.requestId()).isEqualTo("r5");
        assertThat(shard.stats().failures()).isEqualTo(1);

        register("ping", List.of(), inv -> shard.sessions().send(inv.player(), OutboundEvent.message("pong")));
        type(ALICE, "r6", "ping");
        assertThat(alice.last("message")).map(OutboundEvent::text).contains("pong");
    }

    @Test
    void eventsToTheCommandingPlayerCarryItsRequestIdAndEventsToOthersDoNot() {
        register("say", List.of("'"), inv -> {
            shard.sessions().send(ALICE, OutboundEvent.message("You say: " + inv.args()));
            shard.sessions().send(BOB, OutboundEvent.message("Alice says: " + inv.args()));
        });
        type(ALICE, "r7", "'hello");

        assertThat(alice.received()).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("You say: hello");
            assertThat(e.requestId()).isEqualTo("r7");
        });
        assertThat(bob.received()).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Alice says: hello");
            assertThat(e.requestId()).isNull();
        });

        shard.sessions().send(ALICE, OutboundEvent.message("later"));
        assertThat(alice.last("message").orElseThrow().requestId()).isNull();
    }

    @Test
    void commandsOfPlayersWhoLeftAreIgnored() {
        register("look", List.of(), invocations::add);
        shard.submit(s -> s.presence().disconnect(ALICE, alice));
        shard.submit(s -> s.commandDispatch().run(ALICE, "r8", "look"));
        shard.tick();
        assertThat(invocations).isEmpty();
        assertThat(alice.received()).isEmpty();
    }

    @Test
    void aSlowConsumerIsClosedWhenItsOutboxIsFull() {
        register("spam", List.of(), inv -> {
            for (int i = 0; i < 5; i++) {
                shard.sessions().send(inv.player(), OutboundEvent.message("line " + i));
            }
        });
        alice.acceptOnly(2);
        type(ALICE, "r9", "spam");

        assertThat(alice.received()).hasSize(2);
        assertThat(alice.closeCodes()).containsExactly("slow_consumer");
        assertThat(shard.sessions().slowConsumerDisconnects()).isEqualTo(1);
        assertThat(bob.isClosed()).isFalse();
    }
}
