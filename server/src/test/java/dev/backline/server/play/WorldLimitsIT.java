package dev.backline.server.play;

import static dev.backline.server.TestClient.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.server.RunningServer;
import dev.backline.server.TestClient;
import dev.backline.server.config.ServerConfig;
import dev.backline.shard.ShardConfig;
import dev.backline.world.EntityId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each test gets its own server, because these tests hold, fill or stop the world. */
class WorldLimitsIT {
    private static final String PASSWORD = "password1";
    private static final ShardConfig TINY_QUEUE = ShardConfig.defaults().withTickRate(50).withQueueCapacity(2);
    private RunningServer running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private TestClient join(String name) {
        TestClient client = TestClient.join(running.baseUri(), name, PASSWORD);
        client.awaitType("room");
        return client;
    }

    @Test
    void aFullWorldQueueRefusesLoginsAndCommandsAsServerBusy() throws InterruptedException {
        running = RunningServer.start(TINY_QUEUE, RunningServer.config());
        try (TestClient alice = join("Alice")) {
            TestClient.post(running.baseUri(), "/api/accounts", TestClient.json(Map.of("name", "Bob", "password", PASSWORD)));
            String bobToken = TestClient.login(running.baseUri(), "Bob", PASSWORD);
            alice.command("w", "wait");
            running.gate().awaitHeld();
            alice.command("l1", "look");
            alice.command("l2", "look");

            alice.command("l3", "look");
            JsonNode busyCommand = alice.next(TIMEOUT);
            try (TestClient bob = TestClient.connect(running.playUri())) {
                bob.auth(bobToken);
                JsonNode busyLogin = bob.next(TIMEOUT);

                assertThat(busyCommand.path("code").asText()).isEqualTo("server_busy");
                assertThat(busyCommand.path("id").asText()).isEqualTo("l3");
                assertThat(busyLogin.path("code").asText()).isEqualTo("server_busy");
                assertThat(bob.awaitClose(TIMEOUT).status()).isEqualTo(1013);
            }
            running.gate().open();
            assertThat(alice.next(TIMEOUT).path("id").asText()).isEqualTo("l1");
            assertThat(alice.next(TIMEOUT).path("id").asText()).isEqualTo("l2");
            assertThat(alice.isClosed()).as("a busy command does not close the socket").isFalse();
        }
    }

    @Test
    void aDisconnectRefusedByAFullQueueIsRetriedUntilTheWorldTakesIt() throws Exception {
        running = RunningServer.start(TINY_QUEUE, RunningServer.config());
        TestClient leaver = join("Leaver");
        try (TestClient holder = join("Holder")) {
            holder.command("w", "wait");
            running.gate().awaitHeld();
            holder.command("l1", "look");
            holder.command("l2", "look");

            leaver.abort();
            // A session counts as open until its disconnect has been handed on, which cannot succeed now.
            long ended = System.nanoTime() + TIMEOUT.toNanos();
            while (running.server().openSessions() > 1) {
                assertThat(System.nanoTime()).as("the leaver's session did not end").isLessThan(ended);
            }
            running.gate().open();

            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (isOnline("player:leaver")) {
                assertThat(System.nanoTime()).as("the leaver is still online").isLessThan(deadline);
            }
            assertThat(isOnline("player:holder")).isTrue();
        }
    }

    @Test
    void aSocketThatNeverAuthenticatesIsClosed() {
        ServerConfig config = RunningServer.config();
        running = RunningServer.start(ShardConfig.defaults().withTickRate(50),
                config.withPlay(config.play().withAuthTimeout(Duration.ofMillis(300))));
        try (TestClient silent = TestClient.connect(running.playUri())) {
            JsonNode error = silent.next(TIMEOUT);

            assertThat(error.path("code").asText()).isEqualTo("unauthorized");
            assertThat(error.path("message").asText()).contains("300 ms");
            assertThat(silent.awaitClose(TIMEOUT).status()).isEqualTo(1008);
        }
    }

    @Test
    void aSingleFrameOverTheTransportLimitClosesTheSocketWith1009() throws IOException {
        ServerConfig config = RunningServer.config();
        PlayConfig play = new PlayConfig(16 * 1024, 32 * 1024, 1024, 32, Duration.ofSeconds(10), Duration.ofSeconds(5));
        running = RunningServer.start(ShardConfig.defaults().withTickRate(50), config.withPlay(play));
        try (RawWebSocket under = RawWebSocket.connect(running.server().port(), "/play");
             RawWebSocket over = RawWebSocket.connect(running.server().port(), "/play")) {
            under.sendText("x".repeat(20 * 1024));
            over.sendText("x".repeat(40 * 1024));

            RawWebSocket.Frame tooLarge = under.readFrame();
            RawWebSocket.Frame transportClose = over.readFrame();

            assertThat(new String(tooLarge.payload(), StandardCharsets.UTF_8)).contains("\"too_large\"");
            assertThat(transportClose.opcode()).as("a close frame").isEqualTo(8);
            assertThat(transportClose.closeStatus()).isEqualTo(1009);
        }
    }

    @Test
    void healthCountsPlayersAndTurns503WhenTheWorldStops() {
        running = RunningServer.start();
        awaitHealth(players -> players == 0);
        TestClient alice = join("Alice");
        awaitHealth(players -> players == 1);
        alice.abort();
        awaitHealth(players -> players == 0);

        running.world().close();
        HttpResponse<String> down = TestClient.get(running.baseUri(), "/health");

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(TestClient.parse(down.body()).path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void stoppingTheServerTellsPlayersAndClosesTheirSockets() {
        running = RunningServer.start();
        try (TestClient alice = join("Alice")) {
            running.server().close();

            assertThat(alice.awaitError("server_shutdown").path("message").asText()).isNotBlank();
            assertThat(alice.awaitClose(TIMEOUT).status()).isEqualTo(1001);
        }
    }

    /** Asks the world; with a tiny queue the question itself may be refused, so it asks again. */
    private boolean isOnline(String player) throws Exception {
        EntityId id = EntityId.of(player);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return running.world().call(s -> s.sessions().isOnline(id)).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).hasMessageContaining("queue is full");
                assertThat(System.nanoTime()).as("the world kept refusing the question").isLessThan(deadline);
            }
        }
    }

    private void awaitHealth(IntPredicate players) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> response = TestClient.get(running.baseUri(), "/health");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = TestClient.parse(response.body());
            if (players.test(body.path("players").asInt())) {
                return;
            }
            assertThat(System.nanoTime()).as("players in /health: " + body).isLessThan(deadline);
        }
    }
}
