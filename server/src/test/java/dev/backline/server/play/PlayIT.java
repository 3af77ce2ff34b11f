package dev.backline.server.play;

import static dev.backline.server.TestClient.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.server.RunningServer;
import dev.backline.server.TestClient;
import dev.backline.world.EntityId;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code /play} protocol against the real server, a real world thread and real WebSocket clients. */
class PlayIT {
    private static final String PASSWORD = "password1";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static RunningServer running;
    private static URI base;

    @BeforeAll
    static void start() {
        running = RunningServer.start();
        base = running.baseUri();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static String newName() {
        return "Player" + NAMES.incrementAndGet();
    }

    /** A new player who has had the welcome and the first room event. */
    private static TestClient join() {
        return join(newName());
    }

    private static TestClient join(String name) {
        TestClient client = TestClient.join(base, name, PASSWORD);
        client.awaitType("room");
        return client;
    }

    @Test
    void anAuthenticatedPlayerIsWelcomedThenSeesTheRoom() {
        String name = newName();
        TestClient.post(base, "/api/accounts", TestClient.json(Map.of("name", name, "password", PASSWORD)));
        String token = TestClient.login(base, name, PASSWORD);
        try (TestClient client = TestClient.connect(running.playUri())) {
            client.auth(token);

            JsonNode welcome = client.next(TIMEOUT);
            JsonNode room = client.next(TIMEOUT);

            assertThat(welcome.path("v").asInt()).isEqualTo(1);
            assertThat(welcome.path("type").asText()).isEqualTo("welcome");
            assertThat(welcome.path("payload").path("protocol").asInt()).isEqualTo(1);
            assertThat(welcome.path("payload").path("player").path("id").asText()).isEqualTo("player:" + name.toLowerCase());
            assertThat(welcome.path("payload").path("player").path("name").asText()).isEqualTo(name);
            assertThat(welcome.has("text")).as("null fields are left out").isFalse();
            assertThat(welcome.has("id")).isFalse();
            assertThat(room.path("type").asText()).isEqualTo("room");
            assertThat(room.path("text").asText()).isEqualTo("The Hall");
            assertThat(room.path("payload").path("id").asText()).isEqualTo("test:hall");
        }
    }

    @Test
    void onePlayerSpeaksAndTheOtherHears() {
        try (TestClient alice = join(); TestClient bob = join()) {
            alice.command("c1", "say hello there");

            JsonNode own = alice.awaitType("message");
            JsonNode heard = bob.awaitType("message");

            assertThat(own.path("id").asText()).isEqualTo("c1");
            assertThat(own.path("payload").path("text").asText()).isEqualTo("hello there");
            assertThat(heard.has("id")).as("only the speaker's answer carries the request id").isFalse();
            assertThat(heard.path("text").asText()).endsWith("says: hello there");
            assertThat(heard.path("payload").path("from").asText()).isEqualTo(own.path("payload").path("from").asText());
        }
    }

    @Test
    void aPlayerWhoLeavesTheRoomNoLongerHearsIt() {
        try (TestClient alice = join(); TestClient bob = join()) {
            alice.command("g1", "go north");
            JsonNode yard = alice.awaitType("room");
            assertThat(yard.path("id").asText()).isEqualTo("g1");
            assertThat(yard.path("payload").path("id").asText()).isEqualTo("test:yard");

            bob.command("s1", "say anyone?");
            bob.awaitType("message");
            alice.command("l1", "look");

            // The world runs tasks in order: had alice heard bob, his message would come before this room.
            JsonNode next = alice.next(TIMEOUT);
            assertThat(next.path("type").asText()).isEqualTo("room");
            assertThat(next.path("id").asText()).isEqualTo("l1");
        }
    }

    @Test
    void engineErrorsAreEncodedAsErrorFrames() {
        try (TestClient client = join()) {
            client.command("c9", "dance wildly");
            JsonNode unknown = client.awaitType("error");
            client.command("c10", "go west");
            JsonNode noExit = client.awaitType("error");
            client.command("c11", "boom");
            JsonNode internal = client.awaitType("error");
            client.command("c12", "look");
            JsonNode stillWorks = client.awaitType("room");

            assertThat(unknown.path("code").asText()).isEqualTo("unknown_command");
            assertThat(unknown.path("message").asText()).contains("dance");
            assertThat(unknown.path("id").asText()).isEqualTo("c9");
            assertThat(unknown.has("payload")).isFalse();
            assertThat(noExit.path("code").asText()).isEqualTo("no_exit");
            assertThat(noExit.path("id").asText()).isEqualTo("c10");
            assertThat(internal.path("code").asText()).isEqualTo("internal_error");
            assertThat(stillWorks.path("id").asText()).isEqualTo("c12");
        }
    }

    @Test
    void pingIsAnsweredWithPongEchoingTheId() {
        try (TestClient client = join()) {
            client.ping("p1");
            client.sendFrame("ping");

            JsonNode withId = client.awaitType("pong");
            JsonNode withoutId = client.awaitType("pong");

            assertThat(withId.path("v").asInt()).isEqualTo(1);
            assertThat(withId.path("id").asText()).isEqualTo("p1");
            assertThat(withoutId.has("id")).isFalse();
        }
    }

    @Test
    void webSocketPingsAreAnsweredWithPongs() {
        try (TestClient client = join()) {
            client.sendPing(new byte[] {7, 8, 9});

            assertThat(client.awaitPong()).containsExactly(7, 8, 9);
        }
    }

    @Test
    void aCommandWithoutIdIsAnsweredWithoutId() {
        try (TestClient client = join()) {
            client.command(null, "look");

            assertThat(client.awaitType("room").has("id")).isFalse();
        }
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("not json", "bad_json", null),
                Arguments.of("[1,2]", "bad_json", null),
                Arguments.of("\"text\"", "bad_json", null),
                Arguments.of("{\"v\":1,\"type\":\"ping\"} trailing", "bad_json", null),
                Arguments.of("{\"v\":1,\"v\":1,\"type\":\"ping\"}", "bad_json", null),
                Arguments.of("{\"v\":2,\"type\":\"ping\",\"id\":\"b1\"}", "bad_frame", "b1"),
                Arguments.of("{\"v\":\"1\",\"type\":\"ping\"}", "bad_frame", null),
                Arguments.of("{\"type\":\"ping\"}", "bad_frame", null),
                Arguments.of("{\"v\":1}", "bad_frame", null),
                Arguments.of("{\"v\":1,\"type\":5}", "bad_frame", null),
                Arguments.of("{\"v\":1,\"type\":\"cmd\",\"id\":\"b2\"}", "bad_frame", "b2"),
                Arguments.of("{\"v\":1,\"type\":\"cmd\",\"id\":\"b3\",\"text\":\"\"}", "bad_frame", "b3"),
                Arguments.of("{\"v\":1,\"type\":\"cmd\",\"id\":\"b4\",\"text\":7}", "bad_frame", "b4"),
                Arguments.of("{\"v\":1,\"type\":\"cmd\",\"id\":\"b5\",\"text\":\"" + "x".repeat(1001) + "\"}", "bad_frame", "b5"),
                Arguments.of("{\"v\":1,\"type\":\"cmd\",\"id\":\"" + "i".repeat(65) + "\",\"text\":\"look\"}", "bad_frame", null),
                Arguments.of("{\"v\":1,\"type\":\"cmd\",\"id\":5,\"text\":\"look\"}", "bad_frame", null),
                Arguments.of("{\"v\":1,\"type\":\"dance\",\"id\":\"b6\"}", "unknown_type", "b6"),
                Arguments.of("{\"v\":1,\"type\":\"auth\",\"id\":\"b7\",\"token\":\"again\"}", "bad_frame", "b7"),
                Arguments.of("{\"v\":1,\"type\":\"cmd\",\"text\":\"" + "x".repeat(17 * 1024) + "\"}", "too_large", null));
    }

    @ParameterizedTest
    @MethodSource("badFrames")
    void aBadFrameGetsItsErrorCodeAndTheSocketStaysOpen(String frame, String code, String id) {
        try (TestClient client = join()) {
            client.send(frame);

            JsonNode error = client.next(TIMEOUT);
            assertThat(error.path("v").asInt()).isEqualTo(1);
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo(code);
            assertThat(error.path("message").asText()).isNotBlank();
            if (id == null) {
                assertThat(error.has("id")).isFalse();
            } else {
                assertThat(error.path("id").asText()).isEqualTo(id);
            }
            client.ping("after");
            assertThat(client.next(TIMEOUT).path("type").asText()).isEqualTo("pong");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void fragmentsAreJoinedIntoOneMessage() {
        try (TestClient client = join()) {
            client.sendFragments("{\"v\":1,\"type\":\"cmd\",", "\"id\":\"f1\",\"text\":\"say in ", "pieces\"}");

            JsonNode message = client.awaitType("message");

            assertThat(message.path("id").asText()).isEqualTo("f1");
            assertThat(message.path("payload").path("text").asText()).isEqualTo("in pieces");
        }
    }

    @Test
    void anOversizedFragmentedMessageIsRefusedOnce() {
        try (TestClient client = join()) {
            String[] parts = new String[10];
            Arrays.fill(parts, "x".repeat(2000));
            client.sendFragments(parts);
            client.ping("after");

            assertThat(client.next(TIMEOUT).path("code").asText()).isEqualTo("too_large");
            assertThat(client.next(TIMEOUT).path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void binaryFramesAreRefused() {
        try (TestClient client = join()) {
            client.sendBinary(new byte[] {1, 2, 3});
            client.ping("after");

            assertThat(client.next(TIMEOUT).path("code").asText()).isEqualTo("bad_frame");
            assertThat(client.next(TIMEOUT).path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void aBadTokenIsUnauthorizedAndClosed() {
        try (TestClient client = TestClient.connect(running.playUri())) {
            client.auth("not-a-real-token");

            JsonNode error = client.next(TIMEOUT);

            assertThat(error.path("code").asText()).isEqualTo("unauthorized");
            assertThat(error.path("message").asText()).contains("token");
            assertThat(client.awaitClose(TIMEOUT).status()).isEqualTo(1008);
        }
    }

    @Test
    void anyOtherFirstFrameIsRefusedAndClosed() {
        try (TestClient command = TestClient.connect(running.playUri());
             TestClient garbage = TestClient.connect(running.playUri())) {
            command.command("c1", "look");
            garbage.send("{{{");

            assertThat(command.next(TIMEOUT).path("code").asText()).isEqualTo("unauthorized");
            assertThat(command.awaitClose(TIMEOUT).status()).isEqualTo(1008);
            assertThat(garbage.next(TIMEOUT).path("code").asText()).isEqualTo("bad_json");
            assertThat(garbage.awaitClose(TIMEOUT).status()).isEqualTo(1008);
        }
    }

    @Test
    void tooManyWaitingCommandsAreRateLimited() throws InterruptedException {
        int max = RunningServer.config().play().maxPendingCommands();
        try (TestClient client = join()) {
            client.command("w", "wait");
            running.gate().awaitHeld();
            for (int i = 1; i <= max + 1; i++) {
                client.command("l" + i, "look");
            }

            JsonNode limited = client.next(TIMEOUT);
            running.gate().open();
            List<String> answered = new ArrayList<>();
            for (int i = 1; i <= max; i++) {
                answered.add(client.next(TIMEOUT).path("id").asText());
            }

            assertThat(limited.path("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.path("id").asText()).isEqualTo("l" + (max + 1));
            assertThat(answered).first().isEqualTo("l1");
            assertThat(answered).last().isEqualTo("l" + max);
            assertThat(answered).doesNotHaveDuplicates();
        }
    }

    @Test
    void oneClientsBadFramesDoNotDisturbAnother() {
        try (TestClient rude = join(); TestClient polite = join()) {
            rude.send("nonsense");
            rude.sendBinary(new byte[] {0});
            rude.send("{\"v\":9,\"type\":\"cmd\"}");
            rude.send("x".repeat(20_000));
            rude.sendFrame("teleport");
            polite.command("p1", "say still here");

            assertThat(polite.awaitType("message").path("id").asText()).isEqualTo("p1");
            assertThat(rude.awaitType("message").path("payload").path("text").asText()).isEqualTo("still here");
            assertThat(rude.isClosed()).isFalse();
            assertThat(polite.isClosed()).isFalse();
        }
    }

    @Test
    void aSecondLoginReplacesTheFirstSession() {
        String name = newName();
        try (TestClient first = join(name); TestClient second = join(name)) {
            JsonNode replaced = first.awaitError("session_replaced");
            second.command("l1", "look");

            assertThat(replaced.path("message").asText()).isNotBlank();
            assertThat(first.awaitClose(TIMEOUT).status()).isEqualTo(1000);
            assertThat(second.awaitType("room").path("id").asText()).isEqualTo("l1");
        }
    }

    @Test
    void closingOrDroppingTheSocketTakesThePlayerOutOfTheWorld() throws Exception {
        String closer = newName();
        String dropper = newName();
        TestClient closing = join(closer);
        TestClient dropping = join(dropper);
        assertThat(isOnline(closer)).isTrue();
        assertThat(isOnline(dropper)).isTrue();

        closing.close();
        dropping.abort();

        awaitOffline(closer);
        awaitOffline(dropper);
    }

    static boolean isOnline(String name) throws Exception {
        EntityId id = EntityId.of("player:" + name.toLowerCase());
        return running.world().call(s -> s.sessions().isOnline(id)).get(10, TimeUnit.SECONDS);
    }

    static void awaitOffline(String name) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (isOnline(name)) {
            assertThat(System.nanoTime()).as(name + " is still online").isLessThan(deadline);
        }
    }
}
