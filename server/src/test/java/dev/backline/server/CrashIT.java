package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.persist.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The server in a child JVM, on the embedded PostgreSQL, killed with SIGKILL in the middle of activity at
 * several moments. After each restart the soft state is at most about one flush interval old, and every
 * account whose creation was acknowledged (201) is there. The server left a PostgreSQL running each time; the
 * next start deals with it.
 */
class CrashIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** 10 ticks a second and a flush every second: one interval is 10 ticks; allow for the write in flight. */
    private static final long MAX_TICKS_LOST = 30;
    private static final long[] KILL_AFTER_MILLIS = {400, 1_700, 3_100};

    @Test
    void afterSigkillTheWorldIsAtMostOneFlushOldAndNoAcknowledgedAccountIsLost() throws Exception {
        Path dataDir = Files.createTempDirectory("backline-crash");
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        List<String> report = new ArrayList<>();
        try {
            long killedAtTick = -1;
            for (int round = 0; round <= KILL_AFTER_MILLIS.length; round++) {
                try (ChildServer server = ChildServer.start(dataDir, Map.of())) {
                    if (round > 0) {
                        long lost = killedAtTick - server.restoredTick();
                        report.add("round " + round + ": killed at tick " + killedAtTick + ", restored tick "
                                + server.restoredTick() + " (" + lost + " ticks lost)");
                        assertThat(server.restoredTick()).as("restored at most one flush interval behind the kill\n"
                                + server.log()).isBetween(killedAtTick - MAX_TICKS_LOST, killedAtTick);
                        for (String name : acknowledged) {
                            assertThat(TestClient.post(server.base(), "/api/sessions",
                                    TestClient.json(Map.of("name", name, "password", "secret-" + name))).statusCode())
                                    .as("acknowledged account " + name + " can log in").isEqualTo(200);
                        }
                    }
                    if (round == KILL_AFTER_MILLIS.length) {
                        server.stop();
                        break;
                    }
                    killedAtTick = busyThenKill(server, round, KILL_AFTER_MILLIS[round], acknowledged);
                }
            }
            assertThat(acknowledged).hasSizeGreaterThan(KILL_AFTER_MILLIS.length);
            assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
                    .as("SIGTERM ran the shutdown hook, which stopped PostgreSQL last").isFalse();
        } finally {
            System.out.println(String.join("\n", report));
            TestDatabase.deleteTree(dataDir);
        }
    }

    /** Players walk and talk and accounts are created until the kill; returns the tick just before it. */
    private static long busyThenKill(ChildServer server, int round, long killAfterMillis, List<String> acknowledged)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread registrations = Thread.ofVirtual().start(() -> {
            for (int i = 0; running.get(); i++) {
                String name = "crash" + round + "x" + i;
                try {
                    HttpResponse<String> answer = TestClient.post(server.base(), "/api/accounts",
                            TestClient.json(Map.of("name", name, "password", "secret-" + name)));
                    if (answer.statusCode() == 201) {
                        acknowledged.add(name);
                    }
                } catch (RuntimeException e) {
                    return; // the server died mid-request: not acknowledged
                }
            }
        });
        try (TestClient walker = TestClient.join(server.base(), "Walker" + round, "walker-secret")) {
            walker.awaitType("room", WAIT);
            long until = System.nanoTime() + killAfterMillis * 1_000_000;
            for (int i = 0; System.nanoTime() < until; i++) {
                walker.command("c" + i, i % 3 == 2 ? "say still here" : "look");
                walker.await(f -> f.path("id").asText().startsWith("c"), "an answer", WAIT);
            }
            long tick = server.tick();
            server.kill();
            running.set(false);
            registrations.join();
            return tick;
        }
    }
}
