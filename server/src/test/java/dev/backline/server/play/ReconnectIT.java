package dev.backline.server.play;

import static dev.backline.server.TestClient.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.server.RunningServer;
import dev.backline.server.TestClient;
import dev.backline.shard.ShardConfig;
import dev.backline.world.EntityId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reconnect grace period: a dropped player stays, gets what they missed, or leaves when it runs out. */
class ReconnectIT {
    private static final String PASSWORD = "password1";
    private RunningServer running;

    private void start(Duration grace, int missed) {
        var config = RunningServer.config();
        running = RunningServer.start(ShardConfig.defaults().withTickRate(50),
                config.withPlay(config.play().withReconnectGrace(grace, missed)));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private TestClient join(String name) {
        TestClient client = TestClient.join(running.baseUri(), name, PASSWORD);
        client.awaitType("room");
        return client;
    }

    private TestClient rejoin(String name) {
        TestClient client = TestClient.connect(running.playUri());
        client.auth(TestClient.login(running.baseUri(), name, PASSWORD));
        client.awaitType("welcome");
        return client;
    }

    @Test
    void aPlayerWhoReconnectsWithinTheGracePeriodIsWhereTheyWereAndGetsWhatTheyMissed() throws Exception {
        start(Duration.ofSeconds(30), 2);
        TestClient alice = join("Alice");
        alice.command("g", "go north");
        alice.await(f -> "g".equals(f.path("id").asText()) && "room".equals(f.path("type").asText()), "the yard", TIMEOUT);
        try (TestClient bob = join("Bob")) {
            alice.abort();
            Thread.sleep(300);
            assertThat(isOnline("player:alice")).as("kept during the grace period").isTrue();
            assertThat(roomOf("player:alice")).contains("test:yard");

            bob.command("n", "go north");
            bob.await(f -> "n".equals(f.path("id").asText()) && "room".equals(f.path("type").asText()), "the yard", TIMEOUT);
            for (String words : new String[] {"one", "two", "three"}) {
                bob.command("s-" + words, "say " + words);
                bob.await(f -> ("s-" + words).equals(f.path("id").asText()), "said " + words, TIMEOUT);
            }

            try (TestClient back = rejoin("Alice")) {
                JsonNode resumed = back.awaitType("resumed");
                JsonNode missed = resumed.path("payload").path("missed");
                java.util.List<String> texts = new java.util.ArrayList<>();
                missed.forEach(e -> texts.add(e.path("text").asText()));
                assertThat(texts).as("the newest two, oldest first")
                        .containsExactly("Bob says: two", "Bob says: three");
                assertThat(resumed.path("payload").path("dropped").asLong()).isEqualTo(1);
                back.command("l", "look");
                JsonNode room = back.await(f -> "l".equals(f.path("id").asText()), "look", TIMEOUT);
                assertThat(room.path("payload").path("id").asText()).isEqualTo("test:yard");
            }
        }
    }

    @Test
    void aPlayerWhoDoesNotComeBackLeavesCleanlyWhenTheGracePeriodEnds() throws Exception {
        start(Duration.ofMillis(700), 10);
        TestClient alice = join("Alice");
        alice.command("g", "go north");
        alice.await(f -> "g".equals(f.path("id").asText()) && "room".equals(f.path("type").asText()), "the yard", TIMEOUT);

        alice.abort();
        Thread.sleep(200);
        assertThat(isOnline("player:alice")).isTrue();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (isOnline("player:alice")) {
            assertThat(System.nanoTime()).as("left after the grace period").isLessThan(deadline);
            Thread.sleep(50);
        }

        assertThat(roomOf("player:alice")).as("out of the world").isEmpty();
        try (TestClient back = rejoin("Alice")) {
            back.command("l", "look");
            JsonNode room = back.await(f -> "l".equals(f.path("id").asText()), "look", TIMEOUT);
            assertThat(room.path("payload").path("id").asText()).as("returns to the room they left").isEqualTo("test:yard");
            back.ping("p");
            JsonNode next = back.await(f -> "pong".equals(f.path("type").asText()) || "resumed".equals(f.path("type").asText()),
                    "pong", TIMEOUT);
            assertThat(next.path("type").asText()).as("nothing to resume after the grace period").isEqualTo("pong");
        }
    }

    @Test
    void aNormalCloseLeavesAtOnceAndASecondLoginTakesOverTheSession() throws Exception {
        start(Duration.ofSeconds(30), 10);
        try (TestClient first = join("Carol")) {
            TestClient second = rejoin("Carol");
            assertThat(first.awaitError("session_replaced").path("message").asText()).isNotBlank();
            assertThat(first.awaitClose(TIMEOUT).status()).isEqualTo(1000);
            second.command("l", "look");
            assertThat(second.await(f -> "l".equals(f.path("id").asText()), "look", TIMEOUT).path("type").asText())
                    .isEqualTo("room");

            second.close();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (isOnline("player:carol")) {
                assertThat(System.nanoTime()).as("a normal close is a logout").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private boolean isOnline(String player) throws Exception {
        EntityId id = EntityId.of(player);
        return running.world().call(s -> s.sessions().isOnline(id)).get(10, TimeUnit.SECONDS);
    }

    private Optional<String> roomOf(String player) throws Exception {
        EntityId id = EntityId.of(player);
        return running.world().call(s -> s.world().get(id).container().map(EntityId::value)).get(10, TimeUnit.SECONDS);
    }
}
