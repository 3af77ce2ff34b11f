package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.persist.AuditEntry;
import dev.backline.persist.postgres.DatabaseConfig;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.script.ReloadReport;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardState;
import dev.backline.testing.Await;
import dev.backline.timer.PackTimer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What scripts keep outlives the process, on the production wiring and a real PostgreSQL: the state store
 * (with what a reload's {@code migrate} made of it), pending {@code game.after} timers, repeating jobs on
 * the game calendar, and the audit record of every reload.
 */
class ScriptPersistenceIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PACK = "keeper";
    private static final String MAIN = """
            export function register(pack) {
              pack.command({ name: 'note', help: 'Notes a word.', run: (ctx) => {
                game.setState('notes', [...(game.state('notes') ?? []), ctx.args]);
                ctx.reply('noted ' + ctx.args);
              }});
              pack.command({ name: 'remind', help: 'Reminds later.', run: (ctx) => {
                ctx.reply(String(game.after(ctx.args, 'remind', { who: ctx.player, after: ctx.args })));
              }});
              pack.timer('remind', (d) => game.setState('reminded', [...(game.state('reminded') ?? []), d.after]));
              pack.every('1h', () => game.setState('hourly', (game.state('hourly') ?? 0) + 1));
            }
            """;

    @TempDir
    Path scripts;

    private static JsonNode answer(TestClient client, String id, String command) {
        client.command(id, command);
        return client.await(f -> id.equals(f.path("id").asText()), "answer to " + command, WAIT);
    }

    private static Map<String, Object> state(RunningGame game) {
        return game.world().call(s -> s.packStates().all(PACK)).join();
    }

    @Test
    void stateTimersJobsAndReloadsOfScriptsAreAsTheyWereAfterARestart() throws Exception {
        Path dir = ScriptPack.write(scripts, PACK, "1.0.0", MAIN);
        DatabaseConfig database = TestDatabase.fresh();
        List<PackTimer> pending;
        RunningGame first = RunningGame.start(RunningGame.config(scripts, database));
        try {
            try (TestClient ann = TestClient.join(first.base(), "Ann", "ann-secret")) {
                assertThat(answer(ann, "n1", "note hello").path("text").asText()).isEqualTo("noted hello");
                answer(ann, "n2", "note world");
                answer(ann, "r1", "remind 20h");
                answer(ann, "r2", "remind 30h");
            }
            // A new version whose migrate reshapes the state: what it returns is what must be stored.
            Files.writeString(dir.resolve("pack.yaml"), "name: keeper\nversion: 1.1.0\napiVersion: 1\nentry: main.js\n");
            Files.writeString(dir.resolve("main.js"), MAIN
                    + "export function migrate(from, to, state) { return { ...state, notes: state.notes.map((n) => n.toUpperCase()) }; }\n");
            ReloadReport report = first.game().scripts().reload(PACK, "admin:test").get(30, TimeUnit.SECONDS);
            assertThat(report.ok()).as(String.join("\n", report.errors())).isTrue();
            pending = first.world().call(s -> s.packTimers().of(PACK)).get(10, TimeUnit.SECONDS);
            assertThat(pending).extracting(PackTimer::name).containsExactly("remind", "remind");
        } finally {
            first.close();
        }
        ShardState stopped = first.game().shard().state();

        try (RunningGame second = RunningGame.start(RunningGame.config(scripts, database))) {
            Shard shard = second.game().shard();
            assertThat(second.world().call(s -> s.packStates().all(PACK)).get(10, TimeUnit.SECONDS))
                    .as("the migrated state, as stored").containsEntry("notes", List.of("HELLO", "WORLD"));
            assertThat(second.world().call(s -> s.packStates().version(PACK)).get(10, TimeUnit.SECONDS)).contains("1.1.0");
            assertThat(second.world().call(s -> s.packTimers().of(PACK)).get(10, TimeUnit.SECONDS))
                    .as("pending timers, with their due times and data").isEqualTo(pending);

            JsonNode health = TestClient.parse(TestClient.get(second.base(), "/health").body());
            assertThat(health.path("tick").asLong()).as("the world's tick goes on").isGreaterThanOrEqualTo(stopped.tick());
            assertThat(Instant.parse(health.path("gameTime").asText()))
                    .isAfterOrEqualTo(Instant.ofEpochMilli(stopped.gameMillis()));

            // Skip a game day: the timers fire at their times, and the hourly job has run once per game hour.
            second.world().call(s -> {
                s.clock().advanceGame(Duration.ofHours(25));
                return null;
            }).get(10, TimeUnit.SECONDS);
            // A task may run in the same tick as the one that moved the clock, before that tick fires timers.
            Await.until("the 20h timer to fire", () -> state(second).containsKey("reminded"));
            List<Object> after = second.world().call(s -> List.<Object>of(s.packStates().all(PACK), s.clock().nowMillis()))
                    .get(10, TimeUnit.SECONDS);
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) after.get(0);
            long hoursRun = (Long) after.get(1) / 3_600_000 - shard.config().gameStart().toEpochMilli() / 3_600_000;
            assertThat(state).containsEntry("reminded", List.of("20h"));
            assertThat(state).as("the hourly job ran once per game hour, across the restart").containsEntry("hourly", hoursRun);

            List<AuditEntry> audit = second.game().database().auditLog().recent(20);
            assertThat(audit).filteredOn(e -> e.action().equals("pack.reload")).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("admin:test");
                assertThat(e.subject()).isEqualTo(PACK);
                assertThat(e.details()).containsEntry("ok", true).containsEntry("generation", 2L)
                        .containsEntry("previousGeneration", 1L).containsKey("errors");
                assertThat(e.details().get("files")).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsOnlyKeys("main.js", "pack.yaml");
                assertThat(e.details().get("changedFiles")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);
            });
        }
    }
}
