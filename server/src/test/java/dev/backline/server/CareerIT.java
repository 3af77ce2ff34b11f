package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.server.config.BacklineConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end over the real WebSocket, with the reference world and pack: a new player practises guitar
 * and sees XP and burnout move in {@code stat_update} events, then picks up and equips an instrument
 * while another player watches. The game clock runs at two game hours per real second so a practice
 * session ends within the test.
 */
class CareerIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final double GAME_SECONDS_PER_REAL_SECOND = 7200;

    private static RunningGame running;

    @BeforeAll
    static void start() {
        BacklineConfig base = RunningGame.config(RunningGame.REPO.resolve("scripts"), TestDatabase.fresh());
        running = RunningGame.start(new BacklineConfig(base.server(), base.shard().withClockRatio(GAME_SECONDS_PER_REAL_SECOND),
                base.game(), base.dataDir(), base.database(), base.persistence()));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static boolean answers(JsonNode frame, String id) {
        return id.equals(frame.path("id").asText());
    }

    @Test
    void aNewPlayerPractisesGuitarThenPicksUpAndEquipsAnInstrument() {
        try (TestClient gina = TestClient.join(running.base(), "Gina", "gina-secret");
             TestClient hank = TestClient.join(running.base(), "Hank", "hank-secret")) {
            JsonNode sheet = gina.awaitType("stat_update", WAIT).path("payload");
            assertThat(sheet.path("energy").asDouble()).as("a new character: the whole sheet first").isEqualTo(100);
            assertThat(sheet.path("burnout").asDouble()).isZero();
            assertThat(sheet.path("skills").path("guitar").path("level").asInt()).isEqualTo(1);
            assertThat(sheet.path("skills").path("guitar").path("xp").asDouble()).isZero();
            hank.awaitType("stat_update", WAIT);

            gina.command("p1", "practice guitar 2");
            JsonNode started = gina.await(f -> answers(f, "p1") && "message".equals(f.path("type").asText()), "answer to practice", WAIT);
            assertThat(started.path("text").asText()).startsWith("You start practising guitar for 2 hours");
            JsonNode energy = gina.await(f -> answers(f, "p1") && "stat_update".equals(f.path("type").asText()), "energy spent", WAIT);
            assertThat(energy.path("payload").path("energy").asDouble()).isEqualTo(84);
            assertThat(energy.path("payload").has("burnout")).as("only what changed").isFalse();

            JsonNode done = gina.await(f -> f.path("text").asText().startsWith("You finish practising guitar"), "the end of the session", WAIT);
            assertThat(done.path("text").asText()).contains("+20 XP").contains("Burnout +5%");
            JsonNode progress = gina.await(f -> "stat_update".equals(f.path("type").asText())
                    && f.path("payload").has("skills"), "XP in a stat_update", WAIT).path("payload");
            assertThat(progress.path("skills").path("guitar").path("xp").asDouble()).isEqualTo(20);
            assertThat(progress.path("burnout").asDouble()).isEqualTo(5);
            assertThat(progress.has("charisma")).as("only what changed").isFalse();

            gina.command("g1", "get guitar");
            JsonNode got = gina.await(f -> answers(f, "g1"), "answer to get", WAIT);
            assertThat(got.path("text").asText()).isEqualTo("You pick up a busted acoustic guitar.");
            hank.await(f -> f.path("text").asText().equals("Gina picks up a busted acoustic guitar."), "Hank sees it", WAIT);

            gina.command("e1", "equip guitar");
            JsonNode equipped = gina.await(f -> answers(f, "e1") && "message".equals(f.path("type").asText()), "answer to equip", WAIT);
            assertThat(equipped.path("text").asText()).isEqualTo("You strap on a busted acoustic guitar (guitar +1).");
            JsonNode skill = gina.await(f -> answers(f, "e1") && "stat_update".equals(f.path("type").asText()), "the skill bonus", WAIT);
            assertThat(skill.path("payload").path("skills").path("guitar").path("effective").asDouble()).isEqualTo(2);
            hank.await(f -> f.path("text").asText().equals("Gina straps on a busted acoustic guitar."), "Hank sees it", WAIT);

            gina.command("i1", "inventory");
            assertThat(gina.await(f -> answers(f, "i1"), "answer to inventory", WAIT).path("text").asText())
                    .contains("a busted acoustic guitar (in your hands, condition 45%)");
        }
        assertThat(running.game().scripts().faults().recent()).as("script errors").isEmpty();
    }
}
