package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.persist.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The server in a child JVM, on the embedded PostgreSQL, killed with SIGKILL in the middle of activity at
 * several moments. After each restart the soft state is at most about one flush interval old, and every
 * durable operation that was acknowledged is there: each account whose creation was answered 201, and each
 * purchase a script made durable ({@code game.durable()}) and answered. The server left a PostgreSQL running
 * each time; the next start deals with it.
 */
class CrashIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** 10 ticks a second and a flush every second: one interval is 10 ticks; allow for the write in flight. */
    private static final long MAX_TICKS_LOST = 30;
    private static final long[] KILL_AFTER_MILLIS = {400, 1_700, 3_100};
    /** Beside the reference pack: a durable purchase, and a way to read what was bought. */
    private static final String STASH = """
            export function register(pack) {
              pack.command({ name: 'stash', help: 'Stashes a coin, durably.', run: (ctx) => {
                game.durable();
                const n = (game.prop(ctx.player, 'stashed') ?? 0) + 1;
                game.setProp(ctx.player, 'stashed', n);
                ctx.reply('stashed ' + n);
              }});
              pack.command({ name: 'stashed', help: 'Counts the stash.', run: (ctx) => ctx.reply(String(game.prop(ctx.player, 'stashed') ?? 0)) });
            }
            """;

    @Test
    void afterSigkillTheWorldIsAtMostOneFlushOldAndNoAcknowledgedOperationIsLost() throws Exception {
        Path dataDir = Files.createTempDirectory("backline-crash");
        Path scripts = Files.createTempDirectory("backline-crash-scripts");
        copyTree(RunningGame.REPO.resolve("scripts/backline-city"), scripts.resolve("backline-city"));
        ScriptPack.write(scripts, "crash-stash", "1.0.0", STASH);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Map<String, Long> stashed = new ConcurrentHashMap<>();
        List<String> report = new ArrayList<>();
        try {
            long killedAtTick = -1;
            for (int round = 0; round <= KILL_AFTER_MILLIS.length; round++) {
                try (ChildServer server = ChildServer.start(dataDir, Map.of("BACKLINE_SCRIPTS_DIR", scripts.toString()))) {
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
                        for (Map.Entry<String, Long> walker : stashed.entrySet()) {
                            try (TestClient client = TestClient.join(server.base(), walker.getKey(), "walker-secret")) {
                                client.command("n", "stashed");
                                long stored = client.await(f -> "n".equals(f.path("id").asText()), "the stash", WAIT)
                                        .path("text").asLong();
                                assertThat(stored).as("every acknowledged purchase of " + walker.getKey() + " is stored")
                                        .isGreaterThanOrEqualTo(walker.getValue());
                            }
                        }
                    }
                    if (round == KILL_AFTER_MILLIS.length) {
                        server.stop();
                        break;
                    }
                    killedAtTick = busyThenKill(server, round, KILL_AFTER_MILLIS[round], acknowledged, stashed);
                }
            }
            assertThat(acknowledged).hasSizeGreaterThan(KILL_AFTER_MILLIS.length);
            assertThat(stashed).as("purchases were acknowledged in every round").hasSize(KILL_AFTER_MILLIS.length);
            assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
                    .as("SIGTERM ran the shutdown hook, which stopped PostgreSQL last").isFalse();
        } finally {
            System.out.println(String.join("\n", report));
            TestDatabase.deleteTree(dataDir);
            TestDatabase.deleteTree(scripts);
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /**
     * Players walk, talk and stash (durably) and accounts are created until the kill; returns the tick just
     * before it.
     */
    private static long busyThenKill(ChildServer server, int round, long killAfterMillis, List<String> acknowledged,
                                     Map<String, Long> stashed) throws Exception {
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
        String name = "Walker" + round;
        try (TestClient walker = TestClient.join(server.base(), name, "walker-secret")) {
            walker.awaitType("room", WAIT);
            long until = System.nanoTime() + killAfterMillis * 1_000_000;
            for (int i = 0; i == 0 || System.nanoTime() < until; i++) {
                String id = "c" + i;
                walker.command(id, i % 3 == 0 ? "stash" : i % 3 == 1 ? "look" : "say still here");
                JsonNode answer = walker.await(f -> id.equals(f.path("id").asText()), "an answer", WAIT);
                if (answer.path("text").asText().startsWith("stashed ")) {
                    stashed.put(name, Long.parseLong(answer.path("text").asText().substring("stashed ".length())));
                }
            }
            long tick = server.tick();
            server.kill();
            running.set(false);
            registrations.join();
            return tick;
        }
    }
}
