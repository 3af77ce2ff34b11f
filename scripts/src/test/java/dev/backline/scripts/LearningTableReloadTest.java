package dev.backline.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.content.WorldData;
import dev.backline.content.WorldDataLoader;
import dev.backline.script.ReloadReport;
import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.world.EntityId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live-ops changes a number in the reference pack's learning table and reloads the pack: the next
 * {@code learn} follows the new number, with no restart and the player still connected. A broken table
 * is refused and the running rules stay.
 */
class LearningTableReloadTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final String PACK = "backline-city";
    private static final EntityId LIVE_ROOM = EntityId.of("arts-quarter:live-room");

    @TempDir
    Path scripts;
    private TestWorld world;
    private Path table;

    @BeforeEach
    void start() throws IOException {
        copy(REPO.resolve("scripts").resolve(PACK), scripts.resolve(PACK));
        table = scripts.resolve(PACK).resolve("data/learning.json");
        WorldData data = WorldDataLoader.load(REPO.resolve("world-data"));
        world = TestWorld.builder().world(data::populate).startRoom(LIVE_ROOM).scripts(scripts).build();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aChangedXpRateAppliesToTheNextLearnAfterAReload() throws IOException {
        TestPlayer alice = world.join("Alice");
        assertThat(learnBooksForTwoHours(alice)).as("XP with the shipped table: 10 an hour").isEqualTo(20);

        Files.writeString(table, Files.readString(table).replace("\"xpPerHour\": 10,", "\"xpPerHour\": 25,"));
        ReloadReport report = world.reload(PACK);

        assertThat(report.errors()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.changedFiles()).extracting(c -> c.file()).containsExactly("data/learning.json");
        assertThat(world.shard().sessions().isOnline(alice.id())).as("still connected").isTrue();
        world.advance(Duration.ofHours(1));     // a new session, so the hours table gives the same 1.0×
        assertThat(learnBooksForTwoHours(alice)).as("XP with the edited table: 25 an hour").isEqualTo(50);
    }

    @Test
    void aBrokenTableIsRefusedAndTheRunningRulesStay() throws IOException {
        TestPlayer alice = world.join("Alice");
        Files.writeString(table, Files.readString(table).replace("\"xpPerHour\": 10,", "\"xpPerHour\": \"ten\","));

        ReloadReport report = world.reload(PACK);

        assertThat(report.ok()).isFalse();
        assertThat(String.join("\n", report.errors())).contains("data/learning.json: xpPerHour must be a number >= 0, not \"ten\"");
        assertThat(learnBooksForTwoHours(alice)).as("the old generation still teaches").isEqualTo(20);
    }

    /** Learns guitar from books for two hours and returns the guitar XP it gave. */
    private long learnBooksForTwoHours(TestPlayer player) {
        long before = guitarXp(player);
        assertThat(player.say("learn guitar books 2")).startsWith("You start learning guitar from books for 2 hours");
        world.advance(Duration.ofHours(2));
        return guitarXp(player) - before;
    }

    @SuppressWarnings("unchecked")
    private long guitarXp(TestPlayer player) {
        Map<String, Object> skills = (Map<String, Object>) world.shard().world().get(player.id()).property("skills");
        Map<String, Object> guitar = (Map<String, Object>) skills.get("guitar");
        return ((Number) guitar.get("xp")).longValue() + (((Number) guitar.get("level")).longValue() - 1) * 100;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
