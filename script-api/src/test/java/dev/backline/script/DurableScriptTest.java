package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.session.OutboundEvent;
import dev.backline.shard.Durability;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code game.durable()} from a script, against stores the test controls. */
class DurableScriptTest {
    private static final String MAIN = """
            export function register(pack) {
              pack.command({ name: 'buy', help: 'Buys.', run: (ctx) => {
                game.durable();
                game.setProp(ctx.player, 'guitars', (game.prop(ctx.player, 'guitars') ?? 0) + 1);
                ctx.reply('You bought a guitar.');
              }});
              pack.command({ name: 'stubborn', help: 'Buys anyway.', run: (ctx) => {
                try { game.durable(); } catch (e) { game.setProp(ctx.player, 'caught', String(e.message)); }
                ctx.reply('done?');
              }});
              pack.on('playerEnter', (e) => {
                try { game.durable(); } catch (err) { game.setProp(e.player, 'outside', String(err.message)); }
              });
            }
            """;

    @TempDir
    Path scripts;

    /** A store that is away, or whose commits the test completes by hand. */
    private static final class Store implements Durability {
        boolean available = true;
        CompletableFuture<Void> pending;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public CompletableFuture<Void> commit() {
            pending = new CompletableFuture<>();
            return pending;
        }
    }

    private TestWorld world() {
        TestPacks.pack(scripts, "shop", Map.of("main.js", MAIN));
        return TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build();
    }

    @Test
    void withoutADatabaseTheAnswerGoesOutWhenTheCommandEnds() {
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            assertThat(ann.say("buy")).isEqualTo("You bought a guitar.");
            assertThat(w.shard().world().get(ann.id()).property("guitars")).isEqualTo(1L);
            assertThat(w.shard().world().get(ann.id()).property("outside")).asString()
                    .contains("game.durable: only a command handler");
        }
    }

    @Test
    void theAnswerWaitsForTheStoreAndAFailedWriteBecomesAnError() {
        try (TestWorld w = world()) {
            Store store = new Store();
            w.shard().durableCommands().use(store);
            TestPlayer ann = w.join("Ann");

            assertThat(ann.send("buy")).as("held while the write is in flight").isEmpty();
            store.pending.complete(null);
            w.tick();
            assertThat(ann.received()).extracting(OutboundEvent::text).contains("You bought a guitar.");

            ann.clear();
            ann.send("buy");
            store.pending.completeExceptionally(new IllegalStateException("gone"));
            w.tick();
            assertThat(ann.received()).singleElement().satisfies(e -> {
                assertThat(e.payload()).containsEntry("code", "unavailable");
                assertThat(e.requestId()).isNotNull();
            });
        }
    }

    @Test
    void whileTheStoreIsAwayACarefulScriptDoesNothingAndTheScriptIsNotBlamed() {
        try (TestWorld w = world()) {
            Store store = new Store();
            store.available = false;
            w.shard().durableCommands().use(store);
            TestPlayer ann = w.join("Ann");
            long faultsBefore = w.scripts().faults().total();

            List<OutboundEvent> answer = ann.send("buy");
            List<OutboundEvent> stubborn = ann.send("stubborn");

            assertThat(answer).singleElement().satisfies(e -> assertThat(e.payload()).containsEntry("code", "unavailable"));
            assertThat(w.shard().world().get(ann.id()).property("guitars")).isNull();
            assertThat(stubborn).as("a script that catches the refusal still cannot answer").singleElement()
                    .satisfies(e -> assertThat(e.payload()).containsEntry("code", "unavailable"));
            assertThat(w.shard().world().get(ann.id()).property("caught")).asString().contains("cannot save right now");
            assertThat(w.scripts().faults().total()).as("a refusal is no script error").isEqualTo(faultsBefore);
            assertThat(store.pending).isNull();
        }
    }
}
