package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pack.columns} and {@code game.columns}: a rule over every entity of a kind in one call per tick. */
class ColumnsTest {
    private static final EntityId HALL = EntityId.of("test:hall");

    @TempDir
    Path scripts;

    /** A herd pack: each tick its job takes 1 energy from every npc; commands to look at and change the herd. */
    private static final String HERD = """
            export function register(pack) {
              pack.columns('herd', { kind: 'npc', props: { energy: 100, mood: 50 } });
              pack.on('tick', () => {
                const { count, energy } = game.columns('herd');
                for (let i = 0; i < count; i++) energy[i] -= 1;
              });
              pack.command({ name: 'herd', help: 'Shows the herd.', run: (ctx) => {
                const t = game.columns('herd');
                const rows = [];
                for (let i = 0; i < t.count; i++) rows.push(t.id(i) + '=' + t.energy[i] + '/' + t.mood[i]);
                ctx.reply(rows.join(' '));
              }});
              pack.command({ name: 'calm', help: 'Sets one mood.', run: (ctx) => {
                const t = game.columns('herd');
                const row = t.row(ctx.args);
                t.mood[row] = 99;
                ctx.reply(String(game.prop(ctx.args, 'mood')) + ' before the handler ends, row ' + row);
              }});
              pack.command({ name: 'spawn', help: 'Adds an npc.', run: (ctx) => ctx.reply(game.spawn({ kind: 'npc', id: ctx.args, container: 'test:hall' })) });
              pack.command({ name: 'cull', help: 'Removes an npc.', run: (ctx) => { game.remove(ctx.args); ctx.reply('gone'); } });
              pack.command({ name: 'poison', help: 'Writes NaN.', run: (ctx) => { game.columns('herd').energy[0] = NaN; game.columns('herd').mood[0] = 7; ctx.reply('done'); } });
              pack.command({ name: 'nope', help: 'Asks for undeclared columns.', run: (ctx) => ctx.reply(String(game.columns('flock'))) });
              pack.command({ name: 'badrow', help: 'Asks for a row that is not there.', run: (ctx) => ctx.reply(game.columns('herd').id(99)) });
            }
            """;

    private static void herdWorld(World world) {
        TestPacks.twoRooms(world);
        world.create(EntitySpec.of(EntityId.of("npc:b"), "npc").withContainer(HALL).withProperty("energy", 10L));
        world.create(EntitySpec.of(EntityId.of("npc:a"), "npc").withContainer(HALL).withProperty("energy", 20.5)
                .withProperty("mood", 3L));
        world.create(EntitySpec.of(EntityId.of("test:chair"), "item").withContainer(HALL).withProperty("energy", 1L));
    }

    private TestWorld world(String main) {
        TestPacks.pack(scripts, "herd", Map.of("main.js", main));
        return TestWorld.builder().world(ColumnsTest::herdWorld).startRoom(HALL).scripts(scripts).build();
    }

    private static Object prop(TestWorld w, String id, String key) {
        return w.shard().world().get(EntityId.of(id)).property(key);
    }

    @Test
    void aTickJobsWritesReachTheEntitiesPropertiesAndTheChangesPersistenceCollects() {
        try (TestWorld w = world(HERD)) {
            TestPlayer ann = w.join("Ann");
            long after = w.shard().currentTick();
            assertThat(prop(w, "npc:a", "energy")).isEqualTo(20.5 - after);
            assertThat(prop(w, "npc:b", "energy")).isEqualTo(10L - after);
            assertThat(prop(w, "test:chair", "energy")).as("another kind").isEqualTo(1L);
            assertThat(prop(w, "npc:b", "mood")).as("only changed values are written").isNull();

            w.shard().world().drainChanges();
            w.tick();
            assertThat(w.shard().world().drainChanges().changed()).as("what the write-behind would store")
                    .filteredOn(s -> s.kind().equals("npc"))
                    .extracting(EntitySnapshot::id, s -> s.properties().get("energy"))
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(EntityId.of("npc:a"), 20.5 - after - 1),
                            org.assertj.core.groups.Tuple.tuple(EntityId.of("npc:b"), 10L - after - 1));
            // The command's tick runs the tick job first: one more decrement before the command reads.
            assertThat(ann.say("herd")).isEqualTo("npc:a=" + (20.5 - after - 2) + "/3 npc:b=" + (10 - after - 2) + "/50");
        }
    }

    @Test
    void aCommandsWriteLandsWhenItsHandlerEndsAndAChangeByOtherMeansIsSeenNextTime() {
        try (TestWorld w = world(HERD)) {
            TestPlayer ann = w.join("Ann");
            assertThat(ann.say("calm npc:b")).isEqualTo("null before the handler ends, row 1");
            assertThat(prop(w, "npc:b", "mood")).isEqualTo(99L);

            w.submit(s -> s.world().setProperty(EntityId.of("npc:a"), "mood", 12L));
            w.tick();
            assertThat(ann.say("herd")).contains("npc:a=").contains("/12 ");
        }
    }

    @Test
    void entitiesCreatedAndRemovedBetweenTicksGainAndLoseTheirRows() {
        try (TestWorld w = world(HERD)) {
            TestPlayer ann = w.join("Ann");
            assertThat(ann.say("spawn npc:c")).isEqualTo("npc:c");
            w.tick();
            assertThat(prop(w, "npc:c", "energy")).as("the default, less the first tick job after the command").isEqualTo(99L);
            assertThat(ann.say("cull npc:a")).isEqualTo("gone");
            w.tick();
            assertThat(ann.say("herd")).startsWith("npc:b=").contains(" npc:c=").doesNotContain("npc:a");
        }
    }

    @Test
    void aValueThatIsNotFiniteIsAScriptErrorAndThePropertyKeepsItsValue() {
        try (TestWorld w = world(HERD)) {
            TestPlayer ann = w.join("Ann");
            double before = ((Number) prop(w, "npc:a", "energy")).doubleValue();
            assertThat(ann.send("poison")).extracting(e -> e.type()).containsExactly("message", "error");
            assertThat(ProbePack.lastFault(w).toString()).contains("in command 'poison'")
                    .contains("game.columns('herd'): 1 value was not written back: npc:a energy is NaN");
            assertThat(prop(w, "npc:a", "energy")).as("kept, less the tick job's 1 after the command").isEqualTo(before - 1);
            assertThat(prop(w, "npc:a", "mood")).as("the finite write of the same call").isEqualTo(7L);
        }
    }

    @Test
    void undeclaredColumnsAndRowsOutOfRangeGetAClearError() {
        try (TestWorld w = world(HERD)) {
            TestPlayer ann = w.join("Ann");
            ann.say("nope");
            assertThat(ProbePack.lastFault(w).message())
                    .contains("game.columns: pack herd declares no columns 'flock'; it declares herd");
            ann.say("badrow");
            assertThat(ProbePack.lastFault(w).message()).contains("table.id: 'row' must be a whole number from 0 to 1, was 99");
        }
    }

    @Test
    void malformedDeclarationsStopTheLoadNamingTheField() {
        assertThatThrownBy(() -> world("""
                export function register(pack) { pack.columns('herd', { kind: 'npc', props: { energy: 'full' } }); }
                """)).isInstanceOf(PackLoadException.class)
                .hasMessageContaining("pack.columns 'herd': 'props.energy' must be a finite number");
        assertThatThrownBy(() -> world("""
                export function register(pack) { pack.columns('herd', { kind: 'npc', props: { count: 1 } }); }
                """)).hasMessageContaining("a column cannot be called 'count'");
        assertThatThrownBy(() -> world("""
                export function register(pack) { pack.columns('herd', { kind: 'npc', props: ['energy'] }); }
                """)).hasMessageContaining("'props' must be an object of property names and their defaults");
        assertThatThrownBy(() -> world("""
                export function register(pack) {
                  pack.columns('herd', { kind: 'npc', props: { e: 1 } });
                  pack.columns('herd', { kind: 'npc', props: { e: 1 } });
                }
                """)).hasMessageContaining("'herd' is already declared");
        assertThatThrownBy(() -> world("""
                export function register(pack) { pack.columns('herd', { kind: 'npc', props: { ['x'.repeat(65)]: 1 } }); }
                """)).hasMessageContaining("cannot name a property");
    }

    @Test
    void columnsAreNotAvailableWhileThePackLoads() {
        assertThatThrownBy(() -> world("""
                export function register(pack) {
                  pack.columns('herd', { kind: 'npc', props: { energy: 1 } });
                  game.columns('herd');
                }
                """)).isInstanceOf(PackLoadException.class)
                .hasMessageContaining("columns are available to handlers once the pack runs");
    }

    @Test
    void aReloadedGenerationStartsFromTheProperties() {
        try (TestWorld w = world(HERD)) {
            TestPlayer ann = w.join("Ann");
            w.ticks(3);
            assertThat(w.reload("herd").ok()).isTrue();
            long before = ((Number) prop(w, "npc:b", "energy")).longValue();
            assertThat(before).as("the old generation ran until the swap").isLessThan(10L - 3);
            w.tick();
            assertThat(prop(w, "npc:b", "energy")).as("the new one goes on from the property").isEqualTo(before - 1);
            assertThat(ann.say("herd")).as("the tick job runs before the command in its tick").contains("npc:b=" + (before - 2) + "/50");
        }
    }
}
