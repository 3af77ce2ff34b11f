package dev.backline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backline.persist.postgres.TestDatabase;
import dev.backline.server.config.BacklineConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end over the real WebSocket, with the reference world and pack: a new player completes the
 * starter quest as a client would, command by command — practises guitar to level 2, forms a band, books
 * a small gig with the booking agent, plays it in the evening, checks skills, stats and the charts — and
 * {@code GET /api/world} shows the calendar the pack publishes. The game clock runs at one game hour per
 * real second, so the test waits for the hours it needs by watching the {@code clock} events.
 */
class WorldIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final double GAME_SECONDS_PER_REAL_SECOND = 3600;

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

    private static JsonNode starterQuest(JsonNode questsFrame) {
        for (JsonNode quest : questsFrame.path("payload").path("quests")) {
            if ("first-steps".equals(quest.path("id").asText())) {
                return quest;
            }
        }
        return null;
    }

    /** Waits for the `quests` event that shows the starter quest at `step` and not done. */
    private static JsonNode awaitStep(TestClient client, int step) {
        return client.await(f -> "quests".equals(f.path("type").asText()) && starterQuest(f) != null
                && starterQuest(f).path("step").asInt() == step && !starterQuest(f).path("done").asBoolean(),
                "starter quest at step " + step, WAIT);
    }

    /** Waits (game hours pass at one a second) until the clock shows an hour `wanted` accepts. */
    private static void awaitHour(TestClient client, String id, IntPredicate wanted) {
        client.command(id, "time");
        JsonNode clock = client.await(f -> "clock".equals(f.path("type").asText()), "the clock", WAIT);
        while (!wanted.test(clock.path("payload").path("hour").asInt())) {
            clock = client.await(f -> "clock".equals(f.path("type").asText()), "the next game hour", WAIT);
        }
    }

    private static String say(TestClient client, String id, String command) {
        client.command(id, command);
        return client.await(f -> answers(f, id) && f.hasNonNull("text"), "answer to " + command, WAIT).path("text").asText();
    }

    @Test
    void aNewPlayerCompletesTheStarterQuest() {
        try (TestClient wendy = TestClient.join(running.base(), "Wendy", "wendy-secret")) {
            JsonNode clock = wendy.awaitType("clock", WAIT);
            assertThat(clock.path("payload").path("weekday").asText()).isIn("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
            JsonNode first = awaitStep(wendy, 1);
            assertThat(starterQuest(first).path("steps").asInt()).isEqualTo(7);
            assertThat(starterQuest(first).path("done").asBoolean()).isFalse();

            assertThat(say(wendy, "p1", "practice guitar 7")).startsWith("You start practising guitar for 7 hours");
            wendy.await(f -> f.path("text").asText().startsWith("You finish practising guitar"), "the end of practice", WAIT);
            awaitStep(wendy, 2);                                   // level 2 is seen at the next game hour

            assertThat(say(wendy, "b1", "band create Wendy and the Weekdays")).doesNotContain("already");
            awaitStep(wendy, 3);

            say(wendy, "w1", "west");
            say(wendy, "d1", "down");                              // The Basement: Dex books from 10:00 to 02:00
            awaitHour(wendy, "t1", h -> h >= 10 && h <= 16);
            wendy.command("g1", "gig book broken string today");
            wendy.await(f -> answers(f, "g1") && f.path("text").asText().startsWith("Booked"), "the booking", WAIT);
            awaitStep(wendy, 4);

            say(wendy, "u1", "up");
            say(wendy, "i1", "in");                                // The Broken String, where the gig is
            awaitHour(wendy, "t2", h -> h >= 19 && h <= 22);
            wendy.command("g2", "gig perform");
            JsonNode gig = wendy.await(f -> "gig_result".equals(f.path("type").asText()), "the gig's result", WAIT);
            assertThat(gig.path("payload").path("venue").asText()).isEqualTo("nightlife:broken-string");
            awaitStep(wendy, 5);

            say(wendy, "s1", "skills");
            awaitStep(wendy, 6);
            say(wendy, "s2", "stats");
            awaitStep(wendy, 7);
            wendy.command("c1", "charts");
            JsonNode done = wendy.await(f -> f.path("text").asText().startsWith("Quest complete: First Steps!"), "the reward", WAIT);
            assertThat(done.path("text").asText()).contains("$150");
            assertThat(starterQuest(done).path("done").asBoolean()).as("the note carries the quest list").isTrue();
        }
        assertThat(running.game().scripts().faults().recent()).as("script errors").isEmpty();
    }

    @Test
    void theWorldRouteShowsTheCalendarThePackPublishes() {
        try (TestClient ivo = TestClient.join(running.base(), "Ivo", "ivo-secret-1")) {
            ivo.awaitType("clock", WAIT);
        }
        HttpResponse<String> response = TestClient.get(running.base(), "/api/world");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode world = TestClient.parse(response.body());
        assertThat(world.path("day").asInt()).isPositive();
        assertThat(world.path("hour").asInt()).isBetween(0, 23);
        assertThat(world.path("season").asText()).isIn("spring", "summer", "autumn", "winter");
        assertThat(world.path("night").isBoolean()).isTrue();
        assertThat(world.path("gameTime").asText()).as("the engine's clock").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(world.path("tick").asLong()).isPositive();
    }
}
