package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.command.CommandSpec;
import dev.backline.session.OutboundEvent;
import dev.backline.testing.RecordingChannel;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Durable commands against a store the test settles by hand. */
class DurableCommandsTest {
    private static final EntityId LOBBY = EntityId.of("city:lobby");
    private static final EntityId ALICE = EntityId.of("player:alice");
    private static final EntityId BOB = EntityId.of("player:bob");

    /** A store whose commits wait for the test; it can be marked away. */
    private static final class HandStore implements Durability {
        final List<CompletableFuture<Void>> commits = new ArrayList<>();
        boolean available = true;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public CompletableFuture<Void> commit() {
            CompletableFuture<Void> f = new CompletableFuture<>();
            commits.add(f);
            return f;
        }
    }

    private final Shard shard = new Shard(ShardConfig.defaults());
    private final HandStore store = new HandStore();
    private final RecordingChannel alice = new RecordingChannel();
    private final RecordingChannel bob = new RecordingChannel();

    @BeforeEach
    void setUp() {
        shard.world().create(EntitySpec.of(LOBBY, "room"));
        shard.presence().setStartRoom(LOBBY);
        shard.presence().connect(ALICE, "Alice", alice);
        shard.presence().connect(BOB, "Bob", bob);
        shard.durableCommands().use(store);
        shard.commands().register(new CommandSpec("buy", List.of(), "Buys.", null, "test-pack", inv -> {
            shard.sessions().send(ALICE, OutboundEvent.message("before durable"));
            shard.durableCommands().require();
            shard.world().setProperty(ALICE, "coins", 5);
            shard.sessions().send(ALICE, OutboundEvent.message("you bought it"));
            shard.sessions().send(BOB, OutboundEvent.message("alice bought it"));
        }));
        shard.tick();
        alice.clear();
        bob.clear();
    }

    private void type(String requestId, String text) {
        shard.submit(s -> s.commandDispatch().run(ALICE, requestId, text));
        shard.tick();
    }

    @Test
    void theAnswerWaitsForTheCommitAndOthersAreNotHeld() {
        type("b1", "buy");

        assertThat(store.commits).as("committed once, after the command").hasSize(1);
        assertThat(alice.received()).as("held until stored, even what came before durable()").isEmpty();
        assertThat(bob.received()).extracting(OutboundEvent::text).containsExactly("alice bought it");
        shard.tick();
        assertThat(alice.received()).isEmpty();

        store.commits.getFirst().complete(null);
        shard.tick();
        assertThat(alice.received()).extracting(OutboundEvent::text).containsExactly("before durable", "you bought it");
        assertThat(alice.received()).extracting(OutboundEvent::requestId).containsOnly("b1");
        assertThat(shard.durableCommands().waiting()).isZero();
    }

    @Test
    void aFailedCommitSendsTheErrorInsteadOfTheAnswer() {
        type("b2", "buy");
        store.commits.getFirst().completeExceptionally(new IllegalStateException("disk on fire"));
        shard.tick();

        assertThat(alice.received()).singleElement().satisfies(e -> {
            assertThat(e.payload()).containsEntry("code", DurableCommands.UNAVAILABLE);
            assertThat(e.requestId()).isEqualTo("b2");
        });
    }

    @Test
    void whileTheStoreIsAwayTheCommandIsRefusedBeforeItChangesAnything() {
        store.available = false;
        type("b3", "buy");

        assertThat(store.commits).as("nothing to commit").isEmpty();
        assertThat(shard.world().get(ALICE).property("coins")).isNull();
        assertThat(alice.received()).singleElement().satisfies(e -> {
            assertThat(e.payload()).containsEntry("code", DurableCommands.UNAVAILABLE);
            assertThat(e.requestId()).isEqualTo("b3");
        });
        assertThat(bob.received()).isEmpty();
        assertThat(shard.stats().failures()).as("a refusal is not a failure of the engine").isZero();
    }

    @Test
    void withoutPersistenceTheAnswerGoesOutAtOnce() {
        Shard plain = new Shard(ShardConfig.defaults());
        RecordingChannel carol = new RecordingChannel();
        plain.world().create(EntitySpec.of(LOBBY, "room"));
        plain.presence().setStartRoom(LOBBY);
        plain.presence().connect(ALICE, "Alice", carol);
        plain.commands().register(new CommandSpec("buy", List.of(), "Buys.", null, "test-pack", inv -> {
            plain.durableCommands().require();
            plain.sessions().send(ALICE, OutboundEvent.message("done"));
        }));
        plain.tick();
        carol.clear();
        plain.submit(s -> s.commandDispatch().run(ALICE, "b4", "buy"));
        plain.tick();

        assertThat(carol.received()).extracting(OutboundEvent::text).containsExactly("done");
    }

    @Test
    void outsideACommandItIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shard.durableCommands().require())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no command is running");
    }
}
