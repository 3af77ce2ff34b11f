package dev.backline.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entity views are shared read-only snapshots: the same object until the entity changes, a new one after
 * any change of its properties, tags or place, and never one that a script could alter for another.
 */
class EntityViewsTest {
    private static final String ME = "'player:mallory'";

    @TempDir
    Path scripts;

    @Test
    void aViewIsTheSameObjectUntilItsEntityChangesAndANewOneShowsEachChange() {
        ProbePack.write(scripts, Map.of("revisions", """
                () => { const a = game.entity(ME), b = game.entity(ME);
                        game.setProp(ME, 'mood', 'happy'); const c = game.entity(ME);
                        game.tag(ME, 'tuned'); const d = game.entity(ME);
                        game.move(ME, 'test:yard'); const e = game.entity(ME);
                        return [a === b, b === c, c.props.mood, c === d, d.tags.includes('tuned'), d === e, e.container,
                                a.props.mood ?? 'none', game.entity(ME) === e].join(); }""".replace("ME", ME)));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try revisions")).isEqualTo("ok: true,false,happy,false,true,false,test:yard,none,true");
        }
    }

    @Test
    void aMoveOrATagGivesANewViewAroundTheSamePropsAndAChangedPropertyGivesNewProps() {
        ProbePack.write(scripts, Map.of("shells", """
                () => { game.setProp(ME, 'gear', { amp: { watts: 50 } });
                        const a = game.entity(ME);
                        game.move(ME, 'test:yard'); const b = game.entity(ME);
                        game.tag(ME, 'walker'); const c = game.entity(ME);
                        game.setProp(ME, 'mood', 'tired'); const d = game.entity(ME);
                        return [a !== b, a.props === b.props, b.container, b === c, c.props === b.props,
                                c.tags.includes('walker'), Object.isFrozen(c), Object.isFrozen(c.tags),
                                Object.isFrozen(c.props.gear.amp), Object.keys(c).join('/'),
                                d.props === c.props, d.props.mood, d.props.gear.amp.watts, d.container].join(); }"""
                .replace("ME", ME)));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try shells")).isEqualTo("ok: true,true,test:yard,false,true,true,true,true,true,"
                    + "id/kind/template/container/tags/props,false,tired,50,test:yard");
        }
    }

    @Test
    void aWorldOfMoreEntitiesThanTheSmallestCacheKeepsTheViewsOfAllOfThem() {
        // 9,000 entities, more than EntityViews.MIN_CAPACITY: a game whose working set is the whole world must
        // not rebuild views in a circle (a fixed bound of 8,192 did, and doubled what a command cost).
        int things = EntityViews.MIN_CAPACITY + 808;
        ProbePack.write(scripts, Map.of(
                "first", "() => { kept = game.entity('test:thing-0'); return String(kept.props.n); }",
                "more", "() => { const end = Math.min(next + 1500, " + things + "); "
                        + "for (; next < end; next++) game.entity('test:thing-' + next); return String(next); }",
                "again", "() => [game.entity('test:thing-0') === kept, game.entity('test:thing-" + (things - 1)
                        + "').props.n].join()"), "", "let kept = null; let next = 1;");
        try (TestWorld w = TestWorld.builder().world(world -> {
            TestPacks.twoRooms(world);
            for (int i = 0; i < things; i++) {
                world.create(EntitySpec.of(EntityId.of("test:thing-" + i), "thing").withProperty("n", i));
            }
        }).scripts(scripts).build()) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try first")).isEqualTo("ok: 0");
            String read = "";
            for (int i = 0; i < 10 && !read.equals("ok: " + things); i++) {
                read = mallory.say("try more");
            }
            assertThat(read).isEqualTo("ok: " + things);
            assertThat(mallory.say("try again")).isEqualTo("ok: true," + (things - 1));
        }
    }

    @Test
    void somethingArrivingInARoomChangesItsListingButNotItsOwnView() {
        ProbePack.write(scripts, Map.of("arrivals", """
                () => { const room = game.entity('test:yard'), before = game.contents('test:yard').length;
                        game.move(ME, 'test:yard');
                        return [game.entity('test:yard') === room, game.contents('test:yard').length - before].join(); }"""
                .replace("ME", ME)));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try arrivals")).isEqualTo("ok: true,1");
        }
    }

    @Test
    void contentsIsANewArrayForTheScriptToChangeHoldingTheSharedViews() {
        ProbePack.write(scripts, Map.of("listing", """
                () => { const x = game.contents('test:hall'), y = game.contents('test:hall');
                        x.push('junk'); x.sort();
                        return [x !== y, Object.isFrozen(x), y.includes('junk'), y.every((v) => x.includes(v)),
                                Object.isFrozen(y[0]), y.find((v) => v.id === ME) === game.entity(ME)].join(); }"""
                .replace("ME", ME)));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try listing")).isEqualTo("ok: true,false,false,true,true,true");
        }
    }

    @Test
    void playersInListsTheConnectedPlayersOfARoomOnly() {
        ProbePack.write(scripts, Map.of("here", """
                () => { const room = game.entity(ME).container;
                        const names = (list) => list.map((p) => p.id).sort().join(' ');
                        game.spawn({ kind: 'player', id: 'player:ghost', container: room });
                        game.spawn({ kind: 'npc', id: 'test:bard', container: room });
                        const here = game.playersIn(room);
                        let error = 'none';
                        try { game.playersIn('Not An Id'); } catch (e) { error = e.message; }
                        return [names(here), here.find((p) => p.id === ME) === game.entity(ME), Object.isFrozen(here),
                                game.playersIn('test:nowhere').length, error].join(); }""".replace("ME", ME)));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");
            w.join("Trent");

            assertThat(mallory.say("try here")).isEqualTo("ok: player:mallory player:trent,true,false,0,"
                    + "game.playersIn: 'room' must be an entity id like 'city:bar', was 'Not An Id'");
        }
    }

    @Test
    void aPropertyIsAsReadOnlyAsTheViewAndACopyOfItCanBeChangedAndStored() {
        ProbePack.write(scripts, Map.of("gear", """
                () => { game.setProp(ME, 'gear', { amp: { watts: 50 }, picks: [1, 2] });
                        const first = game.prop(ME, 'gear');
                        let error = 'none';
                        try { first.amp.watts = 100; } catch (e) { error = e.name; }
                        const view = game.entity(ME), cached = game.prop(ME, 'gear');
                        const louder = { ...cached, amp: { ...cached.amp, watts: 100 }, picks: [...cached.picks, 3] };
                        game.setProp(ME, 'gear', louder);
                        return [error, Object.isFrozen(first.picks), cached === view.props.gear, first.amp.watts,
                                game.prop(ME, 'gear').amp.watts, game.entity(ME).props.gear.picks.length,
                                String(game.prop(ME, 'missing'))].join(); }""".replace("ME", ME)));
        try (TestWorld w = ProbePack.world(scripts)) {
            TestPlayer mallory = w.join("Mallory");

            assertThat(mallory.say("try gear")).isEqualTo("ok: TypeError,true,true,50,100,3,null");
        }
    }
}
