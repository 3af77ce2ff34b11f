package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunablesTest {
    @TempDir
    Path scripts;

    private TestWorld world() throws IOException {
        TestPacks.pack(scripts, "knobs", Map.of("main.js", """
                export function register(pack) {
                  pack.tunable('rate', { type: 'number', default: 1.5, min: 0, max: 10, help: 'a multiplier' });
                  pack.tunable('party', { type: 'boolean', default: false });
                  pack.tunable('mood', { type: 'string', default: 'calm', options: ['calm', 'wild'] });
                  pack.command({ name: 'knobs', help: 'Shows the knobs.',
                    run: (ctx) => ctx.reply(`${game.tunable('rate')} ${game.tunable('party')} ${game.tunable('mood')}`) });
                  pack.command({ name: 'nope', help: 'Reads an undeclared knob.', run: (ctx) => ctx.reply(String(game.tunable('nope'))) });
                }
                """));
        return TestWorld.builder().world(TestPacks::twoRooms).scripts(scripts).build();
    }

    @Test
    void scriptsReadDefaultsThenWhatLiveOpsSetAndRevert() throws IOException {
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            Tunables tunables = w.scripts().tunables();
            assertThat(ann.say("knobs")).isEqualTo("1.5 false calm");

            w.submit(s -> tunables.set("knobs", "rate", 3));
            w.submit(s -> tunables.set("knobs", "party", true));
            w.tick();
            assertThat(ann.say("knobs")).isEqualTo("3 true calm");
            w.submit(s -> tunables.set("knobs", "rate", 4.25));
            w.tick();
            assertThat(ann.say("knobs")).isEqualTo("4.25 true calm");

            w.submit(s -> assertThat(tunables.revert("knobs", "rate").after()).isEqualTo(3.0));
            w.tick();
            assertThat(ann.say("knobs")).isEqualTo("3 true calm");
            w.submit(s -> tunables.revert("knobs", "rate"));
            w.submit(s -> tunables.revert("knobs", "rate"));
            w.tick();
            assertThat(ann.say("knobs")).as("reverting past the first change gives the default").isEqualTo("1.5 true calm");
            assertThat(ann.say("nope")).contains("declares no tunable 'nope'");
        }
    }

    @Test
    void changesAreValidatedAgainstTypeRangeAndOptions() throws IOException {
        try (TestWorld w = world()) {
            Tunables t = w.scripts().tunables();
            assertThatThrownBy(() -> t.set("knobs", "rate", 11)).hasMessageContaining("from 0.0 to 10.0");
            assertThatThrownBy(() -> t.set("knobs", "rate", "2")).hasMessageContaining("a finite number");
            assertThatThrownBy(() -> t.set("knobs", "party", 1)).hasMessageContaining("true or false");
            assertThatThrownBy(() -> t.set("knobs", "mood", "sad")).hasMessageContaining("one of [calm, wild]");
            assertThatThrownBy(() -> t.set("knobs", "volume", 1)).hasMessageContaining("declares no tunable 'volume'");
            assertThatThrownBy(() -> t.set("other", "rate", 1)).hasMessageContaining("pack 'other'");
            assertThat(t.list()).extracting(v -> v.spec().name()).containsExactly("mood", "party", "rate");
        }
    }

    @Test
    void aScheduledChangeTakesEffectAfterTheTickThatReachesItsGameTime() throws IOException {
        try (TestWorld w = world()) {
            TestPlayer ann = w.join("Ann");
            Tunables t = w.scripts().tunables();
            long at = w.shard().clock().nowMillis() + Duration.ofHours(1).toMillis();
            t.schedule("knobs", "mood", "wild", at, "test");
            assertThat(t.find("knobs", "mood").orElseThrow().scheduled()).hasSize(1);

            w.advance(Duration.ofMinutes(30));
            assertThat(ann.say("knobs")).isEqualTo("1.5 false calm");
            w.advance(Duration.ofMinutes(31));
            assertThat(ann.say("knobs")).isEqualTo("1.5 false wild");
            assertThat(t.find("knobs", "mood").orElseThrow().scheduled()).isEmpty();
        }
    }

    @Test
    void badDeclarationsFailTheLoadNamingTheTunable() {
        for (List<String> bad : List.of(
                List.of("{ type: 'number', default: 20, max: 10 }", "must be a value from"),
                List.of("{ type: 'colour', default: 1 }", "type must be one of"),
                List.of("{ type: 'integer', default: 1.5 }", "a whole number"),
                List.of("{ type: 'boolean' }", "a default is required"))) {
            Path dir = scripts.resolve("case" + Math.abs(bad.getFirst().hashCode()));
            TestPacks.pack(dir, "bad", Map.of("main.js", "export function register(pack) { pack.tunable('x', " + bad.get(0) + "); }"));
            assertThatThrownBy(() -> TestWorld.builder().world(TestPacks::twoRooms).scripts(dir).build())
                    .as(bad.get(0)).hasMessageContaining("tunable 'x'").hasMessageContaining(bad.get(1));
        }
    }
}
