package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: the production wiring ({@link Main#loadGame}) with the reference world and pack, the real
 * server on a free port, and real WebSocket clients playing. Every command here is JavaScript.
 */
class GameIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RunningGame running;

    @BeforeAll
    static void start() {
        running = RunningGame.start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static java.net.URI base() {
        return running.base();
    }

    @Test
    void twoPlayersRegisterLogInSeeEachOtherWalkAndTalk() {
        try (TestClient alice = TestClient.join(base(), "Alice", "alice-secret");
             TestClient bob = TestClient.join(base(), "Bob", "bob-secret")) {
            JsonNode aliceRoom = alice.awaitType("room", WAIT);
            JsonNode bobRoom = bob.awaitType("room", WAIT);
            assertThat(aliceRoom.path("payload").path("id").asText()).isEqualTo(bobRoom.path("payload").path("id").asText());
            alice.await(f -> f.path("text").asText().equals("Bob appears."), "Bob appears", WAIT);

            alice.command("w1", "who");
            JsonNode who = alice.await(f -> "w1".equals(f.path("id").asText()), "answer to who", WAIT);
            assertThat(who.path("text").asText()).contains("Alice (you)").contains("Bob");

            String direction = aliceRoom.path("payload").path("exits").get(0).path("dir").asText();
            String target = aliceRoom.path("payload").path("exits").get(0).path("to").asText();
            alice.command("g1", "go " + direction);
            JsonNode moved = alice.await(f -> "g1".equals(f.path("id").asText()), "answer to go", WAIT);
            assertThat(moved.path("type").asText()).isEqualTo("room");
            assertThat(moved.path("payload").path("id").asText()).isEqualTo(target);
            bob.await(f -> f.path("text").asText().equals("Alice leaves " + direction + "."), "Alice leaves", WAIT);

            bob.command("g2", direction.substring(0, 1).equals("i") || direction.equals("out") || direction.equals("up")
                    || direction.equals("down") ? direction : shortFor(direction));
            JsonNode bobThere = bob.await(f -> "g2".equals(f.path("id").asText()), "answer to the shortcut", WAIT);
            assertThat(bobThere.path("payload").path("id").asText()).isEqualTo(target);
            assertThat(bobThere.path("text").asText()).contains("Here: Alice.");
            alice.await(f -> f.path("text").asText().startsWith("Bob arrives"), "Bob arrives", WAIT);

            bob.command("s1", "say Want to start a band?");
            JsonNode echo = bob.await(f -> "s1".equals(f.path("id").asText()), "answer to say", WAIT);
            assertThat(echo.path("text").asText()).isEqualTo("You say, \"Want to start a band?\"");
            JsonNode heard = alice.await(f -> f.path("text").asText().startsWith("Bob says"), "Bob's words", WAIT);
            assertThat(heard.path("text").asText()).isEqualTo("Bob says, \"Want to start a band?\"");
            assertThat(heard.path("payload").path("from").asText()).isEqualTo("player:bob");
            assertThat(heard.has("id")).as("an event Alice did not ask for carries no request id").isFalse();
        }
    }

    @Test
    void badInputGetsTheRightErrorCodesAndNobodyElseNotices() {
        try (TestClient carol = TestClient.join(base(), "Carol", "carol-secret");
             TestClient dave = TestClient.join(base(), "Dave", "dave-secret")) {
            carol.awaitType("room", WAIT);
            carol.send("{not json");
            carol.awaitError("bad_json");
            carol.send("{\"v\":1}");
            carol.awaitError("bad_frame");
            carol.send("{\"v\":1,\"type\":\"dance\"}");
            carol.awaitError("unknown_type");
            carol.command("u1", "juggle chainsaws");
            JsonNode unknown = carol.awaitError("unknown_command");
            assertThat(unknown.path("id").asText()).isEqualTo("u1");
            carol.send("{\"v\":1,\"type\":\"cmd\",\"text\":\"say " + "x".repeat(20_000) + "\"}");
            carol.awaitError("too_large");

            dave.command("d1", "look");
            JsonNode look = dave.await(f -> "d1".equals(f.path("id").asText()), "answer to look", WAIT);
            assertThat(look.path("type").asText()).isEqualTo("room");
            carol.command("c1", "look");
            assertThat(carol.await(f -> "c1".equals(f.path("id").asText()), "Carol still plays", WAIT)
                    .path("type").asText()).isEqualTo("room");
        }
    }

    @Test
    void aBadTokenIsRefusedAndTheSocketClosed() {
        try (TestClient eve = TestClient.connect(TestClient.playUri(base()))) {
            eve.auth("not-a-token");
            eve.awaitError("unauthorized");
            assertThat(eve.awaitClose(WAIT)).isNotNull();
        }
    }

    @Test
    void theGameRanWithoutScriptFaults() {
        try (TestClient frank = TestClient.join(base(), "Frank", "frank-secret")) {
            for (String command : new String[] {"look", "help", "who", "say hello", "n", "s", "e", "w"}) {
                frank.command("f-" + command, command);
                frank.await(f -> ("f-" + command).equals(f.path("id").asText()), "answer to " + command, WAIT);
            }
        }
        assertThat(running.game().scripts().faults().recent()).isEmpty();
    }

    private static String shortFor(String direction) {
        return Map.of("north", "n", "south", "s", "east", "e", "west", "w", "northeast", "ne", "northwest", "nw",
                "southeast", "se", "southwest", "sw").getOrDefault(direction, direction);
    }
}
