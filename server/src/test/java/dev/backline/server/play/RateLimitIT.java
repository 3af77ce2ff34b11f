package dev.backline.server.play;

import static dev.backline.server.TestClient.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.server.RunningServer;
import dev.backline.server.TestClient;
import dev.backline.shard.ShardConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token buckets of {@code /play}: per session, per chat, per address; and a flood hurts only its sender. */
class RateLimitIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private RunningServer running;

    private void start(RateLimits limits) {
        var config = RunningServer.config();
        running = RunningServer.start(ShardConfig.defaults().withTickRate(50),
                config.withPlay(config.play().withRateLimits(limits)));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private TestClient join() {
        TestClient client = TestClient.join(running.baseUri(), "Rater" + NAMES.incrementAndGet(), "password1");
        client.awaitType("room");
        return client;
    }

    @Test
    void aSessionOverItsBurstGetsRateLimitedAndRecoversAfterTheRefill() {
        start(RateLimits.defaults().withSession(5, 1));
        try (TestClient client = join()) {
            for (int i = 1; i <= 6; i++) {
                client.command("b" + i, "look");
            }

            JsonNode limited = client.await(f -> "b6".equals(f.path("id").asText()), "answer to b6", TIMEOUT);
            assertThat(limited.path("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.path("message").asText()).contains("too fast");
            client.await(f -> "b5".equals(f.path("id").asText()) && "room".equals(f.path("type").asText()),
                    "b5 served", TIMEOUT);

            JsonNode later = retryUntilServed(client, "look");
            assertThat(later.path("type").asText()).isEqualTo("room");
        }
    }

    @Test
    void chatHasItsOwnTighterBucket() {
        start(RateLimits.defaults().withChat(2, 1, Set.of("say", "'")));
        try (TestClient client = join()) {
            client.command("s1", "say one");
            client.command("s2", "'two");
            client.command("s3", "say three");
            client.command("l1", "look");

            assertThat(client.await(f -> "s3".equals(f.path("id").asText()), "s3", TIMEOUT).path("code").asText())
                    .isEqualTo("rate_limited");
            assertThat(client.await(f -> "l1".equals(f.path("id").asText()), "l1", TIMEOUT).path("type").asText())
                    .as("other commands still go").isEqualTo("room");
        }
    }

    @Test
    void sessionsFromOneAddressShareItsBucket() {
        start(RateLimits.defaults().withAddress(6, 1));
        try (TestClient a = join(); TestClient b = join()) {
            // Joining sent no commands: the address has its whole burst.
            for (int i = 1; i <= 4; i++) {
                a.command("a" + i, "look");
            }
            a.await(f -> "a4".equals(f.path("id").asText()), "a4", TIMEOUT);
            for (int i = 1; i <= 3; i++) {
                b.command("b" + i, "look");
            }

            JsonNode third = b.await(f -> "b3".equals(f.path("id").asText()), "b3", TIMEOUT);
            assertThat(third.path("code").asText()).isEqualTo("rate_limited");
            assertThat(third.path("message").asText()).contains("address");
        }
    }

    @Test
    void aFloodFromOneClientDoesNotSlowAnotherClientsRoundTrip() throws InterruptedException {
        start(RateLimits.defaults().withSession(10, 5));
        try (TestClient polite = join(); TestClient flooder = join()) {
            long quiet = medianRoundTrip(polite, "q");

            Thread flood = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 500; i++) {
                    flooder.command("f" + i, "look");
                }
            });
            long busy = medianRoundTrip(polite, "p");
            flood.join();
            JsonNode last = flooder.await(f -> "f499".equals(f.path("id").asText()), "answer to the last flood command",
                    Duration.ofSeconds(30));
            assertThat(last.path("code").asText()).isEqualTo("rate_limited");
            assertThat(flooder.isClosed()).as("refused, not disconnected").isFalse();

            // Generous: scheduling on a shared 2-core machine varies, but a flood that reached the world would
            // queue the polite client behind thousands of commands.
            assertThat(busy).as("median round trip during the flood (quiet: " + quiet + " µs)")
                    .isLessThan(Math.max(quiet * 20, 200_000));
        }
    }

    /** Sends {@code look} until it is served, waiting between tries for the bucket to refill. */
    private static JsonNode retryUntilServed(TestClient client, String text) {
        for (int i = 0; i < 50; i++) {
            String id = "r" + i;
            client.command(id, text);
            JsonNode answer = client.await(f -> id.equals(f.path("id").asText()), "answer to " + id, TIMEOUT);
            if (!"rate_limited".equals(answer.path("code").asText())) {
                return answer;
            }
            sleep(200);
        }
        throw new AssertionError("never served");
    }

    private static long medianRoundTrip(TestClient client, String prefix) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String id = prefix + i;
            long start = System.nanoTime();
            client.command(id, "look");
            JsonNode answer = client.await(f -> id.equals(f.path("id").asText()), "answer to " + id, TIMEOUT);
            micros.add((System.nanoTime() - start) / 1000);
            assertThat(answer.path("type").asText()).isEqualTo("room");
            sleep(210);
        }
        micros.sort(null);
        return micros.get(micros.size() / 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
